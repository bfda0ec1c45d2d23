using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

/// <summary>
/// Runs its tests one at a time and apart from every other collection, so that a listener on the process-wide
/// <c>Telemetry.Generators</c> meter records only the measurements of the test that started it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeterCollection
{
    public const string Name = "Meter";
}

/// <summary>
/// What the delivery pipeline reports about itself: meter measurements, the statistics snapshot and log entries.
/// </summary>
[Collection(MeterCollection.Name)]
public sealed class DeliveryObservabilityTests : IDisposable
{
    private static readonly TimeSpan Guard = DeliveryTestOptions.Guard;

    private readonly SpoolTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Meter_ReportsEveryOutcome()
    {
        var measurements = new List<(string Instrument, double Value, string? Reason)>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == DeliveryCounters.MeterName)
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>(
                (instrument, value, tags, state) => Record(measurements, instrument, value, tags));
            listener.SetMeasurementEventCallback<double>(
                (instrument, value, tags, state) => Record(measurements, instrument, value, tags));
            listener.Start();

            await RunScenarioAsync(firstLogger: null, secondLogger: null);
        }

        // The first client accepts 6 events: 3 sent after one retry, 2 rejected, 1 spooled after one retry. The
        // second client restores and sends the spooled event.
        Assert.Equal(6, Sum(measurements, "telemetry.generators.events.accepted"));
        Assert.Equal(4, Sum(measurements, "telemetry.generators.events.sent"));
        Assert.Equal(2, Sum(measurements, "telemetry.generators.requests.retried"));
        Assert.Equal(1, Sum(measurements, "telemetry.generators.events.spooled"));
        Assert.Equal(1, Sum(measurements, "telemetry.generators.events.restored"));
        Assert.Equal(2, Sum(measurements, "telemetry.generators.events.dropped"));
        Assert.All(
            measurements.Where(measurement => measurement.Instrument == "telemetry.generators.events.dropped"),
            measurement => Assert.Equal("rejected", measurement.Reason));
        double[] durations = measurements
            .Where(measurement => measurement.Instrument == "telemetry.generators.batch.duration")
            .Select(measurement => measurement.Value)
            .ToArray();
        Assert.Equal(2, durations.Length);

        // The clock is fixed, so a batch's first attempt and its final response have the same time.
        Assert.All(durations, duration => Assert.Equal(0, duration));
    }

    [Fact]
    public async Task Statistics_MatchScenarioOutcomes()
    {
        (TelemetryStatistics first, TelemetryStatistics second) =
            await RunScenarioAsync(firstLogger: null, secondLogger: null);

        Assert.Equal(6, first.Accepted);
        Assert.Equal(3, first.Sent);
        Assert.Equal(2, first.Dropped);
        Assert.Equal(2, first.GetDroppedCount(TelemetryDropReason.Rejected));
        Assert.Equal(2, first.Retried);
        Assert.Equal(1, first.Spooled);
        Assert.Equal(0, first.Restored);
        Assert.Equal(0, first.PendingCount);
        Assert.Equal(0, first.SenderRestarts);

        Assert.Equal(0, second.Accepted);
        Assert.Equal(1, second.Restored);
        Assert.Equal(1, second.Sent);
        Assert.Equal(0, second.Dropped);
        Assert.Equal(0, second.Spooled);
        Assert.Equal(0, second.PendingCount);
    }

    [Fact]
    public async Task Statistics_RecordLastSuccessAndFailure()
    {
        var failedAt = new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var deliveredAt = new DateTimeOffset(2024, 5, 1, 9, 30, 0, TimeSpan.Zero);
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(ServerReply.Status(503));
        var clock = new ManualTimeProvider(failedAt);
        TelemetryOptions options = DeliveryTestOptions.Create(server);
        options.TimeProvider = clock;
        options.MaxRetries = 0;
        await using var client = new TelemetryClient(options);

        TelemetryStatistics initial = client.GetStatistics();
        client.Track("A", null);
        client.Track("B", null);
        int pendingBeforeFlush = client.PendingCount;
        await client.FlushAsync().WaitAsync(Guard);
        TelemetryStatistics afterFailure = client.GetStatistics();
        clock.SetUtcNow(deliveredAt);
        client.Track("C", null);
        await client.FlushAsync().WaitAsync(Guard);
        TelemetryStatistics afterSuccess = client.GetStatistics();

        Assert.Null(initial.LastSuccess);
        Assert.Null(initial.LastFailure);
        Assert.Null(initial.LastFailureReason);
        Assert.Equal(2, pendingBeforeFlush);
        Assert.Null(afterFailure.LastSuccess);
        Assert.Equal(failedAt, afterFailure.LastFailure);
        Assert.Equal("HTTP 503 (Service Unavailable)", afterFailure.LastFailureReason);
        Assert.Equal(2, afterFailure.GetDroppedCount(TelemetryDropReason.RetriesExhausted));
        Assert.Equal(deliveredAt, afterSuccess.LastSuccess);
        Assert.Equal(failedAt, afterSuccess.LastFailure);
        Assert.Equal("HTTP 503 (Service Unavailable)", afterSuccess.LastFailureReason);
        Assert.Equal(1, afterSuccess.Sent);
        Assert.Equal(0, afterSuccess.PendingCount);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task Log_HasEventIdsWithoutWriteKey()
    {
        var firstLogger = new RecordingLogger();
        var secondLogger = new RecordingLogger();

        await RunScenarioAsync(firstLogger, secondLogger);

        // Ids 20 to 45 belong to the sender and the spool. The client's own entries, such as 1 for the start and 9
        // for disposal, come from the client and its configuration.
        Assert.Equal(
            new[] { 20, 21, 20, 27, 22 },
            firstLogger.Entries.Select(entry => entry.EventId.Id).Where(IsDeliveryEventId));
        Assert.Equal(
            new[] { 26 },
            secondLogger.Entries.Select(entry => entry.EventId.Id).Where(IsDeliveryEventId));
        Assert.Single(firstLogger.WithEventId(1));
        Assert.Single(firstLogger.WithEventId(9));
        Assert.Single(secondLogger.WithEventId(1));
        Assert.Single(secondLogger.WithEventId(9));

        Assert.Equal(LogLevel.Debug, firstLogger.WithEventId(20)[0].Level);
        Assert.Equal(LogLevel.Error, Assert.Single(firstLogger.WithEventId(21)).Level);
        Assert.Equal(LogLevel.Warning, Assert.Single(firstLogger.WithEventId(22)).Level);
        Assert.Equal(LogLevel.Information, Assert.Single(firstLogger.WithEventId(27)).Level);
        Assert.Equal(LogLevel.Information, Assert.Single(secondLogger.WithEventId(26)).Level);
        Assert.Equal(
            "Sending a batch of 3 events failed: HTTP 503 (Service Unavailable). Retry 1 starts in 1 ms.",
            firstLogger.WithEventId(20)[0].Message);
        Assert.Equal(
            "Gave up sending a batch of 1 events after 2 attempts, the last failed with HTTP 503 "
            + "(Service Unavailable). The events were spooled.",
            Assert.Single(firstLogger.WithEventId(22)).Message);

        string encodedKey = Convert.ToBase64String(Encoding.UTF8.GetBytes(DeliveryTestOptions.WriteKey + ":"));
        foreach (LogEntry entry in firstLogger.Entries.Concat(secondLogger.Entries))
        {
            string text = entry.Message + "\n" + entry.Exception;
            Assert.DoesNotContain(DeliveryTestOptions.WriteKey, text);
            Assert.DoesNotContain(encodedKey, text);
        }
    }

    // Runs two clients against one server. The first sends 3 events after one 503, has 2 events rejected with
    // 400, and spools 1 event after two 503s with MaxRetries 1. The second restores and sends the spooled event.
    private async Task<(TelemetryStatistics First, TelemetryStatistics Second)> RunScenarioAsync(
        ILogger? firstLogger,
        ILogger? secondLogger)
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.Script(
            ServerReply.Status(503),
            ServerReply.Ok,
            ServerReply.Status(400),
            ServerReply.Status(503),
            ServerReply.Status(503));
        TelemetryOptions firstOptions = DeliveryTestOptions.Create(server, firstLogger);
        firstOptions.SpoolDirectory = _folder.SpoolPath;
        firstOptions.MaxRetries = 1;
        TelemetryStatistics first;
        await using (var client = new TelemetryClient(firstOptions))
        {
            TrackEvents(client, "Sent", 3);
            await client.FlushAsync().WaitAsync(Guard);
            TrackEvents(client, "Rejected", 2);
            await client.FlushAsync().WaitAsync(Guard);
            TrackEvents(client, "Spooled", 1);
            await client.FlushAsync().WaitAsync(Guard);
            first = client.GetStatistics();
        }

        TelemetryOptions secondOptions = DeliveryTestOptions.Create(server, secondLogger);
        secondOptions.SpoolDirectory = _folder.SpoolPath;
        TelemetryStatistics second;
        await using (var client = new TelemetryClient(secondOptions))
        {
            await client.FlushAsync().WaitAsync(Guard);
            second = client.GetStatistics();
        }

        await server.WaitForDeliveredAsync(4, Guard);
        Assert.Empty(server.Violations);
        Assert.Equal(6, server.Requests.Count);
        return (first, second);
    }

    private static void TrackEvents(TelemetryClient client, string eventName, int count)
    {
        for (int i = 0; i < count; i++)
        {
            client.Track(eventName, null);
        }
    }

    private static bool IsDeliveryEventId(int eventId) => eventId is >= 20 and <= 45;

    private static void Record<T>(
        List<(string Instrument, double Value, string? Reason)> measurements,
        Instrument instrument,
        T value,
        ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        string? reason = null;
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            if (tag.Key == "reason")
            {
                reason = tag.Value as string;
            }
        }

        lock (measurements)
        {
            measurements.Add((instrument.Name, Convert.ToDouble(value), reason));
        }
    }

    private static double Sum(List<(string Instrument, double Value, string? Reason)> measurements, string name)
    {
        lock (measurements)
        {
            return measurements
                .Where(measurement => measurement.Instrument == name)
                .Sum(measurement => measurement.Value);
        }
    }
}
