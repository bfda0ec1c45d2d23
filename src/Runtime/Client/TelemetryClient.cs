using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators;

/// <summary>
/// Records product-analytics events in memory and sends them to a sink in batches when flushed.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Track"/> does no I/O. It appends the event to an in-memory queue under a short lock, and it logs and
/// counts its own failures instead of throwing them. Nothing is sent until <see cref="FlushAsync"/>,
/// <see cref="Flush()"/> or <see cref="Dispose"/> runs. All members are thread-safe.
/// </para>
/// <para>
/// A client without a sink is disabled: <see cref="IsEnabled"/> is <see langword="false"/>, track calls return at
/// once and nothing touches the network. See <see cref="TelemetryOptions.WriteKey"/> for how the sink is chosen.
/// </para>
/// </remarks>
public sealed partial class TelemetryClient : IDisposable
{
    private static readonly TimeSpan DisposeFlushTimeout = TimeSpan.FromSeconds(2);

    // Time that Flush(TimeSpan) waits after canceling, so a sink that honours cancellation can hand its batch back.
    private static readonly TimeSpan CancellationGracePeriod = TimeSpan.FromMilliseconds(250);

    private readonly ITelemetrySink? _sink;
    private readonly bool _ownsSink;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Func<Guid> _messageIdGenerator;
    private readonly TelemetryProperties _context;
    private readonly int _maxBatchSize;
    private readonly int _maxQueueLength;

    // Guards _pending, _queueFullLogged, _isEnabled changes and _disposeCompleted.
    private readonly object _pendingLock = new();
    private List<TrackItem> _pending = new();
    private bool _queueFullLogged;
    private bool _disposeCompleted;

    // Lets one flush at a time call the sink, so batches reach it in tracking order.
    private readonly SemaphoreSlim _flushGate = new(1, 1);

    private volatile bool _isEnabled;
    private int _disposeStarted;
    private long _acceptedCount;
    private long _sentCount;
    private long _droppedCount;

    /// <summary>
    /// Initializes a client and chooses its sink. Creating a client does not touch the network.
    /// </summary>
    /// <param name="options">The settings. They are read once, here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid. The message names the option and the fix.</exception>
    public TelemetryClient(TelemetryOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        ResolvedTelemetryOptions resolved = ResolvedTelemetryOptions.Resolve(options);
        _sink = resolved.Sink;
        _ownsSink = resolved.OwnsSink;
        _logger = resolved.Logger;
        _timeProvider = resolved.TimeProvider;
        _messageIdGenerator = resolved.MessageIdGenerator;
        _maxBatchSize = resolved.MaxBatchSize;
        _maxQueueLength = resolved.MaxQueueLength;
        _context = TelemetryContext.Create(resolved.AppName, resolved.AppVersion);
        AnonymousId = resolved.AnonymousId;
        WriteKeySource = resolved.WriteKeySource;
        WriteKeyEnvironmentVariable = resolved.WriteKeyVariable;

        if (_sink is not null)
        {
            _isEnabled = true;
            LogSafely(
                static (logger, client) => TelemetryLog.ClientEnabled(logger, client._sink!, client.WriteKeySource),
                this);
        }
        else if (!options.Enabled)
        {
            LogSafely(static (logger, _) => TelemetryLog.ClientDisabledByOptions(logger), this);
        }
        else
        {
            LogSafely(
                static (logger, variable) => TelemetryLog.WriteKeyMissing(logger, variable),
                WriteKeyEnvironmentVariable);
        }
    }

    /// <summary>
    /// Whether track calls record events: <see langword="true"/> when <see cref="TelemetryOptions.Enabled"/> is
    /// set and a sink was found, until the client is disposed. Reading it costs one field read.
    /// </summary>
    public bool IsEnabled => _isEnabled;

    /// <summary>
    /// Anonymous id sent with every event of this client.
    /// </summary>
    public string AnonymousId { get; }

    /// <summary>
    /// Where the write key came from, or <see cref="TelemetryWriteKeySource.None"/> when no key is used.
    /// The key itself is not exposed.
    /// </summary>
    public TelemetryWriteKeySource WriteKeySource { get; }

    /// <summary>
    /// Name of the environment variable that the client reads the write key from, for example
    /// <c>TRAINING_CLI_TELEMETRY_WRITE_KEY</c>.
    /// </summary>
    public string WriteKeyEnvironmentVariable { get; }

    /// <summary>
    /// Number of events accepted into the queue.
    /// </summary>
    public long AcceptedCount => Interlocked.Read(ref _acceptedCount);

    /// <summary>
    /// Number of events in batches that the sink accepted.
    /// </summary>
    public long SentCount => Interlocked.Read(ref _sentCount);

