using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

// The sender task: waits for work, builds batches and hands each to DeliverAsync, and restarts after a fault.
internal sealed partial class DeliveryPipeline
{
    private async Task RunAsync()
    {
        try
        {
            try
            {
                RestoreFromSpool();
            }
            catch (Exception exception)
            {
                // The events stay in their files for a later run, and delivery goes on from memory.
                WarnSpoolUnavailable(exception);
            }

            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    if (await RunCycleAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception exception)
                {
                    // The sender must survive any fault, so it puts its batch back in front, logs, waits a moment
                    // and starts the next cycle.
                    ReturnInFlight();
                    _counters.AddSenderRestart();
                    Log(
                        static (logger, state) =>
                            TelemetryLog.SenderFailed(logger, state.Delay.TotalMilliseconds, state.Exception),
                        (Delay: RestartDelay, Exception: exception));
                    if (!await DelayAsync(RestartDelay, _stop.Token).ConfigureAwait(false))
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            try
            {
                FinishShutdown();
            }
            catch (Exception exception)
            {
                Log(
                    static (logger, error) => TelemetryLog.SenderFailed(logger, 0, error),
                    exception);
            }

            _stopped.Set();

            // A flush that added its marker while FinishShutdown ran has nothing left to wait for.
            (_, List<FlushMarker> lateMarkers) = DrainQueue(leftovers: null, TelemetryDropReason.ShutdownTimedOut);
            CompleteMarkers(lateMarkers);
        }
    }

    private void ReturnInFlight()
    {
        lock (_stateLock)
        {
            if (_carry is not null)
            {
                _front.AddFirst(_carry);
                _carry = null;
            }

            if (_inFlight is null)
            {
                return;
            }

            for (int i = _inFlight.Count - 1; i >= 0; i--)
            {
                _front.AddFirst(_inFlight[i]);
            }

            _inFlight = null;
        }
    }

    // Runs one cycle: handles an opt-out, then sends what is due or waits for work. Returns true when shutdown
    // has sent everything.
    private async Task<bool> RunCycleAsync()
    {
        _signal.Reset();
        HandleOptOut();

        if (IsSendDue())
        {
            await SendDueBatchesAsync().ConfigureAwait(false);
            return false;
        }

        if (_isShuttingDown)
        {
            return true;
        }

        await WaitForWorkAsync().ConfigureAwait(false);
        return false;
    }

    private bool IsSendDue()
    {
        bool hasEvents;
        lock (_stateLock)
        {
            if (_front.Count > 0)
            {
                return true;
            }

            hasEvents = _carry is not null || _queue.Count > 0;
        }

        if (Volatile.Read(ref _pendingFlushes) > 0)
        {
            return true;
        }

        if (!hasEvents)
        {
            _intervalElapsed = false;
            return false;
        }

        return _isShuttingDown
            || _intervalElapsed
            || _queue.Count >= _settings.MaxBatchSize
            || _queue.Bytes >= _settings.MaxBatchBytes;
    }

    // Waits until a track call fills a batch, a flush or shutdown starts, or the flush interval passes. The
    // interval timer keeps running across waits, so a steady trickle of events still goes out once per interval.
    private async Task WaitForWorkAsync()
    {
        _intervalTask ??= DelayAsync(_settings.FlushInterval, _stop.Token);
        Task finished = await Task.WhenAny(_signal.WaitAsync(), _intervalTask).ConfigureAwait(false);
        if (finished == _intervalTask)
        {
            _intervalTask = null;
            _intervalElapsed = true;
        }
    }

    private async Task SendDueBatchesAsync()
    {
        while (IsSendDue())
        {
            HandleOptOut();
            (List<QueuedEvent> batch, List<FlushMarker> markers, int generation) = BuildBatch();
            if (batch.Count == 0)
            {
                // Nothing is waiting ahead of these markers, nor ahead of markers held for a batch that a sender
                // fault or an opt-out took away, so every event before them has an outcome.
                CompleteMarkers(markers);
                CompleteHeldMarkers();
                if (markers.Count == 0)
                {
                    break;
                }

                continue;
            }

            lock (_stateLock)
            {
                _heldMarkers.AddRange(markers);
            }

            // The spool files of replayed events are deleted before the flush completes, so a caller that awaited
            // the flush finds them gone.
            bool delivered = await DeliverAsync(batch, generation).ConfigureAwait(false);
            ReleaseSpoolAfterReplay();
            CompleteHeldMarkers();

            // A batch spooled earlier in this run goes out as soon as the destination is reachable again.
            if (delivered && _spooledDuringRun && _lease is null && !_isShuttingDown)
            {
                _spooledDuringRun = false;
                RestoreFromSpool();
            }
        }

        _intervalElapsed = false;
    }

    // Takes the next batch: the carried event, then events read from the spool, then the queue, up to the batch
    // limits. Stops at a flush marker, so the marker completes right after the events ahead of it.
    private (List<QueuedEvent> Batch, List<FlushMarker> Markers, int Generation) BuildBatch()
    {
        var batch = new List<QueuedEvent>();
        var markers = new List<FlushMarker>();
        long itemBytes = 0;
        lock (_stateLock)
        {
            while (batch.Count < _settings.MaxBatchSize)
            {
                QueuedEvent next;
                if (_carry is not null)
                {
                    next = _carry;
                    _carry = null;
                }
                else if (_front.Count > 0)
                {
                    next = _front.First!.Value;
                    _front.RemoveFirst();
                }
                else if (_queue.TryTake(out object? entry))
                {
                    // A marker ends the batch, so its flush completes right after the events ahead of it, and a
                    // marker met first completes without waiting for events tracked after it.
                    if (entry is FlushMarker marker)
                    {
                        markers.Add(marker);
                        break;
                    }

                    next = (QueuedEvent)entry!;
                }
                else
                {
                    break;
                }

                long bodySize = SegmentBody.GetSize(batch.Count + 1, itemBytes + next.Size);
                if (batch.Count > 0 && bodySize > _settings.MaxBatchBytes)
                {
                    _carry = next;
                    break;
                }

                batch.Add(next);
                itemBytes += next.Size;
            }

            _inFlight = batch.Count > 0 ? batch : null;
            // The generation the sender has handled, so a batch built before HandleOptOut handles a newer opt-out is
            // dropped by DeliverAsync instead of sent.
            return (batch, markers, _seenOptOutGeneration);
        }
    }

    // Waits for delay on the client's clock. Returns false when the token is canceled first.
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
#if NET8_0_OR_GREATER
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
#else
            await _timeProvider.Delay(delay, cancellationToken).ConfigureAwait(false);
#endif
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
