using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

/// <summary>
/// Sink that keeps every item and every batch body in memory, for tests and diagnostics.
/// </summary>
/// <remarks>
/// All members are thread-safe. Nothing is ever removed except by <see cref="Clear"/>, so memory grows with
/// every batch.
/// </remarks>
public sealed class InMemorySink : ITelemetrySink
{
    private readonly object _gate = new();
    private readonly List<TrackItem> _items = new();
    private readonly List<string> _bodies = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>
    /// Initializes an empty sink.
    /// </summary>
    /// <param name="timeProvider">
    /// The clock for the <c>sentAt</c> member of <see cref="Bodies"/>, or null for <see cref="TimeProvider.System"/>.
    /// </param>
    public InMemorySink(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Copy of all items received so far, in the order they arrived.
    /// </summary>
    public IReadOnlyList<TrackItem> Items
    {
        get
        {
            lock (_gate)
            {
                return _items.ToArray();
            }
        }
    }

    /// <summary>
    /// Copy of the compact JSON body of each batch received so far, one string per <see cref="SendAsync"/> call.
    /// </summary>
    public IReadOnlyList<string> Bodies
    {
        get
        {
            lock (_gate)
            {
                return _bodies.ToArray();
            }
        }
    }

    /// <summary>
    /// Removes all stored items and bodies.
    /// </summary>
    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
            _bodies.Clear();
        }
    }

    /// <summary>
    /// Stores the items and the compact JSON body of the batch. Completes synchronously.
    /// </summary>
    /// <param name="batch">The items to store.</param>
    /// <param name="cancellationToken">Checked once before the batch is stored.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string body = SegmentPayload.SerializeToString(batch, _timeProvider.GetUtcNow());

        lock (_gate)
        {
            _items.AddRange(batch);
            _bodies.Add(body);
        }

        return Task.CompletedTask;
    }
}
