using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// Logger that keeps every entry at every level, for asserting event ids and messages. Thread-safe.
/// </summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly object _gate = new();
    private readonly List<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    public IReadOnlyList<LogEntry> WithEventId(int eventId) =>
        Entries.Where(entry => entry.EventId.Id == eventId).ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _entries.Add(new LogEntry(logLevel, eventId, formatter(state, exception), exception));
        }
    }
}

internal sealed record LogEntry(LogLevel Level, EventId EventId, string Message, Exception? Exception);
