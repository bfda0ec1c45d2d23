using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

/// <summary>
/// Destination for batches of track items, such as Segment's HTTP API, a text writer or memory.
/// </summary>
/// <remarks>
/// A <see cref="TelemetryClient"/> calls <see cref="SendAsync"/> from one flush at a time, but a sink shared by
/// several clients receives concurrent calls, so implementations should be thread-safe.
/// </remarks>
public interface ITelemetrySink
{
    /// <summary>
    /// Sends one batch of items.
    /// </summary>
    /// <param name="batch">
    /// The items to send, in tracking order. The sink must not change the list or its items.
    /// </param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the destination has accepted the batch.</returns>
    /// <remarks>
    /// Throw to report that the batch was not accepted. The client catches and logs the exception and counts the
    /// items as dropped. Throw <see cref="System.OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is canceled, so the client can keep the items for a later flush.
    /// </remarks>
    Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken);
}
