using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

/// <summary>
/// Dispose and DisposeAsync against the Segment test server: what they deliver, spool or drop, and how long they
/// block.
/// </summary>
public sealed class DeliveryShutdownTests : IDisposable
{
    private const int ClientDisposedEventId = 9;
    private const int EventsSpooledEventId = 27;
    private const int ShutdownTimedOutEventId = 29;

    private static readonly TimeSpan Guard = DeliveryTestOptions.Guard;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMilliseconds(500);

    // For tests in which disposal must deliver. Disposal returns as soon as the events are delivered, and the first
    // request of a test run alone can take longer than ShutdownTimeout.
    private static readonly TimeSpan DeliveryShutdownTimeout = TimeSpan.FromSeconds(10);

    // Disposal may block for the shutdown timeout plus 1 s for writing the spool. The rest is scheduling margin.
    private static readonly TimeSpan MaxDisposeTime = ShutdownTimeout + TimeSpan.FromSeconds(1.5);

    private readonly SpoolTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Dispose_SpoolsWhenServerNeverAnswers()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.DefaultReply = ServerReply.NeverAnswer;
        var logger = new RecordingLogger();
        var client = new TelemetryClient(CreateOptions(server, logger, withSpool: true));
        TrackEvents(client, 3);

        var stopwatch = Stopwatch.StartNew();
        client.Dispose();
        stopwatch.Stop();

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, MaxDisposeTime);
        AssertSpooledAll(client, server, logger);
    }

    [Fact]
    public async Task DisposeAsync_SpoolsWhenServerNeverAnswers()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.DefaultReply = ServerReply.NeverAnswer;
        var logger = new RecordingLogger();
        var client = new TelemetryClient(CreateOptions(server, logger, withSpool: true));
        TrackEvents(client, 3);

        var stopwatch = Stopwatch.StartNew();
        await client.DisposeAsync().AsTask().WaitAsync(Guard);
        stopwatch.Stop();

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, MaxDisposeTime);
        AssertSpooledAll(client, server, logger);
    }

    [Fact]
    public async Task Dispose_DropsWithoutSpool()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.DefaultReply = ServerReply.NeverAnswer;
        var logger = new RecordingLogger();
        var client = new TelemetryClient(CreateOptions(server, logger, withSpool: false));
        TrackEvents(client, 3);

        var stopwatch = Stopwatch.StartNew();
        client.Dispose();
        stopwatch.Stop();

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, MaxDisposeTime);
        Assert.Empty(server.Violations);
        Assert.Empty(server.DeliveredMessageIds);
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(3, statistics.GetDroppedCount(TelemetryDropReason.ShutdownTimedOut));
        Assert.Equal(3, statistics.Dropped);
        Assert.Equal(0, statistics.Spooled);
        Assert.Equal(0, statistics.Sent);
        Assert.False(Directory.Exists(_folder.SpoolPath));
        Assert.Equal(
            "Dropped 3 events because they were not delivered within the shutdown timeout of 500 ms and no spool "
            + "was available to keep them.",
            Assert.Single(logger.WithEventId(ShutdownTimedOutEventId)).Message);
    }

    [Fact]
    public async Task Dispose_DeliversWaitingEvents()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        var client = new TelemetryClient(CreateOptions(server, logger: null, withSpool: true, DeliveryShutdownTimeout));
        TrackEvents(client, 3);

        client.Dispose();
        await server.WaitForDeliveredAsync(3, Guard);

        Assert.Empty(server.Violations);
        ReceivedRequest request = Assert.Single(server.Requests);
        Assert.Null(request.RetryCount);
        Assert.Equal(DeliveryTestOptions.MessageIds(1, 3), request.MessageIds);
        Assert.Equal(DeliveryTestOptions.MessageIds(1, 3), server.DeliveredMessageIds);
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(3, statistics.Sent);
        Assert.Equal(0, statistics.Dropped);
        Assert.Equal(0, statistics.Spooled);
        Assert.Equal(0, statistics.PendingCount);
        Assert.False(Directory.Exists(_folder.SpoolPath));
    }

    [Fact]
    public async Task Dispose_RetryableFailureSpoolsAtOnce()
    {
        await HttpSenderWarmUp.EnsureAsync();
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.DefaultReply = ServerReply.Status(503);
        // A retry would wait 2 s within the long shutdown timeout, so a return within 1.5 s shows that the failure
        // spooled the batch at once.
        TelemetryOptions options = CreateOptions(server, logger: null, withSpool: true, TimeSpan.FromSeconds(20));
        options.MaxRetryDelay = TimeSpan.FromSeconds(2);
        options.MinRetryDelay = TimeSpan.FromSeconds(2);
        var client = new TelemetryClient(options);
        TrackEvents(client, 3);

        var stopwatch = Stopwatch.StartNew();
        client.Dispose();
        stopwatch.Stop();

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
        Assert.Empty(server.Violations);
        ReceivedRequest request = Assert.Single(server.Requests);
        Assert.Null(request.RetryCount);
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(3, statistics.Spooled);
        Assert.Equal(0, statistics.Retried);
        Assert.Equal(0, statistics.Dropped);
        Assert.Equal("HTTP 503 (Service Unavailable)", statistics.LastFailureReason);
        Assert.Single(Directory.GetFiles(_folder.SpoolPath, "events-*-3.json"));
    }

    [Fact]
    public async Task Dispose_TwiceIsNoOp()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        var logger = new RecordingLogger();
        var client = new TelemetryClient(CreateOptions(server, logger, withSpool: true, DeliveryShutdownTimeout));
        TrackEvents(client, 2);
        client.Dispose();
        await server.WaitForDeliveredAsync(2, Guard);

        var stopwatch = Stopwatch.StartNew();
        client.Dispose();
        await client.DisposeAsync();
        stopwatch.Stop();

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
        Assert.Empty(server.Violations);
        Assert.Single(server.Requests);
        Assert.Single(logger.WithEventId(ClientDisposedEventId));
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
        Assert.False(client.IsEnabled);
    }

    [Fact]
    public async Task Track_AfterDisposeIsIgnored()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        var client = new TelemetryClient(CreateOptions(server, logger: null, withSpool: true, DeliveryShutdownTimeout));
        client.Track("Before", null);
        client.Dispose();
        await server.WaitForDeliveredAsync(1, Guard);

        client.Track("After", null);
        await client.FlushAsync().WaitAsync(Guard);
        client.Flush();

        Assert.Empty(server.Violations);
        Assert.Single(server.Requests);
        Assert.Equal(DeliveryTestOptions.MessageIds(1, 1), server.DeliveredMessageIds);
        Assert.Equal(1, client.AcceptedCount);
        Assert.Equal(1, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
        Assert.Equal(0, client.PendingCount);
        Assert.False(Directory.Exists(_folder.SpoolPath));
    }

    [Fact]
    public async Task FlushAsync_PendingCompletesAtDispose()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.DefaultReply = ServerReply.NeverAnswer;
        var client = new TelemetryClient(CreateOptions(server, logger: null, withSpool: true));
        TrackEvents(client, 2);
        Task flush = client.FlushAsync();
        await server.WaitForRequestsAsync(1, Guard);

        client.Dispose();

        // Dispose has returned, so every event already has its outcome and the flush has nothing left to wait for.
        await flush.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, client.GetStatistics().Spooled);
        Assert.Equal(0, client.DroppedCount);
    }

    private TelemetryOptions CreateOptions(
        SegmentTestServer server,
        RecordingLogger? logger,
        bool withSpool,
        TimeSpan? shutdownTimeout = null)
    {
        TelemetryOptions options = DeliveryTestOptions.Create(server, logger);
        options.ShutdownTimeout = shutdownTimeout ?? ShutdownTimeout;
        options.SpoolDirectory = withSpool ? _folder.SpoolPath : null;
        return options;
    }

    private void AssertSpooledAll(TelemetryClient client, SegmentTestServer server, RecordingLogger logger)
    {
        Assert.Empty(server.Violations);
        Assert.Empty(server.DeliveredMessageIds);
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(3, statistics.Spooled);
        Assert.Equal(0, statistics.Dropped);
        Assert.Equal(0, statistics.Sent);
        Assert.Equal(0, statistics.PendingCount);
        Assert.False(client.IsEnabled);

        // Spool file names end with the number of events in the file.
        string file = Assert.Single(Directory.GetFiles(_folder.SpoolPath, "events-*.json"));
        Assert.EndsWith("-3.json", file);
        string content = File.ReadAllText(file);
        foreach (string id in DeliveryTestOptions.MessageIds(1, 3))
        {
            Assert.Contains($"\"messageId\":\"{id}\"", content);
        }

        Assert.Equal(
            $"Wrote 3 undelivered events to the spool folder '{_folder.SpoolPath}'. The next client that starts "
            + "with this folder sends them.",
            Assert.Single(logger.WithEventId(EventsSpooledEventId)).Message);
        Assert.Empty(logger.WithEventId(ShutdownTimedOutEventId));
    }

    private static void TrackEvents(TelemetryClient client, int count)
    {
        for (int i = 1; i <= count; i++)
        {
            client.Track("Event " + i, null);
        }
    }
}
