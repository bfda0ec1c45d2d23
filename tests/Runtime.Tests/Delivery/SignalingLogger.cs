using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Telemetry.Generators.Runtime.Tests.Support;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

/// <summary>
/// Logger that records every entry in <see cref="Recorded"/>, lets a test await an event id, and can hold the
/// thread that logs an event id until the test releases it. Thread-safe.
/// </summary>
/// <remarks>
/// The sender logs on its own thread, so holding a log call pauses the sender at a known point, for example right
/// after it scheduled a retry. A held call waits at most 30 seconds, so a test that does not release it cannot
/// hang the sender for good.
/// </remarks>
internal sealed class SignalingLogger : ILogger
{
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private readonly List<(int EventId, int Count, TaskCompletionSource Reached)> _waiters = new();
    private readonly ManualResetEventSlim _release = new(initialState: false);
    private readonly TaskCompletionSource _holdReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int? _holdEventId;

    public RecordingLogger Recorded { get; } = new();

    /// <summary>Completes when the call held by <see cref="HoldAt"/> has started to wait.</summary>
    public Task HoldReached => _holdReached.Task;

    /// <summary>
    /// Makes the first later entry with <paramref name="eventId"/> block its thread until <see cref="Release"/>.
    /// The entry is recorded before the thread blocks.
    /// </summary>
    public void HoldAt(int eventId)
    {
        lock (_gate)
        {
            _holdEventId = eventId;
        }
    }

    /// <summary>Lets the held call, and any later one, return.</summary>
    public void Release() => _release.Set();

    /// <summary>
    /// Completes when at least <paramref name="count"/> entries with <paramref name="eventId"/> have been recorded.
    /// </summary>
    /// <param name="safetyTimeout">Time after which a hung test fails. The wait itself ends on a signal.</param>
    public Task WaitForEventAsync(int eventId, TimeSpan safetyTimeout, int count = 1)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (Recorded.WithEventId(eventId).Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((eventId, count, reached));
        }

        return reached.Task.WaitAsync(safetyTimeout);
    }

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
        bool hold;
        var reached = new List<TaskCompletionSource>();
        lock (_gate)
        {
            Recorded.Log(logLevel, eventId, state, exception, formatter);
            hold = _holdEventId == eventId.Id;
            if (hold)
            {
                _holdEventId = null;
            }

            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                (int waitedId, int count, TaskCompletionSource source) = _waiters[i];
                if (Recorded.WithEventId(waitedId).Count >= count)
                {
                    reached.Add(source);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (TaskCompletionSource source in reached)
        {
            source.TrySetResult();
        }

        if (hold)
        {
            _holdReached.TrySetResult();
            _release.Wait(MaxHold);
        }
    }
}
