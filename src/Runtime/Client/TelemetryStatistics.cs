using System;

namespace Telemetry.Generators;

/// <summary>
/// Snapshot of a client's delivery counters and health, returned by <see cref="TelemetryClient.GetStatistics"/>.
/// </summary>
/// <remarks>
/// Once the queue is empty and no batch is in flight, every accepted or restored event has one outcome:
/// <c>Accepted + Restored = Sent + Spooled + dropped after acceptance</c>, where drops after acceptance are those
/// with the reasons <see cref="TelemetryDropReason.Rejected"/>, <see cref="TelemetryDropReason.RetriesExhausted"/>,
/// <see cref="TelemetryDropReason.SinkFailed"/>, <see cref="TelemetryDropReason.ShutdownTimedOut"/> and
/// <see cref="TelemetryDropReason.OptedOut"/>.
/// </remarks>
public sealed class TelemetryStatistics
{
    private readonly long[] _droppedByReason;

    internal TelemetryStatistics(
        long accepted,
        long sent,
        long[] droppedByReason,
        long retried,
        long spooled,
        long restored,
        long spoolEvicted,
        long spoolExpired,
        int pendingCount,
        long senderRestarts,
        DateTimeOffset? lastSuccess,
        DateTimeOffset? lastFailure,
        string? lastFailureReason)
    {
        Accepted = accepted;
        Sent = sent;
        _droppedByReason = droppedByReason;
        Retried = retried;
        Spooled = spooled;
        Restored = restored;
        SpoolEvicted = spoolEvicted;
        SpoolExpired = spoolExpired;
        PendingCount = pendingCount;
        SenderRestarts = senderRestarts;
        LastSuccess = lastSuccess;
        LastFailure = lastFailure;
        LastFailureReason = lastFailureReason;

        long dropped = 0;
        foreach (long count in droppedByReason)
        {
            dropped += count;
        }

        Dropped = dropped;
    }

    /// <summary>Number of events accepted into the queue.</summary>
    public long Accepted { get; }

    /// <summary>Number of events in batches that the destination accepted.</summary>
    public long Sent { get; }

    /// <summary>Number of events dropped for any reason.</summary>
    public long Dropped { get; }

    /// <summary>Number of send attempts that repeated a failed attempt.</summary>
    public long Retried { get; }

    /// <summary>Number of events written to the disk spool to be sent by a later run.</summary>
    public long Spooled { get; }

    /// <summary>Number of events that earlier runs left in the spool and this client read back to send.</summary>
    public long Restored { get; }

    /// <summary>Number of spooled events deleted to keep the spool within its size limit.</summary>
    public long SpoolEvicted { get; }

    /// <summary>Number of spooled events deleted because they were older than the spool's age limit.</summary>
    public long SpoolExpired { get; }

    /// <summary>Number of events waiting in the queue or in the batch being sent.</summary>
    public int PendingCount { get; }

    /// <summary>Number of times the sender recovered from an unexpected exception and started again.</summary>
    public long SenderRestarts { get; }

    /// <summary>Time of the last batch the destination accepted, or null when none has been.</summary>
    public DateTimeOffset? LastSuccess { get; }

    /// <summary>Time of the last failed send attempt, or null when none has failed.</summary>
    public DateTimeOffset? LastFailure { get; }

    /// <summary>
    /// Reason of the last failed send attempt, for example <c>HTTP 503 (Service Unavailable)</c>, or null.
    /// </summary>
    public string? LastFailureReason { get; }

    /// <summary>
    /// Returns the number of events dropped for <paramref name="reason"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined value.</exception>
    public long GetDroppedCount(TelemetryDropReason reason)
    {
        int index = (int)reason;
        if (index < 0 || index >= _droppedByReason.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(reason),
                reason,
                "The drop reason is not a defined TelemetryDropReason value.");
        }

        return _droppedByReason[index];
    }
}
