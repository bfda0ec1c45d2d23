using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Logging;

namespace TrainingCli.Telemetry;

/// <summary>
/// Logger that writes the telemetry runtime's warnings and errors to a text writer as <c>warning: MESSAGE</c>
/// lines, the same form as the tool's own warnings, and discards lower levels. Each distinct line is written once.
/// </summary>
/// <remarks>
/// The runtime logs an unreadable or unwritable config file and an invalid environment value as warnings, so the
/// user learns why telemetry is off for a run. Delivery failures are left out, because the tool prints one
/// summary line for the events it could not send. A config file that cannot be written is reported by the client's
/// constructor and again by <c>telemetry enable</c> or <c>telemetry disable</c>, so repeats are left out. The
/// runtime's messages never contain the write key.
/// </remarks>
internal sealed class WarningLogger(TextWriter output) : ILogger
{
    // Event names of the runtime's delivery messages, which the summary line in Program replaces.
    private static readonly HashSet<string> DeliveryEventNames =
        new(StringComparer.Ordinal) { "BatchFailed", "DisposeFlushTimedOut", "UnsentEventsDropped" };

    // Lines already written, locked on itself because the runtime may log from a flush on another thread.
    private readonly HashSet<string> writtenLines = new(StringComparer.Ordinal);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel is >= LogLevel.Warning and < LogLevel.None;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel) || (eventId.Name is { } name && DeliveryEventNames.Contains(name)))
        {
            return;
        }

        var label = logLevel == LogLevel.Warning ? "warning" : "error";
        var message = formatter(state, exception);
        var line = exception is null ? $"{label}: {message}" : $"{label}: {message} ({exception.Message})";
        lock (writtenLines)
        {
            if (writtenLines.Add(line))
            {
                output.WriteLine(line);
            }
        }
    }
}