    /// <summary>
    /// Number of events lost: rejected because the queue was full or the track item could not be created, in a
    /// batch that the sink failed to send, or still waiting when the client was disposed.
    /// </summary>
    public long DroppedCount => Interlocked.Read(ref _droppedCount);

    /// <summary>
    /// Number of events waiting for a flush.
    /// </summary>
    public int PendingCount
    {
        get
        {
            lock (_pendingLock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Records an event for the next flush. Does no I/O, and logs and counts failures instead of throwing.
    /// </summary>
    /// <param name="eventName">The event name, for example <c>"Training Started"</c>.</param>
    /// <param name="properties">
    /// The event properties, or null for none. The client keeps this instance until the event is sent, so do not
    /// change it after the call.
    /// </param>
    /// <remarks>
    /// When the client is disabled or disposed, the call returns at once. An event that cannot be recorded, because
    /// <paramref name="eventName"/> is null or empty, the message id generator or clock throws, or
    /// <see cref="TelemetryOptions.MaxQueueLength"/> events are waiting, is dropped, counted in
    /// <see cref="DroppedCount"/> and logged.
    /// </remarks>
    public void Track(string eventName, TelemetryProperties? properties)
    {
        if (!_isEnabled)
        {
            return;
        }

        TrackItem item;
        try
        {
            item = CreateItem(eventName, properties);
        }
        catch (Exception exception)
        {
            Interlocked.Increment(ref _droppedCount);
            LogSafely(
                static (logger, state) => TelemetryLog.TrackFailed(logger, state.EventName, state.Exception),
                (EventName: eventName, Exception: exception));
            return;
        }

        bool logQueueFull = false;
        lock (_pendingLock)
        {
            if (!_isEnabled)
            {
                return;
            }

            if (_pending.Count >= _maxQueueLength)
            {
                Interlocked.Increment(ref _droppedCount);
                logQueueFull = !_queueFullLogged;
                _queueFullLogged = true;
            }
            else
            {
                _pending.Add(item);
                Interlocked.Increment(ref _acceptedCount);
            }
        }

        if (logQueueFull)
        {
            LogSafely(
                static (logger, state) => TelemetryLog.QueueFull(logger, state.EventName, state.MaxQueueLength),
                (EventName: eventName, MaxQueueLength: _maxQueueLength));
        }
    }

    /// <summary>
    /// Sends the events that are waiting when the call starts, in batches of at most
    /// <see cref="TelemetryOptions.MaxBatchSize"/>, and completes when every batch has been sent or dropped.
    /// </summary>
    /// <param name="cancellationToken">
    /// Stops the flush. Events not yet sent, including the batch in progress, go back to the front of the queue.
    /// </param>
    /// <returns>A task that completes when every batch has been sent or dropped.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>
    /// A flush waits for any flush already running, so batches reach the sink in tracking order. A batch that the
    /// sink fails to send is logged and its events are counted in <see cref="DroppedCount"/>. No other exception
    /// escapes.
    /// </remarks>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_sink is null)
        {
            return;
        }

        await _flushGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<TrackItem> items = TakePending();
            int offset = 0;
            try
            {
                while (offset < items.Count)
                {
                    int count = Math.Min(_maxBatchSize, items.Count - offset);
                    List<TrackItem> batch = items.GetRange(offset, count);
                    await SendBatchAsync(_sink, batch, cancellationToken).ConfigureAwait(false);
                    offset += count;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The batch in progress may have arrived. Its items keep their message ids, so Segment removes the
                // duplicates when a later flush sends them again.
                ReturnUnsent(items, offset);
                throw;
            }
        }
        finally
        {
            _flushGate.Release();
        }
    }

    /// <summary>
    /// Runs <see cref="FlushAsync"/> on the thread pool and blocks until it completes.
    /// </summary>
    /// <remarks>
    /// The flush does not capture the caller's synchronization context, so calling this from a UI thread does not
    /// deadlock. It can block for as long as the sink takes, up to <see cref="System.Net.Http.HttpClient.Timeout"/>
    /// per batch for the HTTP sink. Use <see cref="Flush(TimeSpan)"/> to bound the wait.
    /// </remarks>
    public void Flush() => Task.Run(() => FlushAsync(CancellationToken.None)).GetAwaiter().GetResult();

    /// <summary>
    /// Runs <see cref="FlushAsync"/> on the thread pool and blocks until it completes. When
    /// <paramref name="timeout"/> passes first, cancels the flush and waits up to 0.25 seconds more for the sink to
    /// stop, so events not yet sent can return to the queue.
    /// </summary>
    /// <param name="timeout">The maximum wait before cancellation, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <returns><see langword="true"/> when the flush completed before <paramref name="timeout"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </exception>
    /// <remarks>
    /// A sink that ignores cancellation keeps running in the background after this method returns. The flush
    /// does not capture the caller's synchronization context.
    /// </remarks>
    public bool Flush(TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeout),
                timeout,
                "The timeout must be zero or greater, or Timeout.InfiniteTimeSpan.");
        }

