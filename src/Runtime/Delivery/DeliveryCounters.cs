using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;

namespace Telemetry.Generators;

/// <summary>
/// Counters of one client's delivery, also reported through the <c>Telemetry.Generators</c> meter. All members are
/// thread-safe.
/// </summary>
internal sealed class DeliveryCounters
{
    /// <summary>Name of the <see cref="Meter"/> that reports the counters of every client.</summary>
    internal const string MeterName = "Telemetry.Generators";

    private static readonly Meter s_meter = new(MeterName, LibraryInfo.Version);
    private static readonly Counter<long> s_accepted = s_meter.CreateCounter<long>(
        "telemetry.generators.events.accepted", "{event}", "Events accepted into the queue.");
    private static readonly Counter<long> s_sent = s_meter.CreateCounter<long>(
        "telemetry.generators.events.sent", "{event}", "Events in batches that the destination accepted.");
    private static readonly Counter<long> s_dropped = s_meter.CreateCounter<long>(
        "telemetry.generators.events.dropped", "{event}", "Events lost, tagged with the reason.");
    private static readonly Counter<long> s_retried = s_meter.CreateCounter<long>(
        "telemetry.generators.requests.retried", "{request}", "Send attempts that repeated a failed attempt.");
    private static readonly Counter<long> s_spooled = s_meter.CreateCounter<long>(
        "telemetry.generators.events.spooled", "{event}", "Events written to the disk spool.");
    private static readonly Counter<long> s_restored = s_meter.CreateCounter<long>(
        "telemetry.generators.events.restored", "{event}", "Events read back from the disk spool.");
    private static readonly Histogram<double> s_batchDuration = s_meter.CreateHistogram<double>(
        "telemetry.generators.batch.duration", "s", "Time from a batch's first send attempt to its final answer.");

    // One slot per TelemetryDropReason value, from 0 to the last one.
    private const int ReasonCount = (int)TelemetryDropReason.OptedOut + 1;

    private readonly long[] _dropped = new long[ReasonCount];
    private long _accepted;
    private long _sent;
    private long _retried;
    private long _spooled;
    private long _restored;
    private long _spoolEvicted;
    private long _spoolExpired;
    private long _senderRestarts;
    private long _lastSuccessTicks;
    private long _lastFailureTicks;
    private string? _lastFailureReason;

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Sent => Interlocked.Read(ref _sent);

    public long DroppedTotal
    {
        get
        {
            long total = 0;
            for (int i = 0; i < _dropped.Length; i++)
            {
                total += Interlocked.Read(ref _dropped[i]);
            }

            return total;
        }
    }

    public void AddAccepted()
    {
        Interlocked.Increment(ref _accepted);
        Report(s_accepted, 1);
    }

    public void AddSent(int count, TimeSpan duration, DateTimeOffset now)
    {
        Interlocked.Add(ref _sent, count);
        Interlocked.Exchange(ref _lastSuccessTicks, now.UtcTicks);
        Report(s_sent, count);
        Report(s_batchDuration, duration.TotalSeconds);
    }

    public void AddDropped(TelemetryDropReason reason, long count)
    {
        if (count <= 0)
        {
            return;
        }

        Interlocked.Add(ref _dropped[(int)reason], count);
        Report(s_dropped, count, new KeyValuePair<string, object?>("reason", ToTagValue(reason)));
    }

    public void AddRetried()
    {
        Interlocked.Increment(ref _retried);
        Report(s_retried, 1);
    }

    public void AddSpooled(int count)
    {
        Interlocked.Add(ref _spooled, count);
        Report(s_spooled, count);
    }

    public void AddRestored(int count)
    {
        Interlocked.Add(ref _restored, count);
        Report(s_restored, count);
    }

    public void AddSpoolEvicted(int count) => Interlocked.Add(ref _spoolEvicted, count);

    public void AddSpoolExpired(int count) => Interlocked.Add(ref _spoolExpired, count);

    public void AddSenderRestart() => Interlocked.Increment(ref _senderRestarts);

    public void RecordFailure(DateTimeOffset now, string reason)
    {
        Volatile.Write(ref _lastFailureReason, reason);
        Interlocked.Exchange(ref _lastFailureTicks, now.UtcTicks);
    }

    public TelemetryStatistics CreateSnapshot(int pendingCount)
    {
        var dropped = new long[_dropped.Length];
        for (int i = 0; i < dropped.Length; i++)
        {
            dropped[i] = Interlocked.Read(ref _dropped[i]);
        }

        return new TelemetryStatistics(
            accepted: Accepted,
            sent: Sent,
            dropped,
            retried: Interlocked.Read(ref _retried),
            spooled: Interlocked.Read(ref _spooled),
            restored: Interlocked.Read(ref _restored),
            spoolEvicted: Interlocked.Read(ref _spoolEvicted),
            spoolExpired: Interlocked.Read(ref _spoolExpired),
            pendingCount,
            senderRestarts: Interlocked.Read(ref _senderRestarts),
            lastSuccess: ToTime(Interlocked.Read(ref _lastSuccessTicks)),
            lastFailure: ToTime(Interlocked.Read(ref _lastFailureTicks)),
            lastFailureReason: Volatile.Read(ref _lastFailureReason));
    }

    internal static string ToTagValue(TelemetryDropReason reason) => reason switch
    {
        TelemetryDropReason.QueueFull => "queue_full",
        TelemetryDropReason.TooLarge => "too_large",
        TelemetryDropReason.InvalidEvent => "invalid_event",
        TelemetryDropReason.CaptureFailed => "capture_failed",
        TelemetryDropReason.Rejected => "rejected",
        TelemetryDropReason.RetriesExhausted => "retries_exhausted",
        TelemetryDropReason.SinkFailed => "sink_failed",
        TelemetryDropReason.ShutdownTimedOut => "shutdown_timed_out",
        TelemetryDropReason.OptedOut => "opted_out",
        _ => "unknown",
    };

    // A meter listener runs inside Add and Record, and one that throws must not turn a track call or a send into a
    // failure, so its exceptions are discarded.
    private static void Report(Counter<long> counter, long value, KeyValuePair<string, object?> tag = default)
    {
        try
        {
            if (tag.Key is null)
            {
                counter.Add(value);
            }
            else
            {
                counter.Add(value, tag);
            }
        }
        catch (Exception)
        {
        }
    }

    private static void Report(Histogram<double> histogram, double value)
    {
        try
        {
            histogram.Record(value);
        }
        catch (Exception)
        {
        }
    }

    private static DateTimeOffset? ToTime(long utcTicks) =>
        utcTicks == 0 ? null : new DateTimeOffset(utcTicks, TimeSpan.Zero);
}
