using System;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators;

/// <summary>
/// Log messages of <see cref="TelemetryClient"/>, with stable event ids. None of them contains a write key.
/// </summary>
internal static partial class TelemetryLog
{
    [LoggerMessage(
        EventId = 1,
        EventName = "ClientEnabled",
        Level = LogLevel.Debug,
        Message = "Telemetry client enabled with sink {Sink} and write key source {WriteKeySource}.")]
    internal static partial void ClientEnabled(
        ILogger logger,
        ITelemetrySink sink,
        TelemetryWriteKeySource writeKeySource);

    [LoggerMessage(
        EventId = 2,
        EventName = "ClientDisabledByOptions",
        Level = LogLevel.Debug,
        Message = "Telemetry client disabled because TelemetryOptions.Enabled is false.")]
    internal static partial void ClientDisabledByOptions(ILogger logger);

    [LoggerMessage(
        EventId = 3,
        EventName = "WriteKeyMissing",
        Level = LogLevel.Debug,
        Message = "Telemetry client disabled because no write key was found. Set TelemetryOptions.WriteKey, "
            + "the environment variable {VariableName} or the MSBuild property TelemetryWriteKey.")]
    internal static partial void WriteKeyMissing(ILogger logger, string variableName);

    [LoggerMessage(
        EventId = 4,
        EventName = "TrackFailed",
        Level = LogLevel.Warning,
        Message = "Dropped the event '{EventName}' because its track item could not be created.")]
    internal static partial void TrackFailed(ILogger logger, string? eventName, Exception exception);

    [LoggerMessage(
        EventId = 5,
        EventName = "QueueFull",
        Level = LogLevel.Warning,
        Message = "Dropped the event '{EventName}' because {MaxQueueLength} events are waiting for a flush. "
            + "Further events are dropped without a log entry until the next flush.")]
    internal static partial void QueueFull(ILogger logger, string eventName, int maxQueueLength);

    [LoggerMessage(
        EventId = 6,
        EventName = "BatchFailed",
        Level = LogLevel.Error,
        Message = "Dropped a batch of {ItemCount} events because sink {Sink} failed to send it.")]
    internal static partial void BatchFailed(ILogger logger, int itemCount, ITelemetrySink sink, Exception exception);

    [LoggerMessage(
        EventId = 7,
        EventName = "DisposeFlushTimedOut",
        Level = LogLevel.Warning,
        Message = "The flush during Dispose did not finish within {TimeoutMilliseconds} ms.")]
    internal static partial void DisposeFlushTimedOut(ILogger logger, double timeoutMilliseconds);

    [LoggerMessage(
        EventId = 8,
        EventName = "UnsentEventsDropped",
        Level = LogLevel.Warning,
        Message = "Dropped {ItemCount} events that were not sent before the client was disposed.")]
    internal static partial void UnsentEventsDropped(ILogger logger, int itemCount);

    [LoggerMessage(
        EventId = 9,
        EventName = "ClientDisposed",
        Level = LogLevel.Debug,
        Message = "Telemetry client disposed after accepting {AcceptedCount}, sending {SentCount} and dropping "
            + "{DroppedCount} events.")]
    internal static partial void ClientDisposed(ILogger logger, long acceptedCount, long sentCount, long droppedCount);

    [LoggerMessage(
        EventId = 10,
        EventName = "CaptureFailed",
        Level = LogLevel.Warning,
        Message = "Dropped the event '{EventName}' because reading its property values threw {ExceptionType}. "
            + "Further failures of this event are counted in DroppedCount without a log entry.")]
    internal static partial void CaptureFailed(ILogger logger, string? eventName, string? exceptionType);
}
