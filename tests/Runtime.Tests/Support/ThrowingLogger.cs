using System;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// Logger whose every log call throws, like a failing logging provider.
/// </summary>
internal sealed class ThrowingLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter) => throw new InvalidOperationException("logger failed");
}
