using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

/// <summary>
/// One send attempt of a batch to a destination, as the sender uses it.
/// </summary>
internal interface IBatchTransport
{
    /// <summary>
    /// Whether failed attempts are retried and undelivered events may be spooled. Only the Segment HTTP transport
    /// does both, because only it can send events read back from the spool.
    /// </summary>
    bool IsDurable { get; }

    /// <summary>
    /// Reason that counts the events of a batch whose attempt did not deliver and will not be retried.
    /// </summary>
    TelemetryDropReason FailureReason { get; }

    /// <summary>
    /// Sends <paramref name="batch"/> once. Throws only <see cref="System.OperationCanceledException"/>, when
    /// <paramref name="cancellationToken"/> is canceled.
    /// </summary>
    Task<SendResult> SendAsync(IReadOnlyList<QueuedEvent> batch, int retryCount, CancellationToken cancellationToken);
}
