using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

/// <summary>
/// Sends batches to an <see cref="ITelemetrySink"/> such as <see cref="InMemorySink"/>, <see cref="PrintSink"/> or an
/// application's own sink. A sink that throws has failed the batch for good, so nothing is retried or spooled.
/// </summary>
internal sealed class SinkTransport : IBatchTransport
{
    private readonly ITelemetrySink _sink;

    public SinkTransport(ITelemetrySink sink)
    {
        _sink = sink;
    }

    public bool IsDurable => false;

    public TelemetryDropReason FailureReason => TelemetryDropReason.SinkFailed;

    public async Task<SendResult> SendAsync(
        IReadOnlyList<QueuedEvent> batch,
        int retryCount,
        CancellationToken cancellationToken)
    {
        var items = new List<TrackItem>(batch.Count);
        foreach (QueuedEvent queuedEvent in batch)
        {
            // Only the spool creates events without an item, and it is used with the HTTP transport alone.
            items.Add(queuedEvent.Item!);
        }

        try
        {
            await _sink.SendAsync(items, cancellationToken).ConfigureAwait(false);
            return SendResult.Delivered(statusCode: null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            return new SendResult(
                SendOutcome.Rejected,
                statusCode: null,
                retryAfter: null,
                $"{_sink.GetType().Name} threw {exception.GetType().Name}",
                exception);
        }
    }

    public override string ToString() => _sink.ToString() ?? _sink.GetType().Name;
}
