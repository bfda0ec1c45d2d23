using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators;

/// <summary>
/// Background delivery of one client: a bounded queue that tracking threads add to without waiting, and one sender
/// task that batches, sends, retries, spools and counts.
/// </summary>
/// <remarks>
/// <para>
/// Every accepted event ends in exactly one of these outcomes: sent, dropped with a reason, or spooled. The sender
/// counts each outcome under <see cref="_stateLock"/>, unless shutdown gave up waiting for it and counted the
/// sender's events itself, so no event is counted twice.
/// </para>
/// <para>
/// The sender runs on the thread pool and every await uses <c>ConfigureAwait(false)</c>, so waiting for it from a
/// thread with a single-threaded synchronization context cannot deadlock.
/// </para>
/// </remarks>
internal sealed partial class DeliveryPipeline
{
    // Time that shutdown allows beyond its timeout for writing the spool before it stops waiting for the sender.
    private static readonly TimeSpan PersistAllowance = TimeSpan.FromSeconds(1);

    // Wait before the sender starts again after an unexpected exception.
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);

    // Maximum wait for the spool lock during shutdown or an opt-out.
    private static readonly TimeSpan ShutdownLockWait = TimeSpan.FromMilliseconds(250);

    private readonly DeliverySettings _settings;
    private readonly IBatchTransport _transport;
    private readonly DeliverySpool? _spool;
    private readonly DeliveryCounters _counters;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly EventQueue _queue;
    private readonly AsyncSignal _signal = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ManualResetEventSlim _stopped = new(initialState: false);
    private readonly Task _senderTask;

    // Guards the sender's events (_carry, _front, _inFlight), _abandoned and the opt-out fields.
    private readonly object _stateLock = new();
    // Events that go out before the queue: those read from the spool, and a batch returned after a sender fault.
    private readonly LinkedList<QueuedEvent> _front = new();
    private QueuedEvent? _carry;
    private List<QueuedEvent>? _inFlight;

    // Flush markers taken with the batch in flight. They complete once that batch has an outcome, also when the
    // sender restarts after a fault and sends the batch again.
    private readonly List<FlushMarker> _heldMarkers = new();
    private bool _abandoned;
    private CancellationTokenSource _optOut = new();
    private int _optOutGeneration;

    private int _pendingFlushes;
    private int _shutdownBegun;

    // Canceled when shutdown begins, to end a retry wait early.
    private readonly CancellationTokenSource _shutdownStarted = new();
    private volatile bool _isShuttingDown;
    private ITimer? _shutdownTimer;

    // Used by the sender task only.
    private Task? _intervalTask;
    private bool _intervalElapsed;
    private int _seenOptOutGeneration;
    private SpoolLease? _lease;
    private List<string> _loadedFiles = new();
    private int _spoolWarningLogged;
    private bool _spooledDuringRun;

    // Set by an opt-out until the spool files are deleted, which waits for the spool lock.
    private bool _spoolClearPending;
    private bool _spoolClearAttempted;

    // Start of the current outage and the back-off retries since the last delivery, shared by the batches that
    // fail in a row.
    private DateTimeOffset? _failingSince;
    private int _backoffRetriesSinceSuccess;

    public DeliveryPipeline(
        DeliverySettings settings,
        IBatchTransport transport,
        DeliverySpool? spool,
        DeliveryCounters counters,
        ILogger logger,
        TimeProvider timeProvider)
    {
        _settings = settings;
        _transport = transport;
        _spool = transport.IsDurable ? spool : null;
        _counters = counters;
        _logger = logger;
        _timeProvider = timeProvider;
        _queue = new EventQueue(settings.MaxQueueLength, settings.MaxQueueBytes);
        _senderTask = Task.Run(RunAsync);
    }

    /// <summary>Number of events in the queue, in the batch being sent, and read from the spool but not sent.</summary>
    public int PendingCount
    {
        get
        {
            lock (_stateLock)
            {
                return _queue.Count + _front.Count + (_carry is null ? 0 : 1) + (_inFlight?.Count ?? 0);
            }
        }
    }

    /// <summary>Whether the sender has stopped after a shutdown.</summary>
    public bool IsStopped => _stopped.IsSet;

    /// <summary>Folder of the spool, or null when undelivered events are not spooled.</summary>
    public string? SpoolPath => _spool?.DirectoryPath;

    /// <summary>
    /// Adds an event for the sender and returns whether the queue had room. Never waits for the sender.
    /// </summary>
    public bool TryEnqueue(QueuedEvent queuedEvent)
    {
        if (!_queue.TryAdd(queuedEvent))
        {
            return false;
        }

        if (_queue.Count >= _settings.MaxBatchSize || _queue.Bytes >= _settings.MaxBatchBytes)
        {
            _signal.Set();
        }

        return true;
    }

    /// <summary>
    /// Returns a task that completes when every event added before the call has been delivered, rejected, dropped
    /// or spooled, or that is canceled with <paramref name="cancellationToken"/>.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        FlushMarker marker = AddFlushMarker();
        return WaitAsync(marker.Task, cancellationToken);
    }

    /// <summary>
    /// Blocks until every event added before the call has an outcome or <paramref name="timeout"/> passes, and
    /// returns whether they all have one.
    /// </summary>
    public bool Flush(TimeSpan timeout) => AddFlushMarker().Wait(timeout);

    /// <summary>
    /// Drops every event that is not yet delivered and deletes the spool, because the user opted out. An attempt in
    /// progress is canceled, so nothing is sent after this returns, except a request already on the wire.
    /// </summary>
    public void DropForOptOut()
    {
        // The queue, the carried event and the events in front are taken under the same lock that raises the
        // generation, so the sender cannot build a batch from them after the opt-out. A batch built before carries
        // the old generation and is dropped, and an attempt already running is canceled.
        CancellationTokenSource previous;
        var dropped = new List<QueuedEvent>();
        List<FlushMarker> markers;
        lock (_stateLock)
        {
            _optOutGeneration++;
            previous = _optOut;
            _optOut = new CancellationTokenSource();
            (_, markers) = DrainQueue(dropped);
            if (_carry is not null)
            {
                dropped.Add(_carry);
                _carry = null;
            }

            dropped.AddRange(_front);
            _front.Clear();
        }

        CancelSafely(previous);
        _counters.AddDropped(TelemetryDropReason.OptedOut, dropped.Count);
        foreach (QueuedEvent queuedEvent in dropped)
        {
            queuedEvent.DeliveryObserver?.TrySetResult(false);
        }

        CompleteMarkers(markers);

        // The sender deletes the spool when it finds the new generation.
        _signal.Set();
    }

    /// <summary>
    /// Stops the sender within the shutdown timeout: sends what it can, then spools or drops the rest. Blocks for
    /// at most the shutdown timeout plus one second. Calling it again returns at once.
    /// </summary>
    public void Shutdown()
    {
        if (!BeginShutdown())
        {
            return;
        }

        if (!_stopped.Wait(_settings.ShutdownTimeout + PersistAllowance))
        {
            Abandon();
        }
    }

    /// <summary>
    /// Stops the sender like <see cref="Shutdown"/>, without blocking a thread.
    /// </summary>
    public async Task ShutdownAsync()
    {
        if (!BeginShutdown())
        {
            return;
        }

        Task limit = Task.Delay(_settings.ShutdownTimeout + PersistAllowance);
        Task finished = await Task.WhenAny(_senderTask, limit).ConfigureAwait(false);
        if (finished != _senderTask)
        {
            Abandon();
        }
    }

    private FlushMarker AddFlushMarker()
    {
        // The marker is in the queue before the count goes up, so a sender that finds the count above zero also
        // finds the marker, and never spins waiting for it.
        var marker = new FlushMarker();
        _queue.AddMarker(marker);
        Interlocked.Increment(ref _pendingFlushes);
        _signal.Set();

        // A marker added after the sender stopped has no events ahead of it that the sender could still send.
        if (_stopped.IsSet)
        {
            (_, List<FlushMarker> markers) = DrainQueue(leftovers: null, TelemetryDropReason.ShutdownTimedOut);
            CompleteMarkers(markers);
            marker.Complete();
        }

        return marker;
    }

    private static async Task WaitAsync(Task task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            await task.ConfigureAwait(false);
            return;
        }

        var canceled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(
            static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true),
            canceled))
        {
            Task finished = await Task.WhenAny(task, canceled.Task).ConfigureAwait(false);
            if (finished != task)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    private bool BeginShutdown()
    {
        if (Interlocked.Exchange(ref _shutdownBegun, 1) != 0)
        {
            return false;
        }

        _isShuttingDown = true;
        CancelSafely(_shutdownStarted);
        try
        {
            _shutdownTimer = _timeProvider.CreateTimer(
                static state => CancelSafely((CancellationTokenSource)state!),
                _stop,
                _settings.ShutdownTimeout,
                Timeout.InfiniteTimeSpan);
        }
        catch (Exception)
        {
            // Without a timer the wait in Shutdown still ends, and Abandon counts what the sender did not finish.
        }

        _signal.Set();
        return true;
    }

    // Gives up on a sender that did not stop in time: takes its events and the queue, then spools or drops them.
    // The sender counts nothing more after this.
    private void Abandon()
    {
        var leftovers = new List<QueuedEvent>();
        lock (_stateLock)
        {
            if (_abandoned)
            {
                return;
            }

            _abandoned = true;
            TakeSenderEvents(leftovers);
        }

        CancelSafely(_stop);
        (_, List<FlushMarker> markers) = DrainQueue(leftovers);

        // The sender may still hold the lock file, so the spool is used only if it can be locked at once: waiting
        // here would stretch Dispose past its bound.
        PersistLeftovers(leftovers, leaseToUse: null, TimeSpan.Zero);
        CompleteMarkers(markers);
        CompleteHeldMarkers();
    }

    // Moves _inFlight, _carry and _front into leftovers. Called under _stateLock.
    private void TakeSenderEvents(List<QueuedEvent> leftovers)
    {
        if (_inFlight is not null)
        {
            leftovers.AddRange(_inFlight);
            _inFlight = null;
        }

        if (_carry is not null)
        {
            leftovers.Add(_carry);
            _carry = null;
        }

        leftovers.AddRange(_front);
        _front.Clear();
    }

    // Empties the queue. Events go to leftovers when it is not null; otherwise they are counted as dropped.
    private (int Count, List<FlushMarker> Markers) DrainQueue(
        List<QueuedEvent>? leftovers,
        TelemetryDropReason? countAsDropped = null)
    {
        int count = 0;
        var markers = new List<FlushMarker>();
        while (_queue.TryTake(out object? entry))
        {
            if (entry is FlushMarker marker)
            {
                markers.Add(marker);
            }
            else if (entry is QueuedEvent queuedEvent)
            {
                count++;
                leftovers?.Add(queuedEvent);
                queuedEvent.DeliveryObserver?.TrySetResult(false);
            }
        }

        if (countAsDropped is TelemetryDropReason reason)
        {
            _counters.AddDropped(reason, count);
        }

        return (count, markers);
    }

    private void CompleteMarkers(List<FlushMarker> markers)
    {
        foreach (FlushMarker marker in markers)
        {
            if (marker.Complete())
            {
                Interlocked.Decrement(ref _pendingFlushes);
            }
        }
    }

    // Completes the markers that wait for the batch in flight. Called when that batch has an outcome, or when
    // shutdown has spooled or dropped it.
    private void CompleteHeldMarkers()
    {
        List<FlushMarker> markers;
        lock (_stateLock)
        {
            if (_heldMarkers.Count == 0)
            {
                return;
            }

            markers = new List<FlushMarker>(_heldMarkers);
            _heldMarkers.Clear();
        }

        CompleteMarkers(markers);
    }

    private static void CancelSafely(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (Exception)
        {
            // A callback registered on the token threw. The token is canceled all the same.
        }
    }

    private DateTimeOffset Now() => _timeProvider.GetUtcNow();

    private void Log<TState>(Action<ILogger, TState> log, TState state) => TelemetryLog.Safely(_logger, log, state);
}
