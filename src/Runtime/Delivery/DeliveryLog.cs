using System;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators;

// Log messages of the background sender. Event ids 20 to 39.
internal static partial class TelemetryLog
{
    [LoggerMessage(
        EventId = 20,
        EventName = "SendRetrying",
        Level = LogLevel.Debug,
        Message = "Sending a batch of {ItemCount} events failed: {Reason}. Retry {RetryCount} starts in "
            + "{DelayMilliseconds} ms.")]
    internal static partial void SendRetrying(
        ILogger logger,
        int itemCount,
        string reason,
        int retryCount,
        double delayMilliseconds);

    [LoggerMessage(
        EventId = 21,
        EventName = "BatchRejected",
        Level = LogLevel.Error,
        Message = "Dropped a batch of {ItemCount} events because {Destination} rejected it: {Reason}. "
            + "A retry would be rejected too.")]
    internal static partial void BatchRejected(
        ILogger logger,
        int itemCount,
        string destination,
        string reason,
        Exception? exception);

    [LoggerMessage(
        EventId = 22,
        EventName = "RetriesExhausted",
        Level = LogLevel.Warning,
        Message = "Gave up sending a batch of {ItemCount} events after {AttemptCount} attempts, the last failed "
            + "with {Reason}. The events were {Outcome}.")]
    internal static partial void RetriesExhausted(
        ILogger logger,
        int itemCount,
        int attemptCount,
        string reason,
        string outcome);

    [LoggerMessage(
        EventId = 23,
        EventName = "SenderFailed",
        Level = LogLevel.Error,
        Message = "The telemetry sender failed unexpectedly and starts again in {DelayMilliseconds} ms.")]
    internal static partial void SenderFailed(ILogger logger, double delayMilliseconds, Exception exception);

    [LoggerMessage(
        EventId = 24,
        EventName = "SpoolUnavailable",
        Level = LogLevel.Warning,
        Message = "The spool folder '{SpoolPath}' cannot be used, so undelivered events are kept in memory only "
            + "and are lost at exit. Check that the folder can be created and written.")]
    internal static partial void SpoolUnavailable(ILogger logger, string spoolPath, Exception? exception);

    [LoggerMessage(
        EventId = 25,
        EventName = "SpoolBusy",
        Level = LogLevel.Information,
        Message = "The spool folder '{SpoolPath}' is locked by another client, so this client did not {Action}.")]
    internal static partial void SpoolBusy(ILogger logger, string spoolPath, string action);

    [LoggerMessage(
        EventId = 26,
        EventName = "EventsRestored",
        Level = LogLevel.Information,
        Message = "Read {ItemCount} undelivered events of earlier runs from the spool folder '{SpoolPath}' to send "
            + "them.")]
    internal static partial void EventsRestored(ILogger logger, int itemCount, string spoolPath);

    [LoggerMessage(
        EventId = 27,
        EventName = "EventsSpooled",
        Level = LogLevel.Information,
        Message = "Wrote {ItemCount} undelivered events to the spool folder '{SpoolPath}'. The next client that "
            + "starts with this folder sends them.")]
    internal static partial void EventsSpooled(ILogger logger, int itemCount, string spoolPath);

    [LoggerMessage(
        EventId = 28,
        EventName = "EventTooLarge",
        Level = LogLevel.Warning,
        Message = "Dropped the event '{EventName}' because its JSON is {ByteCount} bytes, over Segment's limit of "
            + "{MaxByteCount} bytes per event. Send fewer or shorter property values. Later drops of this event "
            + "are counted without a log entry.")]
    internal static partial void EventTooLarge(ILogger logger, string eventName, int byteCount, int maxByteCount);

    [LoggerMessage(
        EventId = 29,
        EventName = "ShutdownTimedOut",
        Level = LogLevel.Warning,
        Message = "Dropped {ItemCount} events because they were not delivered within the shutdown timeout of "
            + "{TimeoutMilliseconds} ms and no spool was available to keep them.")]
    internal static partial void ShutdownTimedOut(ILogger logger, double timeoutMilliseconds, int itemCount);

    [LoggerMessage(
        EventId = 30,
        EventName = "QueueLimitReached",
        Level = LogLevel.Warning,
        Message = "Dropped the event '{EventName}' because the queue is full: it contains {MaxQueueLength} events "
            + "or {MaxQueueBytes} bytes. Further events are dropped without a log entry until the queue has room.")]
    internal static partial void QueueLimitReached(
        ILogger logger,
        string eventName,
        int maxQueueLength,
        long maxQueueBytes);
}
