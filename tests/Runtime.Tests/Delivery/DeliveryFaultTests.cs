using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

/// <summary>
/// Faults of the Segment endpoint, the network, the clock and custom sinks, and how the background sender recovers
/// from each without an exception reaching the caller.
/// </summary>
public sealed class DeliveryFaultTests
{
    private const int SendRetryingEventId = 20;
    private const int BatchRejectedEventId = 21;
    private const int RetriesExhaustedEventId = 22;
    private const int SenderFailedEventId = 23;

    private static readonly TimeSpan Guard = DeliveryTestOptions.Guard;

    [Fact]
    public async Task Status500_RetriedUntilDelivered()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(ServerReply.Status(500), ServerReply.Status(500));
        await using var client = new TelemetryClient(DeliveryTestOptions.Create(server));
        string[] ids = DeliveryTestOptions.MessageIds(1, 3);

        TrackEvents(client, 3);
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(3, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(new int?[] { null, 1, 2 }, server.Requests.Select(request => request.RetryCount));
        Assert.All(server.Requests, request => Assert.Equal(ids, request.MessageIds));
        Assert.All(server.Requests, request => Assert.Equal(DeliveryTestOptions.NowText, request.SentAt));
        AssertDeliveredOnce(server, ids);
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(3, statistics.Sent);
        Assert.Equal(0, statistics.Dropped);
        Assert.Equal(2, statistics.Retried);
        Assert.Equal("HTTP 500 (Internal Server Error)", statistics.LastFailureReason);
    }

    // The test server sends an empty reason phrase for status codes it has no phrase for, such as 410 and 460.
    [Theory]
    [InlineData(408, "HTTP 408 (Request Timeout)")]
    [InlineData(410, "HTTP 410")]
    [InlineData(429, "HTTP 429 (Too Many Requests)")]
    [InlineData(460, "HTTP 460")]
    [InlineData(502, "HTTP 502 (Bad Gateway)")]
    [InlineData(503, "HTTP 503 (Service Unavailable)")]
    [InlineData(504, "HTTP 504 (Gateway Timeout)")]
    public async Task RetryableStatus_RetriedOnceThenDelivered(int statusCode, string reason)
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(ServerReply.Status(statusCode));
        var logger = new RecordingLogger();
        await using var client = new TelemetryClient(DeliveryTestOptions.Create(server, logger));
        string[] ids = DeliveryTestOptions.MessageIds(1, 2);

