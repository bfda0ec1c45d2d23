using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// Sink whose every send fails with the given exception, after counting the call. The exception is thrown from
/// SendAsync itself when <c>synchronous</c> is true, else it faults the returned task.
/// </summary>
internal sealed class ThrowingSink : ITelemetrySink
{
    private readonly Exception _exception;
    private readonly bool _synchronous;
    private int _callCount;

    public ThrowingSink(Exception exception, bool synchronous = false)
    {
        _exception = exception;
        _synchronous = synchronous;
    }

    public int CallCount => Volatile.Read(ref _callCount);

    public Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _callCount);
        if (_synchronous)
        {
            throw _exception;
        }

        return Task.FromException(_exception);
    }
}

/// <summary>
/// Sink whose first send waits until it is released or, when it honours cancellation, until its token is
/// canceled. Later sends go to <see cref="Inner"/>.
/// </summary>
internal sealed class GatedSink : ITelemetrySink
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _honoursCancellation;
    private int _callCount;

    public GatedSink(bool honoursCancellation)
    {
        _honoursCancellation = honoursCancellation;
    }

    public InMemorySink Inner { get; } = new();

    /// <summary>Completes when the first send has started.</summary>
    public Task FirstSendStarted => _started.Task;

    /// <summary>Lets the first send complete successfully, storing its batch in <see cref="Inner"/>.</summary>
    public void Release() => _release.TrySetResult();

    public async Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _callCount) == 1)
        {
            _started.TrySetResult();
            if (_honoursCancellation)
            {
                await _release.Task.WaitAsync(cancellationToken);
            }
            else
            {
                await _release.Task;
            }
        }

        await Inner.SendAsync(batch, CancellationToken.None);
    }
}

/// <summary>
/// Sink that always completes asynchronously on the thread pool, so the caller's continuation has to be scheduled.
/// It captures no synchronization context itself.
/// </summary>
internal sealed class AsynchronousSink : ITelemetrySink, IDisposable
{
    public InMemorySink Inner { get; } = new();

    public bool IsDisposed { get; private set; }

    public async Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        await Inner.SendAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => IsDisposed = true;
}
