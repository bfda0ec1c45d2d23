using System;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

// Flushing and shutdown: the client's side of the background sender.
public sealed partial class TelemetryClient
{
    /// <summary>
    /// Asks the sender to send every waiting event now, and completes when each event accepted before the call has
    /// an outcome: delivered, rejected by the server, dropped, or written to the spool after its retries ran out.
    /// </summary>
    /// <param name="cancellationToken">
    /// Stops the wait. The events stay with the sender, which keeps sending them in the background.
    /// </param>
    /// <returns>A task that completes when the events accepted before the call have an outcome.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <remarks>
    /// While the server fails, a flush waits as long as the retries last: up to
    /// <see cref="TelemetryOptions.MaxRetryDuration"/> per batch. Pass a token to bound the wait. A disabled or
    /// disposed client completes the task at once. The wait does not capture the caller's synchronization context.
    /// </remarks>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        DeliveryPipeline? pipeline = Volatile.Read(ref _pipeline);
        return pipeline is null || Volatile.Read(ref _disposeStarted) != 0
            ? Task.CompletedTask
            : pipeline.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Asks the sender to send every waiting event now and blocks until each event accepted before the call has an
    /// outcome, or <see cref="TelemetryOptions.ShutdownTimeout"/> passes.
    /// </summary>
    /// <remarks>
    /// The sender runs on the thread pool, so calling this from a UI thread does not deadlock.
    /// </remarks>
    public void Flush() => Flush(_settings.ShutdownTimeout);

    /// <summary>
    /// Asks the sender to send every waiting event now and blocks until each event accepted before the call has an
    /// outcome, or <paramref name="timeout"/> passes.
    /// </summary>
    /// <param name="timeout">The maximum wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <returns>
    /// <see langword="true"/> when every event accepted before the call has an outcome; <see langword="false"/> when
    /// the timeout passed first. The sender keeps sending in the background either way.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </exception>
    /// <remarks>
    /// The sender runs on the thread pool, so calling this from a UI thread does not deadlock.
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

        // A wait handle takes at most int.MaxValue milliseconds (about 24.8 days), so a longer timeout means no limit.
        if (timeout.TotalMilliseconds > int.MaxValue)
        {
            timeout = Timeout.InfiniteTimeSpan;
        }

        DeliveryPipeline? pipeline = Volatile.Read(ref _pipeline);
        return pipeline is null || Volatile.Read(ref _disposeStarted) != 0 || pipeline.Flush(timeout);
    }

    /// <summary>
    /// Stops intake, sends the waiting events for at most <see cref="TelemetryOptions.ShutdownTimeout"/>, writes
    /// what is left to the spool (or drops and counts it when there is no spool), and disposes the sink if the
    /// client created it.
    /// </summary>
    /// <remarks>
    /// Blocks for at most the shutdown timeout plus one second, and does not throw. Calling it again, or after
    /// <see cref="DisposeAsync"/>, has no effect. After the first call, <see cref="IsEnabled"/> is
    /// <see langword="false"/> and track calls do nothing.
    /// </remarks>
    public void Dispose()
    {
        if (!TryBeginDispose(out DeliveryPipeline? pipeline))
        {
            return;
        }

        pipeline?.Shutdown();
        EndDispose();
    }

    /// <summary>
    /// Stops the client like <see cref="Dispose"/> without blocking a thread.
    /// </summary>
    /// <returns>A task that completes within the shutdown timeout plus one second.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!TryBeginDispose(out DeliveryPipeline? pipeline))
        {
            return;
        }

        if (pipeline is not null)
        {
            await pipeline.ShutdownAsync().ConfigureAwait(false);
        }

        EndDispose();
    }

    // Turns the client off on the first call and returns true with its pipeline, which is null for a client that
    // never turned on. Returns false on every later call.
    private bool TryBeginDispose(out DeliveryPipeline? pipeline)
    {
        pipeline = null;
        if (Interlocked.Exchange(ref _disposeStarted, 1) != 0)
        {
            return false;
        }

        lock (_stateLock)
        {
            _isEnabled = false;
            pipeline = _pipeline;
        }

        return true;
    }

    private void EndDispose()
    {
        if (_ownsSink && Volatile.Read(ref _sink) is IDisposable disposable)
        {
            try
            {
                disposable.Dispose();
            }
            catch (Exception)
            {
                // Dispose must not throw, and the sink has no events left to lose.
            }
        }

        LogSafely(
            static (logger, client) =>
                TelemetryLog.ClientDisposed(logger, client.AcceptedCount, client.SentCount, client.DroppedCount),
            this);
    }
}
