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

    [LoggerMessage(
        EventId = 11,
        EventName = "InvalidEnvironmentValue",
        Level = LogLevel.Warning,
        Message = "Ignored the environment variable {VariableName} because its value '{Value}' is not one of "
            + "true, false, 1, 0, yes, no, on or off.")]
    internal static partial void InvalidEnvironmentValue(ILogger logger, string variableName, string value);

    [LoggerMessage(
        EventId = 12,
        EventName = "ClientDisabled",
        Level = LogLevel.Debug,
        Message = "Telemetry client disabled: {ConsentState}.")]
    internal static partial void ClientDisabled(ILogger logger, TelemetryConsentState consentState);

    [LoggerMessage(
        EventId = 13,
        EventName = "ConfigPathMissing",
        Level = LogLevel.Warning,
        Message = "Telemetry is off for this run because the config file has no location: {Problem}. Set "
            + "{VariableName} or ConsentOptions.ConfigPath to a writable path.")]
    internal static partial void ConfigPathMissing(ILogger logger, string problem, string variableName);

    [LoggerMessage(
        EventId = 14,
        EventName = "ConfigUnavailable",
        Level = LogLevel.Warning,
        Message = "Telemetry is off for this run because the config file {ConfigPath} could not be {Operation}. "
            + "Make the folder writable, or set {VariableName} to a writable path.")]
    internal static partial void ConfigUnavailable(
        ILogger logger,
        string configPath,
        string operation,
        string variableName,
        Exception exception);

    [LoggerMessage(
        EventId = 15,
        EventName = "ConfigQuarantined",
        Level = LogLevel.Warning,
        Message = "The config file {ConfigPath} was invalid, so it was moved to {QuarantinePath}. {Problem}")]
    internal static partial void ConfigQuarantined(
        ILogger logger,
        string configPath,
        string quarantinePath,
        string problem);

    [LoggerMessage(
        EventId = 16,
        EventName = "NoticeFailed",
        Level = LogLevel.Warning,
        Message = "The telemetry notice could not be written to ConsentOptions.NoticeWriter.")]
    internal static partial void NoticeFailed(ILogger logger, Exception exception);

    [LoggerMessage(
        EventId = 17,
        EventName = "ConsentRecorded",
        Level = LogLevel.Debug,
        Message = "Recorded \"enabled\": {Enabled} in the config file {ConfigPath}.")]
    internal static partial void ConsentRecorded(ILogger logger, bool enabled, string configPath);

    [LoggerMessage(
        EventId = 18,
        EventName = "DebugModeEnabled",
        Level = LogLevel.Information,
        Message = "{VariableName} is true, so batches are printed to TelemetryOptions.DebugWriter instead of being "
            + "sent.")]
    internal static partial void DebugModeEnabled(ILogger logger, string variableName);

    [LoggerMessage(
        EventId = 19,
        EventName = "ContextFailed",
        Level = LogLevel.Warning,
        Message = "The default context could not be built, so events carry only the library, app and operating "
            + "system.")]
    internal static partial void ContextFailed(ILogger logger, Exception exception);

    /// <summary>
    /// Calls <paramref name="log"/> and discards any exception from the logger, because a failing logging
    /// provider must not turn a track call, a flush or a constructor into a failure of the application.
    /// </summary>
    internal static void Safely<TState>(ILogger logger, Action<ILogger, TState> log, TState state)
    {
        try
        {
            log(logger, state);
        }
        catch (Exception)
        {
        }
    }
}
