using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

// Delivery: flushing the queue to the sink in batches, and the flush that Dispose runs before it releases the sink.
public sealed partial class TelemetryClient
{
    private static readonly TimeSpan DisposeFlushTimeout = TimeSpan.FromSeconds(2);

    // Time that Flush(TimeSpan) waits after canceling, so a sink that honours cancellation can hand its batch back.
    private static readonly TimeSpan CancellationGracePeriod = TimeSpan.FromMilliseconds(250);

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
    public Task FlushAsync(CancellationToken cancellationToken = default) =>
        FlushCoreAsync(finalItem: null, cancellationToken);

    // Sends the waiting events, then finalItem when it is not null, in batches. Returns whether the batch that
    // held finalItem reached the sink.
    private async Task<bool> FlushCoreAsync(TrackItem? finalItem, CancellationToken cancellationToken)
    {
        ITelemetrySink? sink = Volatile.Read(ref _sink);
        if (sink is null)
        {
            return false;
        }

        await _flushGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var flight = new InFlightItems(TakePending());
            if (finalItem is not null)
            {
                flight.Items.Add(finalItem);
            }

            lock (_pendingLock)
            {
                _inFlight = flight;
            }

            bool lastBatchSent = false;
            try
            {
                while (flight.Offset < flight.Items.Count)
                {
                    int count = Math.Min(_maxBatchSize, flight.Items.Count - flight.Offset);
                    List<TrackItem> batch = flight.Items.GetRange(flight.Offset, count);
                    lastBatchSent = await SendBatchAsync(sink, batch, flight, cancellationToken).ConfigureAwait(false);
                }

                return finalItem is not null && lastBatchSent;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The batch in progress may have arrived. Its items keep their message ids, so Segment removes the
                // duplicates when a later flush sends them again.
                ReturnUnsent(flight);
                throw;
            }
        }
        finally
        {
            lock (_pendingLock)
            {
                _inFlight = null;
            }

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

        if (Volatile.Read(ref _sink) is not null && !Flush(DisposeFlushTimeout))
        {
            LogSafely(
                static (logger, timeout) => TelemetryLog.DisposeFlushTimedOut(logger, timeout.TotalMilliseconds),
                DisposeFlushTimeout);
        }

        int unsentCount;
        lock (_pendingLock)
        {
            // A flush that outlived its timeout still has its items. They are counted as dropped now, so every
            // accepted event is counted as sent or dropped when Dispose returns. The flush counts nothing more.
            unsentCount = _pending.Count + (_inFlight?.Abandon() ?? 0);
            _pending.Clear();
            _disposeCompleted = true;
        }

        if (unsentCount > 0)
        {
            Interlocked.Add(ref _droppedCount, unsentCount);
            LogSafely(static (logger, count) => TelemetryLog.UnsentEventsDropped(logger, count), unsentCount);
        }

        if (_ownsSink && Volatile.Read(ref _sink) is IDisposable disposable)
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

    private void ReturnUnsent(InFlightItems flight)
    {
        int unsentCount;
        lock (_pendingLock)
        {
            // Dispose has already counted these events as dropped.
            if (flight.IsAbandoned)
            {
                return;
            }

            unsentCount = flight.Items.Count - flight.Offset;
            if (!_disposeCompleted)
            {
                _pending.InsertRange(0, flight.Items.GetRange(flight.Offset, unsentCount));
                flight.Offset = flight.Items.Count;
                return;
            }

            // Dispose has already dropped the queue, so these events can no longer be sent.
            flight.Abandon();
            Interlocked.Add(ref _droppedCount, unsentCount);
        }

        LogSafely(static (logger, count) => TelemetryLog.UnsentEventsDropped(logger, count), unsentCount);
    }

    // Returns whether the sink accepted the batch.
    private async Task<bool> SendBatchAsync(
        ITelemetrySink sink,
        List<TrackItem> batch,
        InFlightItems flight,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await sink.SendAsync(batch, cancellationToken).ConfigureAwait(false);
            CompleteBatch(flight, batch.Count, ref _sentCount);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // NOTE: the events of a failed batch are lost. Retries and a disk spool come with the delivery pipeline.
            CompleteBatch(flight, batch.Count, ref _droppedCount);
            LogSafely(
                static (logger, state) =>
                    TelemetryLog.BatchFailed(logger, state.ItemCount, state.Sink, state.Exception),
                (ItemCount: batch.Count, Sink: sink, Exception: exception));
            return false;
        }
    }

    // Moves the flush past a batch and counts it, unless Dispose abandoned the flush and counted it already.
    private void CompleteBatch(InFlightItems flight, int count, ref long counter)
    {
        lock (_pendingLock)
        {
            flight.Offset += count;
            if (!flight.IsAbandoned)
            {
                Interlocked.Add(ref counter, count);
            }
        }
    }

    /// <summary>
    /// The events a flush has taken from the queue, and how many of them it has finished with.
    /// </summary>
    private sealed class InFlightItems(List<TrackItem> items)
    {
        public List<TrackItem> Items { get; } = items;

        public int Offset { get; set; }

        public bool IsAbandoned { get; private set; }

        // Marks the rest as given up and returns how many events that is.
        public int Abandon()
        {
            IsAbandoned = true;
            return Items.Count - Offset;
        }
    }
}