        // The source is never disposed because it has no timer and its token's registrations end with the flush.
        var cancellation = new CancellationTokenSource();
        Task flush = Task.Run(() => FlushAsync(cancellation.Token));
        if (WaitUntilCompleted(flush, timeout))
        {
            return flush.Status == TaskStatus.RanToCompletion;
        }

        cancellation.Cancel();
        WaitUntilCompleted(flush, CancellationGracePeriod);
        return false;
    }

    /// <summary>
    /// Stops intake, flushes the waiting events with <see cref="Flush(TimeSpan)"/> and a 2-second timeout, and
    /// disposes the sink if the client created it. Events still waiting after that are dropped and counted.
    /// </summary>
    /// <remarks>
    /// Blocks the caller for up to 2.25 seconds. Calling it again has no effect. After the first call,
    /// <see cref="IsEnabled"/> is <see langword="false"/> and track calls do nothing.
    /// </remarks>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) != 0)
        {
            return;
        }

        lock (_pendingLock)
        {
            _isEnabled = false;
        }

        if (_sink is not null && !Flush(DisposeFlushTimeout))
        {
            LogSafely(
                static (logger, timeout) => TelemetryLog.DisposeFlushTimedOut(logger, timeout.TotalMilliseconds),
                DisposeFlushTimeout);
        }

        int unsentCount;
        lock (_pendingLock)
        {
            unsentCount = _pending.Count;
            _pending.Clear();
            _disposeCompleted = true;
        }

        if (unsentCount > 0)
        {
            Interlocked.Add(ref _droppedCount, unsentCount);
            LogSafely(static (logger, count) => TelemetryLog.UnsentEventsDropped(logger, count), unsentCount);
        }

        if (_ownsSink && _sink is IDisposable disposable)
        {
            disposable.Dispose();
        }

        LogSafely(
            static (logger, client) =>
                TelemetryLog.ClientDisposed(logger, client.AcceptedCount, client.SentCount, client.DroppedCount),
            this);
    }

    // Returns whether the task has completed, successfully or not, within the timeout.
    private static bool WaitUntilCompleted(Task task, TimeSpan timeout)
    {
        try
        {
            return task.Wait(timeout);
        }
        catch (AggregateException)
        {
            // Wait throws once a canceled or faulted task has completed.
            return true;
        }
    }

    private TrackItem CreateItem(string eventName, TelemetryProperties? properties)
    {
        if (string.IsNullOrEmpty(eventName))
        {
            throw new ArgumentException(
                "The event name is null or empty. Pass a name such as \"Training Started\".",
                nameof(eventName));
        }

        return new TrackItem(
            _messageIdGenerator().ToString("D"),
            AnonymousId,
            eventName,
            properties ?? new TelemetryProperties(),
            _context,
            _timeProvider.GetUtcNow());
    }

    private List<TrackItem> TakePending()
    {
        lock (_pendingLock)
        {
            List<TrackItem> items = _pending;
            _pending = new List<TrackItem>();
            _queueFullLogged = false;
            return items;
        }
    }

    private void ReturnUnsent(List<TrackItem> items, int offset)
    {
        int unsentCount = items.Count - offset;
        lock (_pendingLock)
        {
            if (!_disposeCompleted)
            {
                _pending.InsertRange(0, items.GetRange(offset, unsentCount));
                return;
            }
        }

        // Dispose has already dropped the queue, so these events can no longer be sent.
        Interlocked.Add(ref _droppedCount, unsentCount);
        LogSafely(static (logger, count) => TelemetryLog.UnsentEventsDropped(logger, count), unsentCount);
    }

    private async Task SendBatchAsync(ITelemetrySink sink, List<TrackItem> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await sink.SendAsync(batch, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _sentCount, batch.Count);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // NOTE: the events of a failed batch are lost. Retries and a disk spool come with the delivery pipeline.
            Interlocked.Add(ref _droppedCount, batch.Count);
            LogSafely(
                static (logger, state) =>
                    TelemetryLog.BatchFailed(logger, state.ItemCount, state.Sink, state.Exception),
                (ItemCount: batch.Count, Sink: sink, Exception: exception));
        }
    }

    // A logger that throws, for example a provider failing inside Microsoft.Extensions.Logging, must not turn a
    // track call or a flush into a failure of the application, so its exception is discarded.
    private void LogSafely<TState>(Action<ILogger, TState> log, TState state)
    {
        try
        {
            log(_logger, state);
        }
        catch (Exception)
        {
        }
    }
}
