using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

/// <summary>
/// The disk spool seen through the client: batches out of retries are written to it, the next client restores and
/// sends them unchanged, and a spool folder that cannot be created leaves delivery from memory working.
/// </summary>
public sealed class DeliverySpoolIntegrationTests : IDisposable
{
    private const int RetriesExhaustedEventId = 22;
    private const int SpoolUnavailableEventId = 24;
    private const int EventsRestoredEventId = 26;

    private static readonly TimeSpan Guard = DeliveryTestOptions.Guard;

    private readonly SpoolTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RetriesExhausted_SpoolsForNextClient()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.DefaultReply = ServerReply.Status(503);
        var firstLogger = new RecordingLogger();
        TelemetryOptions firstOptions = DeliveryTestOptions.Create(server, firstLogger);
        firstOptions.MaxRetries = 2;
        firstOptions.SpoolDirectory = _folder.SpoolPath;
        string[] spooledIds = DeliveryTestOptions.MessageIds(1, 3);

        await using (var first = new TelemetryClient(firstOptions))
        {
            first.Track("A", null);
            first.Track("B", null);
            first.Track("C", null);
            await first.FlushAsync().WaitAsync(Guard);

            TelemetryStatistics statistics = first.GetStatistics();
            Assert.Equal(3, statistics.Spooled);
            Assert.Equal(0, statistics.Dropped);
            Assert.Equal(0, statistics.Sent);
            Assert.Equal(2, statistics.Retried);
        }

        Assert.Equal(new int?[] { null, 1, 2 }, server.Requests.Select(request => request.RetryCount));
        Assert.All(server.Requests, request => Assert.Equal(spooledIds, request.MessageIds));
        Assert.Equal(
            "Gave up sending a batch of 3 events after 3 attempts, the last failed with HTTP 503 "
            + "(Service Unavailable). The events were spooled.",
            Assert.Single(firstLogger.WithEventId(RetriesExhaustedEventId)).Message);
        Assert.Single(Directory.GetFiles(_folder.SpoolPath, "events-*-3.json"));

        // The second client runs an hour later, so its own event and its sentAt differ from the spooled events.
        server.DefaultReply = ServerReply.Ok;
        var secondLogger = new RecordingLogger();
        TelemetryOptions secondOptions = DeliveryTestOptions.Create(server, secondLogger);
        secondOptions.SpoolDirectory = _folder.SpoolPath;
        secondOptions.TimeProvider = new ManualTimeProvider(DeliveryTestOptions.Now.AddHours(1));
        secondOptions.MessageIdGenerator = () => new Guid(SequentialGuids.Format(4));
        await using var second = new TelemetryClient(secondOptions);

        second.Track("D", null);
        await second.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(4, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(4, server.Requests.Count);
        ReceivedRequest replay = server.Requests[3];
        Assert.Null(replay.RetryCount);
        Assert.Equal("2024-03-09T15:05:07.250Z", replay.SentAt);
        Assert.Equal(DeliveryTestOptions.MessageIds(1, 4), replay.MessageIds);

        // The restored items are byte for byte what the first client sent, with the original message ids and
        // timestamps, and they go out ahead of the new event.
        Assert.Equal(server.Requests[0].ItemJson, replay.ItemJson.Take(3));
        Assert.Contains("\"timestamp\":\"2024-03-09T14:05:07.250Z\"", replay.ItemJson[0]);
        Assert.Contains("\"timestamp\":\"2024-03-09T15:05:07.250Z\"", replay.ItemJson[3]);
        Assert.Equal(DeliveryTestOptions.MessageIds(1, 4), server.DeliveredMessageIds);
        Assert.All(DeliveryTestOptions.MessageIds(1, 4), id => Assert.Equal(1, server.DeliveryCount(id)));

        TelemetryStatistics restored = second.GetStatistics();
        Assert.Equal(3, restored.Restored);
        Assert.Equal(1, restored.Accepted);
        Assert.Equal(4, restored.Sent);
        Assert.Equal(0, restored.Spooled);
        Assert.Equal(0, restored.Dropped);
        Assert.Equal(
            $"Read 3 undelivered events of earlier runs from the spool folder '{_folder.SpoolPath}' to send them.",
            Assert.Single(secondLogger.WithEventId(EventsRestoredEventId)).Message);
        Assert.Empty(Directory.GetFiles(_folder.SpoolPath, "events-*.json"));

        await second.DisposeAsync();
        Assert.Empty(Directory.GetFiles(_folder.SpoolPath, "events-*.json"));
    }

    [Fact]
    public async Task SpoolUnderFile_DeliversFromMemory()
    {
        string blockingFile = Path.Combine(_folder.RootPath, "not-a-folder");
        File.WriteAllText(blockingFile, "a regular file where the spool's parent folder should be");
        string spoolPath = Path.Combine(blockingFile, "spool");
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(ServerReply.Status(503), ServerReply.Status(503));
        var logger = new RecordingLogger();
        TelemetryOptions options = DeliveryTestOptions.Create(server, logger);
        options.SpoolDirectory = spoolPath;
        options.MaxRetries = 0;
        options.ShutdownTimeout = TimeSpan.FromMilliseconds(300);
        await using var client = new TelemetryClient(options);

        // Each of the first two batches runs out of retries at its first failure and cannot be spooled.
        client.Track("A", null);
        await client.FlushAsync().WaitAsync(Guard);
        client.Track("B", null);
        await client.FlushAsync().WaitAsync(Guard);
        client.Track("C", null);
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(1, Guard);

        // The last event is still waiting at shutdown, and the spool cannot keep it either.
        server.DefaultReply = ServerReply.NeverAnswer;
        client.Track("D", null);
        client.Dispose();

        // The request of the last event may not have reached the server before shutdown canceled it.
        Assert.Empty(server.Violations);
        Assert.Equal(
            DeliveryTestOptions.MessageIds(1, 3),
            server.Requests.Take(3).Select(request => Assert.Single(request.MessageIds)));
        Assert.Equal(DeliveryTestOptions.MessageIds(3, 3), server.DeliveredMessageIds);
        Assert.Equal(1, server.DeliveryCount(SequentialGuids.Format(3)));
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(1, statistics.Sent);
        Assert.Equal(0, statistics.Spooled);
        Assert.Equal(2, statistics.GetDroppedCount(TelemetryDropReason.RetriesExhausted));
        Assert.Equal(1, statistics.GetDroppedCount(TelemetryDropReason.ShutdownTimedOut));
        Assert.Equal(3, statistics.Dropped);
        LogEntry warning = Assert.Single(logger.WithEventId(SpoolUnavailableEventId));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(
            $"The spool folder '{spoolPath}' cannot be used, so undelivered events are kept in memory only and are "
            + "lost at exit. Check that the folder can be created and written.",
            warning.Message);
        Assert.IsAssignableFrom<IOException>(warning.Exception);
        Assert.True(File.Exists(blockingFile));
    }
}
