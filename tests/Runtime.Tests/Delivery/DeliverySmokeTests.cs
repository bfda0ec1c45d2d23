using System;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

public sealed class DeliverySmokeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Retry_AfterServiceUnavailable_DeliversOnce()
    {
        await using var server = new SegmentTestServer("key");
        server.Script(ServerReply.Status(500), ServerReply.Status(503));
        var options = new TelemetryOptions
        {
            WriteKey = "key",
            Endpoint = server.BaseAddress,
            MinRetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
            UseSpool = false,
        };
        await using var client = new TelemetryClient(options);

        client.Track("A", null);
        client.Track("B", null);
        await client.FlushAsync().WaitAsync(Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, server.DeliveredMessageIds.Count);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(2, client.GetStatistics().Retried);
        Assert.Equal(new int?[] { null, 1, 2 }, new[] { server.Requests[0].RetryCount, server.Requests[1].RetryCount, server.Requests[2].RetryCount });
    }
}
