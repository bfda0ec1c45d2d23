using System;
using System.Text.Json;

namespace Telemetry.Generators;

/// <summary>
/// One Segment track item: an event with its properties, context and capture time.
/// </summary>
/// <remarks>
/// The item's own members cannot change, but <see cref="Properties"/> and <see cref="Context"/> are shared with the
/// client that created the item. A client uses one <see cref="Context"/> instance for all its items, so sinks must
/// not change either collection.
/// </remarks>
public sealed class TrackItem
{
    /// <summary>
    /// Initializes a track item.
    /// </summary>
    /// <param name="messageId">The unique message id. Segment removes duplicates with the same id.</param>
    /// <param name="anonymousId">The id of the installation or user that sends the event.</param>
    /// <param name="eventName">The event name.</param>
    /// <param name="properties">The event properties.</param>
    /// <param name="context">The context object: library, app and operating system.</param>
    /// <param name="timestamp">The time the event was tracked.</param>
    /// <exception cref="ArgumentNullException">Any reference argument is null.</exception>
    public TrackItem(
        string messageId,
        string anonymousId,
        string eventName,
        TelemetryProperties properties,
        TelemetryProperties context,
        DateTimeOffset timestamp)
    {
        MessageId = messageId ?? throw new ArgumentNullException(nameof(messageId));
        AnonymousId = anonymousId ?? throw new ArgumentNullException(nameof(anonymousId));
        Event = eventName ?? throw new ArgumentNullException(nameof(eventName));
        Properties = properties ?? throw new ArgumentNullException(nameof(properties));
        Context = context ?? throw new ArgumentNullException(nameof(context));
        Timestamp = timestamp;
    }

    /// <summary>
    /// Unique message id, a lower-case UUID in the "D" format. A retried item keeps its id, so Segment can remove
    /// the duplicate.
    /// </summary>
    public string MessageId { get; }

    /// <summary>
    /// Id of the installation or user that sends the event.
    /// </summary>
    public string AnonymousId { get; }

    /// <summary>
    /// Event name, for example <c>"Training Started"</c>.
    /// </summary>
    public string Event { get; }

    /// <summary>
    /// Event properties, written as the <c>properties</c> object.
    /// </summary>
    public TelemetryProperties Properties { get; }

    /// <summary>
    /// Context object with the library, app and operating system.
    /// </summary>
    public TelemetryProperties Context { get; }

    /// <summary>
    /// Time the event was tracked, written in UTC with millisecond precision.
    /// </summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>
    /// Writes the item as one JSON object with the members <c>type</c>, <c>messageId</c>, <c>anonymousId</c>,
    /// <c>event</c>, <c>properties</c>, <c>context</c> and <c>timestamp</c>, in that order.
    /// </summary>
    /// <param name="writer">The writer to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="InvalidOperationException">
    /// The writer rejects the object, for example because nesting exceeds its maximum depth.
    /// </exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStartObject();
        writer.WriteString("type", "track");
        writer.WriteString("messageId", MessageId);
        writer.WriteString("anonymousId", AnonymousId);
        writer.WriteString("event", Event);

        writer.WritePropertyName("properties");
        Properties.WriteTo(writer);

        writer.WritePropertyName("context");
        Context.WriteTo(writer);

        writer.WriteString("timestamp", TimestampFormat.Format(Timestamp));
        writer.WriteEndObject();
    }

    /// <summary>
    /// Returns the item as compact JSON text, as <see cref="WriteTo(Utf8JsonWriter)"/> writes it.
    /// </summary>
    public override string ToString() =>
        TelemetryJson.WriteToString(this, static (writer, item) => item.WriteTo(writer));
}
