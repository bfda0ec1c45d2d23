using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

/// <summary>
/// Clock fixed at <see cref="DeliveryTestOptions.Now"/> whose <see cref="GetUtcNow"/> can be made to throw once, on
/// a chosen call. Timers and delays still run on the system clock. Thread-safe.
/// </summary>
internal sealed class FaultingClock : TimeProvider
{
    private int _callCount;
    private int _failingCall;

    /// <summary>
    /// Makes call number <paramref name="callsFromNow"/> throw, counting from the next call, which is number 1.
    /// </summary>
    public void FailCall(int callsFromNow) =>
        Volatile.Write(ref _failingCall, Volatile.Read(ref _callCount) + callsFromNow);

    public override DateTimeOffset GetUtcNow()
    {
        if (Interlocked.Increment(ref _callCount) == Volatile.Read(ref _failingCall))
        {
            throw new ClockFaultException();
        }

        return DeliveryTestOptions.Now;
    }
}

/// <summary>Exception that <see cref="FaultingClock"/> throws.</summary>
internal sealed class ClockFaultException : Exception
{
    public ClockFaultException()
        : base("The test clock failed on purpose.")
    {
    }
}

/// <summary>
/// Sink whose first send fails with the given exception and whose later sends store the batch in
/// <see cref="Batches"/>. Thread-safe.
/// </summary>
internal sealed class FailOnceSink : ITelemetrySink
{
    private readonly object _gate = new();
    private readonly List<string[]> _batches = new();
    private readonly Exception _exception;
    private readonly bool _throwsSynchronously;
    private int _callCount;

    /// <param name="exception">The exception of the first send.</param>
    /// <param name="throwsSynchronously">
    /// Whether the first send throws from <see cref="SendAsync"/> itself instead of returning a faulted task.
    /// </param>
    public FailOnceSink(Exception exception, bool throwsSynchronously)
    {
        _exception = exception;
        _throwsSynchronously = throwsSynchronously;
    }

    public int CallCount => Volatile.Read(ref _callCount);

    /// <summary>Message ids of each batch stored after the failed send, in order.</summary>
    public IReadOnlyList<string[]> Batches
    {
        get
        {
            lock (_gate)
            {
                return _batches.ToArray();
            }
        }
    }

    public Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _callCount) == 1)
        {
            if (_throwsSynchronously)
            {
                throw _exception;
            }

            return Task.FromException(_exception);
        }

        var messageIds = new string[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            messageIds[i] = batch[i].MessageId;
        }

        lock (_gate)
        {
            _batches.Add(messageIds);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Exception of a type that no library code expects, whose <see cref="Message"/> throws too, as a careless
/// application sink might throw.
/// </summary>
internal sealed class UnexpectedSinkException : Exception
{
    public override string Message => throw new InvalidOperationException("The message of this exception fails.");
}
