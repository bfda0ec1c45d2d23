using System;
using System.Threading;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

/// <summary>
/// Sends one batch through a <see cref="SegmentHttpSink"/> once per test process, so that the first request of a
/// test with a short request or shutdown timeout does not also pay for compiling the HTTP, socket and gzip code.
/// </summary>
/// <remarks>
/// Measured with <c>dotnet test --filter</c> on one shutdown test, run alone on a 2-core machine: the client spent
/// over 500 ms on its first request before the test server had read it, while later requests took milliseconds.
/// </remarks>
internal static class HttpSenderWarmUp
{
    private static readonly Lazy<Task> s_warmUp = new(SendOneBatchAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Completes once the warm-up batch has been delivered.</summary>
    public static Task EnsureAsync() => s_warmUp.Value;

    private static async Task SendOneBatchAsync()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        using var sink = new SegmentHttpSink(DeliveryTestOptions.WriteKey, server.BaseAddress);
        TrackItem item = SampleItems.CreateSimple(SequentialGuids.Format(1), "Warm Up", "a");
        await sink.SendAsync(new[] { item }, CancellationToken.None).WaitAsync(DeliveryTestOptions.Guard);
    }
}