        TrackEvents(client, 2);
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(new int?[] { null, 1 }, server.Requests.Select(request => request.RetryCount));
        Assert.All(server.Requests, request => Assert.Equal(ids, request.MessageIds));
        Assert.All(server.Requests, request => Assert.Equal(DeliveryTestOptions.NowText, request.SentAt));
        AssertDeliveredOnce(server, ids);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
        Assert.Equal(1, client.GetStatistics().Retried);
        Assert.Equal(reason, client.GetStatistics().LastFailureReason);
        Assert.Equal(
            $"Sending a batch of 2 events failed: {reason}. Retry 1 starts in 1 ms.",
            Assert.Single(logger.WithEventId(SendRetryingEventId)).Message);
    }

    // The test server sends an empty reason phrase for status codes it has no phrase for, such as 501.
    [Theory]
    [InlineData(400, "HTTP 400 (Bad Request)")]
    [InlineData(401, "HTTP 401 (Unauthorized)")]
    [InlineData(403, "HTTP 403 (Forbidden)")]
    [InlineData(404, "HTTP 404 (Not Found)")]
    [InlineData(413, "HTTP 413 (Content Too Large)")]
    [InlineData(501, "HTTP 501")]
    [InlineData(505, "HTTP 505")]
    [InlineData(511, "HTTP 511")]
    public async Task PermanentStatus_DropsBatchAsRejected(int statusCode, string reason)
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(ServerReply.Status(statusCode));
        var logger = new RecordingLogger();
        await using var client = new TelemetryClient(DeliveryTestOptions.Create(server, logger));

        TrackEvents(client, 2);
        await client.FlushAsync().WaitAsync(Guard);
        client.Track("Later", null);
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(1, Guard);
        await client.FlushAsync().WaitAsync(Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(DeliveryTestOptions.MessageIds(1, 2), server.Requests[0].MessageIds);
        Assert.Equal(DeliveryTestOptions.MessageIds(3, 3), server.Requests[1].MessageIds);
        Assert.Equal(new int?[] { null, null }, server.Requests.Select(request => request.RetryCount));
        Assert.Equal(DeliveryTestOptions.MessageIds(3, 3), server.DeliveredMessageIds);
        Assert.Equal(0, server.DeliveryCount(SequentialGuids.Format(1)));
        Assert.Equal(0, server.DeliveryCount(SequentialGuids.Format(2)));
        Assert.Equal(1, server.DeliveryCount(SequentialGuids.Format(3)));
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(2, statistics.GetDroppedCount(TelemetryDropReason.Rejected));
        Assert.Equal(2, statistics.Dropped);
        Assert.Equal(1, statistics.Sent);
        Assert.Equal(0, statistics.Retried);
        Assert.Equal(reason, statistics.LastFailureReason);
        LogEntry rejected = Assert.Single(logger.WithEventId(BatchRejectedEventId));
        Assert.Equal(LogLevel.Error, rejected.Level);
        Assert.Equal(
            $"Dropped a batch of 2 events because SegmentHttpSink({server.BaseAddress}v1/batch) rejected it: "
            + $"{reason}. A retry would be rejected too.",
            rejected.Message);
    }

    [Fact]
    public async Task RetryAfterZero_UsesBackoffDelay()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(ServerReply.Status(429, retryAfter: "0"));
        var logger = new RecordingLogger();
        TelemetryOptions options = DeliveryTestOptions.Create(server, logger);

        // A wait of 0 would let a server retry the client in a busy loop, so the back-off of 40 ms applies.
        options.MinRetryDelay = TimeSpan.FromMilliseconds(40);
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(40);
        await using var client = new TelemetryClient(options);
        string[] ids = DeliveryTestOptions.MessageIds(1, 2);

        TrackEvents(client, 2);
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(new int?[] { null, 1 }, server.Requests.Select(request => request.RetryCount));
        AssertDeliveredOnce(server, ids);
        Assert.Equal(
            "Sending a batch of 2 events failed: HTTP 429 (Too Many Requests). Retry 1 starts in 40 ms.",
            Assert.Single(logger.WithEventId(SendRetryingEventId)).Message);
        Assert.Equal(1, client.GetStatistics().Retried);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
    }

    [Fact]
    public async Task RetryAfter_NotCountedInMaxRetries()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(ServerReply.Status(429, retryAfter: "1"));
        var logger = new RecordingLogger();
        TelemetryOptions options = DeliveryTestOptions.Create(server, logger);
        options.MaxRetries = 0;
        await using var client = new TelemetryClient(options);

        client.Track("A", null);
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(1, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(new int?[] { null, 1 }, server.Requests.Select(request => request.RetryCount));
        AssertDeliveredOnce(server, DeliveryTestOptions.MessageIds(1, 1));
        Assert.Equal(
            "Sending a batch of 1 events failed: HTTP 429 (Too Many Requests). Retry 1 starts in 1000 ms.",
            Assert.Single(logger.WithEventId(SendRetryingEventId)).Message);
        Assert.Equal(1, client.GetStatistics().Retried);
        Assert.Equal(1, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
    }

    [Fact]
    public async Task RetryAfterWait_EndsAtShutdown()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(ServerReply.Status(429, retryAfter: "7"));
        var logger = new SignalingLogger();
        TelemetryOptions options = DeliveryTestOptions.Create(server, logger);

        // A batch of one event is full, so the send starts without a flush and no flush waits through the 7 s.
        options.MaxBatchSize = 1;
        options.ShutdownTimeout = TimeSpan.FromMilliseconds(500);
        await using var client = new TelemetryClient(options);

        client.Track("A", null);
        await logger.WaitForEventAsync(SendRetryingEventId, Guard);
        var stopwatch = Stopwatch.StartNew();
        client.Dispose();
        stopwatch.Stop();
        await server.WaitForDeliveredAsync(1, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(new int?[] { null, 1 }, server.Requests.Select(request => request.RetryCount));
        Assert.Equal(
            "Sending a batch of 1 events failed: HTTP 429 (Too Many Requests). Retry 1 starts in 7000 ms.",
            Assert.Single(logger.Recorded.WithEventId(SendRetryingEventId)).Message);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(500 + 1500));
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(1, statistics.Retried);
        Assert.Equal(1, statistics.Sent);
        Assert.Equal(0, statistics.Dropped);
        AssertDeliveredOnce(server, DeliveryTestOptions.MessageIds(1, 1));
    }

    [Fact]
    public async Task RefusedConnection_RetriedAfterAccept()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.RefuseConnections();
        var logger = new SignalingLogger();

        // The sender pauses right after it schedules the retry, so exactly one attempt meets the closed port.
        logger.HoldAt(SendRetryingEventId);
        await using var client = new TelemetryClient(DeliveryTestOptions.Create(server, logger));
        string[] ids = DeliveryTestOptions.MessageIds(1, 2);

        TrackEvents(client, 2);
        Task flush = client.FlushAsync();
        await logger.HoldReached.WaitAsync(Guard);
        server.AcceptConnections();
        logger.Release();
        await flush.WaitAsync(Guard);
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Empty(server.Violations);
        ReceivedRequest request = Assert.Single(server.Requests);
        Assert.Equal(1, request.RetryCount);
        Assert.Equal(ids, request.MessageIds);
        Assert.Equal(DeliveryTestOptions.NowText, request.SentAt);
        AssertDeliveredOnce(server, ids);
        Assert.Equal(
            "Sending a batch of 2 events failed: request failed with HttpRequestException "
            + "(SocketException ConnectionRefused). Retry 1 starts in 1 ms.",
            Assert.Single(logger.Recorded.WithEventId(SendRetryingEventId)).Message);
        Assert.Equal(1, client.GetStatistics().Retried);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
    }

    [Fact]
    public async Task NeverAnswer_TimesOutThenRetries()
    {
        await HttpSenderWarmUp.EnsureAsync();
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(ServerReply.NeverAnswer);
        TelemetryOptions options = DeliveryTestOptions.Create(server);
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);
        await using var client = new TelemetryClient(options);
        string[] ids = DeliveryTestOptions.MessageIds(1, 2);

        TrackEvents(client, 2);
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(new int?[] { null, 1 }, server.Requests.Select(request => request.RetryCount));
        Assert.All(server.Requests, request => Assert.Equal(ids, request.MessageIds));
        Assert.All(server.Requests, request => Assert.Equal(DeliveryTestOptions.NowText, request.SentAt));
        Assert.False(server.Requests[0].Delivered);
        AssertDeliveredOnce(server, ids);
        Assert.Equal(1, client.GetStatistics().Retried);
        Assert.Equal("timed out after 0.3 s", client.GetStatistics().LastFailureReason);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
    }

    [Fact]
    public async Task SlowReply_TimesOutThenRetries()
    {
        await HttpSenderWarmUp.EnsureAsync();
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(ServerReply.Slow(TimeSpan.FromSeconds(3), ServerReply.Ok));
        TelemetryOptions options = DeliveryTestOptions.Create(server);
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);
        await using var client = new TelemetryClient(options);
        string[] ids = DeliveryTestOptions.MessageIds(1, 2);

        TrackEvents(client, 2);
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(2, Guard);
        await client.DisposeAsync();

        // Disposing the server cuts the slow reply short, so the delivery counts cannot change afterwards. The
        // reply of the first request may still have been written first, which delivers the batch twice with the
        // same message ids.
        await server.DisposeAsync();

        Assert.Empty(server.Violations);
        Assert.Equal(new int?[] { null, 1 }, server.Requests.Select(request => request.RetryCount));
        Assert.All(server.Requests, request => Assert.Equal(ids, request.MessageIds));
        Assert.All(server.Requests, request => Assert.Equal(DeliveryTestOptions.NowText, request.SentAt));
        Assert.Equal(ids, server.DeliveredMessageIds);
        Assert.All(ids, id => Assert.InRange(server.DeliveryCount(id), 1, 2));
        Assert.Equal(1, client.GetStatistics().Retried);
        Assert.Equal("timed out after 0.3 s", client.GetStatistics().LastFailureReason);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
    }

    [Fact]
    public async Task CloseMidResponse_RetriesOnNewConnection()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(ServerReply.CloseMidResponse);
        var logger = new RecordingLogger();
        await using var client = new TelemetryClient(DeliveryTestOptions.Create(server, logger));
        string[] ids = DeliveryTestOptions.MessageIds(1, 2);

        TrackEvents(client, 2);
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(new int?[] { null, 1 }, server.Requests.Select(request => request.RetryCount));
        Assert.All(server.Requests, request => Assert.Equal(ids, request.MessageIds));
        Assert.All(server.Requests, request => Assert.Equal(DeliveryTestOptions.NowText, request.SentAt));
        Assert.NotEqual(server.Requests[0].ConnectionId, server.Requests[1].ConnectionId);
        AssertDeliveredOnce(server, ids);
        Assert.StartsWith(
            "Sending a batch of 2 events failed: request failed with HttpRequestException",
            Assert.Single(logger.WithEventId(SendRetryingEventId)).Message);
        Assert.Equal(1, client.GetStatistics().Retried);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
    }

    [Fact]
    public async Task GarbageOk_CountsAsDelivered()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(ServerReply.GarbageOk);
        await using var client = new TelemetryClient(DeliveryTestOptions.Create(server));
        string[] ids = DeliveryTestOptions.MessageIds(1, 2);

        TrackEvents(client, 2);
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Empty(server.Violations);
        ReceivedRequest request = Assert.Single(server.Requests);
        Assert.Null(request.RetryCount);
        Assert.Equal(DeliveryTestOptions.NowText, request.SentAt);
        AssertDeliveredOnce(server, ids);
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(2, statistics.Sent);
        Assert.Equal(0, statistics.Dropped);
        Assert.Equal(0, statistics.Retried);
        Assert.Null(statistics.LastFailureReason);
    }

    [Fact]
    public async Task Outage_RetryBudgetSharedByBatches()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.DefaultReply = ServerReply.Status(503);
        TelemetryOptions options = DeliveryTestOptions.Create(server);
        options.MaxRetries = 2;
        options.MaxBatchSize = 1;
        await using var client = new TelemetryClient(options);

        TrackEvents(client, 2);
        await client.FlushAsync().WaitAsync(Guard);

        // The first batch uses the two retries of the outage, so the second gets one attempt and no retry.
        Assert.Empty(server.Violations);
        Assert.Equal(new int?[] { null, 1, 2, null }, server.Requests.Select(request => request.RetryCount));
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(2, statistics.GetDroppedCount(TelemetryDropReason.RetriesExhausted));
        Assert.Equal(2, statistics.Retried);

        // A delivery ends the outage and restores the budget.
        server.DefaultReply = ServerReply.Ok;
        client.Track("After the outage", null);
        await client.FlushAsync().WaitAsync(Guard);
        server.Script(ServerReply.Status(503));
        client.Track("Next outage", null);
        await client.FlushAsync().WaitAsync(Guard);

        Assert.Equal(
            new int?[] { null, 1, 2, null, null, null, 1 },
            server.Requests.Select(request => request.RetryCount));
        Assert.Equal(2, client.SentCount);
    }

    [Fact]
    public async Task RetriesExhausted_DropsWithoutSpool()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.DefaultReply = ServerReply.Status(503);
        var logger = new RecordingLogger();
        TelemetryOptions options = DeliveryTestOptions.Create(server, logger);
        options.MaxRetries = 2;
        await using var client = new TelemetryClient(options);

        TrackEvents(client, 3);
        await client.FlushAsync().WaitAsync(Guard);
        await client.FlushAsync().WaitAsync(Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(new int?[] { null, 1, 2 }, server.Requests.Select(request => request.RetryCount));
        Assert.Empty(server.DeliveredMessageIds);
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(3, statistics.GetDroppedCount(TelemetryDropReason.RetriesExhausted));
        Assert.Equal(3, statistics.Dropped);
        Assert.Equal(0, statistics.Sent);
        Assert.Equal(0, statistics.Spooled);
        Assert.Equal(2, statistics.Retried);
        Assert.Equal(0, statistics.PendingCount);
        LogEntry exhausted = Assert.Single(logger.WithEventId(RetriesExhaustedEventId));
        Assert.Equal(LogLevel.Warning, exhausted.Level);
        Assert.Equal(
            "Gave up sending a batch of 3 events after 3 attempts, the last failed with HTTP 503 "
            + "(Service Unavailable). The events were dropped.",
            exhausted.Message);
    }

    [Fact]
    public async Task Sender_RestartsAfterClockThrows()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        var clock = new FaultingClock();
        var logger = new RecordingLogger();
        TelemetryOptions options = DeliveryTestOptions.Create(server, logger);
        options.TimeProvider = clock;

        // The flush interval starts the first send, so no flush waits on the batch that the fault interrupts.
        options.FlushInterval = TimeSpan.FromMilliseconds(20);
        await using var client = new TelemetryClient(options);

        // Call 1 stamps the tracked event. Call 2 is the sender's first reading of the clock for that batch, and
        // the sender makes no call while it has no events.
        clock.FailCall(2);
        client.Track("A", null);
        await server.WaitForDeliveredAsync(1, Guard);
        client.Track("B", null);
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(2, server.Requests.Count);
        AssertDeliveredOnce(server, DeliveryTestOptions.MessageIds(1, 2));
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(1, statistics.SenderRestarts);
        Assert.Equal(2, statistics.Sent);
        Assert.Equal(0, statistics.Dropped);
        LogEntry failed = Assert.Single(logger.WithEventId(SenderFailedEventId));
        Assert.Equal(LogLevel.Error, failed.Level);
        Assert.IsType<ClockFaultException>(failed.Exception);
    }

    [Fact]
    public async Task FlushAsync_CompletesAfterSenderRestart()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        var clock = new FaultingClock();
        TelemetryOptions options = DeliveryTestOptions.Create(server);
        options.TimeProvider = clock;
        options.ShutdownTimeout = TimeSpan.FromMilliseconds(500);
        await using var client = new TelemetryClient(options);

        // Call 1 stamps the tracked event and call 2 is the sender's first reading of the clock for the batch,
        // which the flush started.
        clock.FailCall(2);
        client.Track("A", null);

        // The sender starts again 1 s after the fault, so a flush still running after 5 s is hung.
        await client.FlushAsync().WaitAsync(TimeSpan.FromSeconds(5));
        await server.WaitForDeliveredAsync(1, Guard);

        Assert.Empty(server.Violations);
        AssertDeliveredOnce(server, DeliveryTestOptions.MessageIds(1, 1));
        Assert.Equal(1, client.GetStatistics().SenderRestarts);
        Assert.Equal(1, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
        Assert.Equal(0, client.PendingCount);
    }

    [Fact]
    public async Task UnexpectedSinkException_DropsAsSinkFailed()
    {
        var sink = new FailOnceSink(new UnexpectedSinkException(), throwsSynchronously: true);
        var logger = new RecordingLogger();
        TelemetryOptions options = TestOptions.Create(sink);
        options.Logger = logger;
        await using var client = new TelemetryClient(options);

        TrackEvents(client, 2);
        await client.FlushAsync().WaitAsync(Guard);
        client.Track("Later", null);
        await client.FlushAsync().WaitAsync(Guard);

        Assert.Equal(2, sink.CallCount);
        Assert.Equal(DeliveryTestOptions.MessageIds(3, 3), Assert.Single(sink.Batches));
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(2, statistics.GetDroppedCount(TelemetryDropReason.SinkFailed));
        Assert.Equal(2, statistics.Dropped);
        Assert.Equal(1, statistics.Sent);
        Assert.Equal(0, statistics.Retried);
        Assert.Equal(0, statistics.SenderRestarts);
        Assert.Equal("FailOnceSink threw UnexpectedSinkException", statistics.LastFailureReason);
        LogEntry rejected = Assert.Single(logger.WithEventId(BatchRejectedEventId));
        Assert.IsType<UnexpectedSinkException>(rejected.Exception);
    }

    [Fact]
    public async Task StrayCancellation_DropsAsSinkFailed()
    {
        // The client's token is not canceled, so the exception is a failure of the sink, not a cancellation.
        var sink = new FailOnceSink(new OperationCanceledException(), throwsSynchronously: false);
        await using var client = new TelemetryClient(TestOptions.Create(sink));

        TrackEvents(client, 2);
        await client.FlushAsync().WaitAsync(Guard);
        client.Track("Later", null);
        await client.FlushAsync().WaitAsync(Guard);

        Assert.Equal(2, sink.CallCount);
        Assert.Equal(DeliveryTestOptions.MessageIds(3, 3), Assert.Single(sink.Batches));
        TelemetryStatistics statistics = client.GetStatistics();
        Assert.Equal(2, statistics.GetDroppedCount(TelemetryDropReason.SinkFailed));
        Assert.Equal(2, statistics.Dropped);
        Assert.Equal(1, statistics.Sent);
        Assert.Equal(0, statistics.PendingCount);
        Assert.Equal("FailOnceSink threw OperationCanceledException", statistics.LastFailureReason);
    }

    private static void TrackEvents(TelemetryClient client, int count)
    {
        for (int i = 1; i <= count; i++)
        {
            client.Track("Event " + i, null);
        }
    }

    private static void AssertDeliveredOnce(SegmentTestServer server, string[] ids)
    {
        Assert.Equal(ids, server.DeliveredMessageIds);
        foreach (string id in ids)
        {
            Assert.Equal(1, server.DeliveryCount(id));
        }
    }
}
