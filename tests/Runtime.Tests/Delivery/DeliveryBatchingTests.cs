using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

public sealed class DeliveryBatchingTests
{
    private const string WriteKey = "batching-key";

    // Bounds every wait so that a hung test fails. No wait depends on it for synchronisation.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    // Bytes of {"batch":[ plus ],"sentAt":" plus the 24-character timestamp plus "}, around the items of a body.
    private const int BodyFrameBytes = 10 + 12 + 24 + 2;

    [Fact]
    public async Task Batch_TwentyFiveEvents_SplitsTenTenFive()
    {
        await using var server = new SegmentTestServer(WriteKey);
        TelemetryOptions options = CreateOptions(server);
        options.MaxBatchSize = 10;
        await using var client = new TelemetryClient(options);

        for (int i = 0; i < 25; i++)
        {
            client.Track("Batched Event", null);
        }

        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(25, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(new[] { 10, 10, 5 }, server.Requests.Select(request => request.MessageIds.Count));
        Assert.Equal(ExpectedIds(1, 25), server.Requests.SelectMany(request => request.MessageIds));
        Assert.Equal(25, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
    }

    [Fact]
    public async Task Batch_LargeEvents_FitMaxBatchBytes()
    {
        const int maxBatchBytes = 33_000;
        const int eventCount = 10;
        await using var server = new SegmentTestServer(WriteKey);
        TelemetryOptions options = CreateOptions(server);
        options.MaxBatchBytes = maxBatchBytes;
        await using var client = new TelemetryClient(options);

        for (int i = 0; i < eventCount; i++)
        {
            client.Track("Large Event", CreateTextProperties(new string('x', 10_000)));
        }

        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(eventCount, Guard);

        Assert.Empty(server.Violations);
        IReadOnlyList<ReceivedRequest> requests = server.Requests;
        Assert.Equal(ExpectedIds(1, eventCount), requests.SelectMany(request => request.MessageIds));
        Assert.Equal(eventCount, client.SentCount);
        Assert.True(requests.Count > 1, $"The events were sent in {requests.Count} request, expected several.");
        for (int i = 0; i < requests.Count; i++)
        {
            ReceivedRequest request = requests[i];
            int itemBytes = request.ItemJson.Sum(item => Encoding.UTF8.GetByteCount(item));
            int expectedLength = BodyFrameBytes + itemBytes + (request.ItemJson.Count - 1);
            Assert.Equal(expectedLength, request.Body.Length);
            Assert.True(
                request.Body.Length <= maxBatchBytes,
                $"Request {request.Sequence} has a body of {request.Body.Length} bytes, over {maxBatchBytes}.");

            // The sender fills each batch, so the first item of the next batch would not have fit into this one.
            if (i + 1 < requests.Count)
            {
                int nextItemBytes = Encoding.UTF8.GetByteCount(requests[i + 1].ItemJson[0]);
                Assert.True(
                    request.Body.Length + 1 + nextItemBytes > maxBatchBytes,
                    $"Request {request.Sequence} has room for the next item of {nextItemBytes} bytes.");
            }
        }
    }

    [Fact]
    public async Task Track_OverMaxItemBytes_DropsTooLarge()
    {
        const int hugeTextLength = 33_000;
        await using var server = new SegmentTestServer(WriteKey);
        var logger = new RecordingLogger();
        TelemetryOptions options = CreateOptions(server);
        options.Logger = logger;
        await using var client = new TelemetryClient(options);

        // Both event names have 10 characters, so the items differ in size only by their text property.
        client.Track("Huge Event", CreateTextProperties(new string('x', hugeTextLength)));
        client.Track("Huge Event", CreateTextProperties(new string('x', hugeTextLength)));
        client.Track("Next Event", CreateTextProperties("x"));
        client.Track("Next Event", CreateTextProperties("x"));
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(2, client.GetStatistics().GetDroppedCount(TelemetryDropReason.TooLarge));
        Assert.Equal(2, client.DroppedCount);
        Assert.Equal(2, client.AcceptedCount);
        Assert.Equal(2, client.SentCount);

        // The message id generator runs before the size check, so the dropped events took ids 1 and 2.
        Assert.Equal(ExpectedIds(3, 2), server.DeliveredMessageIds);

        string nextItem = server.Requests.Single().ItemJson[0];
        int hugeItemBytes = Encoding.UTF8.GetByteCount(nextItem) - 1 + hugeTextLength;
        LogEntry warning = Assert.Single(logger.WithEventId(28));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(
            $"Dropped the event 'Huge Event' because its JSON is {hugeItemBytes} bytes, over Segment's limit of "
            + "32000 bytes per event. Send fewer or shorter property values. Later drops of this event are "
            + "counted without a log entry.",
            warning.Message);
    }

    [Fact]
    public async Task Queue_FullByCount_DropsQueueFull()
    {
        await using var server = new SegmentTestServer(WriteKey);
        server.DefaultReply = ServerReply.NeverAnswer;
        var logger = new RecordingLogger();
        TelemetryOptions options = CreateOptions(server);
        options.MaxQueueLength = 3;
        options.Logger = logger;
        await using var client = new TelemetryClient(options);

        // The first event leaves the queue with the request that the server holds, so the sender stays busy.
        client.Track("Held Event", null);
        Task firstFlush = client.FlushAsync();
        await server.WaitForRequestsAsync(1, Guard);

        for (int i = 0; i < 5; i++)
        {
            client.Track("Queued Event", null);
        }

        Assert.Equal(2, client.GetStatistics().GetDroppedCount(TelemetryDropReason.QueueFull));
        Assert.Equal(4, client.AcceptedCount);
        Assert.Equal(4, client.PendingCount);
        LogEntry warning = Assert.Single(logger.WithEventId(30));
        Assert.Equal(
            "Dropped the event 'Queued Event' because the queue is full: it contains 3 events or 10000000 bytes. "
            + "Further events are dropped without a log entry until the queue has room.",
            warning.Message);

        await ReleaseAndFlushAsync(server, client, firstFlush);
        await server.WaitForDeliveredAsync(4, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(ExpectedIds(1, 4), server.DeliveredMessageIds);
        Assert.Equal(4, client.SentCount);
        Assert.Equal(2, client.DroppedCount);
    }

    [Fact]
    public async Task Queue_FullByBytes_DropsQueueFull()
    {
        await using var server = new SegmentTestServer(WriteKey);
        server.DefaultReply = ServerReply.NeverAnswer;
        TelemetryOptions options = CreateOptions(server);

        // Each large item is a little over 12,000 bytes, so two fit into 32,000 bytes and a third does not.
        options.MaxQueueBytes = 32_000;
        await using var client = new TelemetryClient(options);
        string text = new('x', 12_000);

        client.Track("Held Event", null);
        Task firstFlush = client.FlushAsync();
        await server.WaitForRequestsAsync(1, Guard);

        client.Track("Large Event", CreateTextProperties(text));
        client.Track("Large Event", CreateTextProperties(text));
        client.Track("Large Event", CreateTextProperties(text));

        Assert.Equal(1, client.GetStatistics().GetDroppedCount(TelemetryDropReason.QueueFull));
        Assert.Equal(3, client.AcceptedCount);

        // Once the queue has room again, events are accepted.
        await ReleaseAndFlushAsync(server, client, firstFlush);
        client.Track("Large Event", CreateTextProperties(text));
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(4, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(new[] { Id(1), Id(2), Id(3), Id(5) }, server.DeliveredMessageIds);
        Assert.Equal(4, client.SentCount);
        Assert.Equal(1, client.DroppedCount);

        int largeItemBytes = Encoding.UTF8.GetByteCount(server.Requests[^1].ItemJson[0]);
        Assert.True(2 * largeItemBytes <= 32_000, $"Two large items of {largeItemBytes} bytes exceed 32,000 bytes.");
        Assert.True(3 * largeItemBytes > 32_000, $"Three large items of {largeItemBytes} bytes fit 32,000 bytes.");
    }

    [Fact]
    public async Task FlushInterval_Elapsed_SendsWithoutFlush()
    {
        await using var server = new SegmentTestServer(WriteKey);
        TelemetryOptions options = CreateOptions(server);
        options.FlushInterval = TimeSpan.FromMilliseconds(50);
        await using var client = new TelemetryClient(options);

        client.Track("Interval Event", null);
        await server.WaitForDeliveredAsync(1, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(new[] { Id(1) }, server.DeliveredMessageIds);

        // The flush only waits for the sender to count the delivery that already happened.
        await client.FlushAsync().WaitAsync(Guard);
        Assert.Single(server.Requests);
        Assert.Equal(1, client.SentCount);
    }

    private static TelemetryOptions CreateOptions(SegmentTestServer server) => new()
    {
        WriteKey = WriteKey,
        Endpoint = server.BaseAddress,
        AppName = "BatchingTests",
        AppVersion = "1.0.0",
        AnonymousId = "anon-1",
        EnvironmentPrefix = TestOptions.UniqueEnvironmentPrefix(),
        MessageIdGenerator = new SequentialGuids().Next,

        // Long enough that only a full batch or a flush sends, unless a test sets it shorter.
        FlushInterval = TimeSpan.FromHours(1),
        MinRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        UseSpool = false,
    };

    private static TelemetryProperties CreateTextProperties(string text)
    {
        var properties = new TelemetryProperties(1);
        properties.Add("text", TelemetryValue.From(text));
        return properties;
    }

    // The held request ends without a reply when released, so the sender retries it against the default reply.
    private static async Task ReleaseAndFlushAsync(SegmentTestServer server, TelemetryClient client, Task firstFlush)
    {
        server.DefaultReply = ServerReply.Ok;
        server.ReleaseHeldRequests();
        await firstFlush.WaitAsync(Guard);
        await client.FlushAsync().WaitAsync(Guard);
    }

    private static string Id(long value) => SequentialGuids.Format(value);

    private static IEnumerable<string> ExpectedIds(int first, int count) =>
        Enumerable.Range(first, count).Select(value => Id(value));
}
