using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

// One batch's delivery: its attempts and retry waits, and its outcome, counted and passed to the events' observers.
internal sealed partial class DeliveryPipeline
{
    // Sends one batch until it is delivered, rejected, out of retries or spooled, and returns whether it was
    // delivered. Throws OperationCanceledException when shutdown's deadline passes, leaving the batch in _inFlight
    // for FinishShutdown.
    private async Task<bool> DeliverAsync(List<QueuedEvent> batch, int generation)
    {
        CancellationToken optOutToken;
        lock (_stateLock)
        {
            if (generation != _optOutGeneration)
            {
                ResolveDropped(batch, TelemetryDropReason.OptedOut);
                return false;
            }

            optOutToken = _optOut.Token;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, optOutToken);
        DateTimeOffset firstAttempt = Now();
        int attemptCount = 0;
        while (true)
        {
            SendResult result;
            try
            {
                result = await _transport.SendAsync(batch, attemptCount, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (optOutToken.IsCancellationRequested)
            {
                ResolveDropped(batch, TelemetryDropReason.OptedOut);
                return false;
            }

            attemptCount++;
            DateTimeOffset now = Now();
            if (result.Outcome == SendOutcome.Delivered)
            {
                _failingSince = null;
                _backoffRetriesSinceSuccess = 0;
                ResolveSent(batch, now - firstAttempt, now);
                return true;
            }

            _counters.RecordFailure(now, result.Reason);
            if (result.Outcome == SendOutcome.Rejected || !_transport.IsDurable)
            {
                ResolveDropped(batch, _transport.FailureReason);
                Log(
                    static (logger, state) => TelemetryLog.BatchRejected(
                        logger,
                        state.Batch.Count,
                        state.Destination,
                        state.Result.Reason,
                        state.Result.Exception),
                    (Batch: batch, Destination: _transport.ToString() ?? "the destination", Result: result));
                return false;
            }

            // During shutdown a spooled batch is safe, and waiting for a retry would delay the exit.
            if (_isShuttingDown && TrySpool(batch))
            {
                return false;
            }

            // The retry budget belongs to the outage, not to one batch: it starts with the first failure after a
            // delivery, so the batches queued behind a failing one do not each wait through the whole schedule.
            _failingSince ??= now;

            // A Retry-After shorter than the minimum delay, such as 0 or a date in the past, gives no useful
            // guidance, so it is treated like no header at all rather than allowing retries without a pause.
            TimeSpan? requestedDelay = result.RetryAfter >= _settings.MinRetryDelay ? result.RetryAfter : null;
            if (requestedDelay is null)
            {
                _backoffRetriesSinceSuccess++;
            }

            if (_backoffRetriesSinceSuccess > _settings.MaxRetries
                || now - _failingSince.Value >= _settings.MaxRetryDuration)
            {
                bool spooled = TrySpool(batch);
                if (!spooled)
                {
                    ResolveDropped(batch, TelemetryDropReason.RetriesExhausted);
                }

                Log(
                    static (logger, state) => TelemetryLog.RetriesExhausted(
                        logger,
                        state.Count,
                        state.Attempts,
                        state.Reason,
                        state.Spooled ? "spooled" : "dropped"),
                    (Count: batch.Count, Attempts: attemptCount, result.Reason, Spooled: spooled));
                return false;
            }

            TimeSpan delay = requestedDelay
                ?? RetryRules.GetBackoff(
                    _backoffRetriesSinceSuccess,
                    _settings.MinRetryDelay,
                    _settings.MaxRetryDelay,
                    _settings.Random());
            _counters.AddRetried();
            Log(
                static (logger, state) => TelemetryLog.SendRetrying(
                    logger,
                    state.Count,
                    state.Reason,
                    state.Retry,
                    state.Delay.TotalMilliseconds),
                (Count: batch.Count, result.Reason, Retry: attemptCount, Delay: delay));

            // Shutdown ends a wait that started before it: the next attempt either delivers or, failing, spools the
            // batch at once. A wait that starts during shutdown runs until the deadline, to avoid a busy loop.
            using var waitCancellation = CancellationTokenSource.CreateLinkedTokenSource(
                linked.Token,
                _isShuttingDown ? CancellationToken.None : _shutdownStarted.Token);
            if (!await DelayAsync(delay, waitCancellation.Token).ConfigureAwait(false))
            {
                if (optOutToken.IsCancellationRequested)
                {
                    ResolveDropped(batch, TelemetryDropReason.OptedOut);
                    return false;
                }

                if (_stop.IsCancellationRequested)
                {
                    throw new OperationCanceledException(_stop.Token);
                }
            }
        }
    }

    private void ResolveSent(List<QueuedEvent> batch, TimeSpan duration, DateTimeOffset now)
    {
        lock (_stateLock)
        {
            if (_abandoned)
            {
                return;
            }

            _inFlight = null;
            _counters.AddSent(batch.Count, duration, now);
        }

        NotifyObservers(batch, delivered: true);
    }

    private void ResolveDropped(List<QueuedEvent> batch, TelemetryDropReason reason)
    {
        lock (_stateLock)
        {
            if (_abandoned)
            {
                return;
            }

            _inFlight = null;
            _counters.AddDropped(reason, batch.Count);
        }

        NotifyObservers(batch, delivered: false);
    }

    private static void NotifyObservers(List<QueuedEvent> batch, bool delivered)
    {
        foreach (QueuedEvent queuedEvent in batch)
        {
            queuedEvent.DeliveryObserver?.TrySetResult(delivered);
        }
    }
}
