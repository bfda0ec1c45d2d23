using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

/// <summary>
/// Sends batches to Segment's HTTP API through a <see cref="SegmentHttpSink"/>. Failed attempts that a retry can fix
/// are retried, and undelivered events can be spooled, because the sink sends the events' stored JSON.
/// </summary>
internal sealed class SegmentTransport : IBatchTransport
{
    private readonly SegmentHttpSink _sink;

    public SegmentTransport(SegmentHttpSink sink)
    {
        _sink = sink;
    }

    public bool IsDurable => true;

    public TelemetryDropReason FailureReason => TelemetryDropReason.Rejected;

    public Task<SendResult> SendAsync(
        IReadOnlyList<QueuedEvent> batch,
        int retryCount,
        CancellationToken cancellationToken) =>
        _sink.SendAttemptAsync(batch, retryCount, cancellationToken);

    public override string ToString() => _sink.ToString();
}
