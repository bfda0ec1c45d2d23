using System.Collections.Concurrent;
using System.Threading;

namespace Telemetry.Generators;

/// <summary>
/// Queue of accepted events and flush markers between the tracking threads and the sender, bounded by a count of
/// events and a total of bytes.
/// </summary>
/// <remarks>
/// Adding takes no lock, so a tracking thread never waits for the sender. Markers do not count against the bounds.
/// </remarks>
internal sealed class EventQueue
{
    private readonly ConcurrentQueue<object> _entries = new();
    private readonly int _maxCount;
    private readonly long _maxBytes;
    private int _count;
    private long _bytes;

    public EventQueue(int maxCount, long maxBytes)
    {
        _maxCount = maxCount;
        _maxBytes = maxBytes;
    }

    /// <summary>Number of events in the queue.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Total size of the events in the queue, in bytes of JSON.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Adds <paramref name="queuedEvent"/> unless the queue is full by count or by bytes, and returns whether it
    /// was added.
    /// </summary>
    public bool TryAdd(QueuedEvent queuedEvent)
    {
        if (Interlocked.Increment(ref _count) > _maxCount)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        if (Interlocked.Add(ref _bytes, queuedEvent.Size) > _maxBytes)
        {
            Interlocked.Add(ref _bytes, -queuedEvent.Size);
            Interlocked.Decrement(ref _count);
            return false;
        }

        _entries.Enqueue(queuedEvent);
        return true;
    }

    /// <summary>Adds a flush marker behind every entry already in the queue.</summary>
    public void AddMarker(FlushMarker marker) => _entries.Enqueue(marker);

    /// <summary>
    /// Takes the oldest entry, a <see cref="QueuedEvent"/> or a <see cref="FlushMarker"/>, and returns whether
    /// there was one.
    /// </summary>
    public bool TryTake(out object? entry)
    {
        if (!_entries.TryDequeue(out entry))
        {
            return false;
        }

        if (entry is QueuedEvent queuedEvent)
        {
            Interlocked.Add(ref _bytes, -queuedEvent.Size);
            Interlocked.Decrement(ref _count);
        }

        return true;
    }
}
