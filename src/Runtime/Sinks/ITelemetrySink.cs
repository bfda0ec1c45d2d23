using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

/// <summary>
/// Destination for batches of track items, such as Segment's HTTP API, a text writer or memory.
/// </summary>
/// <remarks>
/// A <see cref="TelemetryClient"/> calls <see cref="SendAsync"/> from its background sender, one batch at a time and
/// in tracking order, but a sink shared by several clients receives concurrent calls, so implementations should be
/// thread-safe. Only the Segment HTTP sink is retried and spooled: a batch that another sink fails to send is lost.
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
    /// items as dropped with <see cref="TelemetryDropReason.SinkFailed"/>. The token is canceled when the client's
    /// shutdown timeout passes or the user opts out. Throw <see cref="System.OperationCanceledException"/> then, so
    /// that disposal does not wait for the sink.
    /// </remarks>
    Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken);
}
