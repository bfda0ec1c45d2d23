using System;

namespace Telemetry.Generators;

/// <summary>
/// One accepted event on its way to the destination: the track item serialized once, on the tracking thread, to the
/// compact UTF-8 JSON object that goes into the <c>batch</c> array.
/// </summary>
/// <remarks>
/// The bytes never change after construction, so a retry, a spool file and the next run all send exactly what was
/// captured, with the same <c>messageId</c> and <c>timestamp</c>.
/// </remarks>
internal sealed class QueuedEvent
{
    /// <summary>
    /// Largest track item, in bytes of UTF-8 JSON, that Segment accepts.
    /// </summary>
    internal const int MaxItemBytes = 32_000;

    public QueuedEvent(string messageId, string eventName, DateTimeOffset timestamp, byte[] json, TrackItem? item)
    {
        MessageId = messageId;
        EventName = eventName;
        Timestamp = timestamp;
        Json = json;
        Item = item;
    }

    /// <summary>Message id of the item, which Segment uses to remove duplicates.</summary>
    public string MessageId { get; }

    /// <summary>Event name, for logs and counters.</summary>
    public string EventName { get; }

    /// <summary>Capture time of the event, used for the spool's age limit.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>
    /// The item as one compact JSON object in UTF-8, exactly as <see cref="TrackItem.WriteTo"/> wrote it.
    /// </summary>
    public byte[] Json { get; }

    /// <summary>
    /// The track item for sinks that take <see cref="TrackItem"/> objects, or null for an event read back from the
    /// spool, which only the Segment HTTP sink can send.
    /// </summary>
    public TrackItem? Item { get; }

    /// <summary>
    /// Completion that the sender sets to whether the event was delivered, or null when no caller waits for this event.
    /// </summary>
    public System.Threading.Tasks.TaskCompletionSource<bool>? DeliveryObserver { get; set; }

    /// <summary>Size of <see cref="Json"/> in bytes.</summary>
    public int Size => Json.Length;

    /// <summary>
    /// Serializes <paramref name="item"/> once. Throws when the writer rejects the item.
    /// </summary>
    public static QueuedEvent Create(TrackItem item)
    {
        byte[] json = TelemetryJson.WriteToBytesCached(item, static (writer, value) => value.WriteTo(writer));
        return new QueuedEvent(item.MessageId, item.Event, item.Timestamp, json, item);
    }
}
