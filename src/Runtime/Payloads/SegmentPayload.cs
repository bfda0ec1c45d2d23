using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Telemetry.Generators;

/// <summary>
/// Writes the body of a request to Segment's batch endpoint: <c>{"batch":[item,...],"sentAt":"..."}</c>.
/// </summary>
/// <remarks>
/// The output uses only <see cref="Utf8JsonWriter"/> and the invariant culture, so it is identical under every
/// current culture and safe under trimming and native AOT. Letters outside ASCII are written as UTF-8, while
/// HTML-sensitive characters (<c>&lt; &gt; &amp; ' + "</c>), control characters and characters outside the Basic
/// Multilingual Plane are written as <c>\uXXXX</c> escapes. An unpaired surrogate is written as <c>\uFFFD</c>.
/// </remarks>
public static class SegmentPayload
{
    /// <summary>
    /// Serializes a batch to UTF-8 JSON bytes.
    /// </summary>
    /// <param name="batch">The items to send.</param>
    /// <param name="sentAt">
    /// The time of this send attempt. Segment corrects each item's timestamp by the difference between
    /// <c>sentAt</c> and its receive time, so stamp it for every attempt, not once per batch.
    /// </param>
    /// <param name="indented">
    /// <see langword="true"/> to indent by two spaces with the platform's line endings; <see langword="false"/>
    /// for compact JSON, as sent over HTTP.
    /// </param>
    /// <returns>The body as UTF-8 bytes without a byte order mark.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="batch"/> contains a null item.</exception>
    public static byte[] Serialize(IReadOnlyList<TrackItem> batch, DateTimeOffset sentAt, bool indented = false)
    {
        ValidateBatch(batch);
        return TelemetryJson.WriteToBytes(
            (batch, sentAt),
            static (writer, state) => WriteBatchObject(writer, state.batch, state.sentAt),
            indented);
    }

    /// <summary>
    /// Serializes a batch to a JSON string, for printing and tests.
    /// </summary>
    /// <param name="batch">The items to send.</param>
    /// <param name="sentAt">The time of this send attempt.</param>
    /// <param name="indented"><see langword="true"/> to indent; <see langword="false"/> for compact JSON.</param>
    /// <returns>The body as text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="batch"/> contains a null item.</exception>
    public static string SerializeToString(
        IReadOnlyList<TrackItem> batch,
        DateTimeOffset sentAt,
        bool indented = false)
    {
        ValidateBatch(batch);
        return TelemetryJson.WriteToString(
            (batch, sentAt),
            static (writer, state) => WriteBatchObject(writer, state.batch, state.sentAt),
            indented);
    }

    /// <summary>
    /// Writes a batch body as one JSON object to <paramref name="writer"/>.
    /// </summary>
    /// <param name="writer">The writer to write to. Its options decide escaping and indentation.</param>
    /// <param name="batch">The items to send.</param>
    /// <param name="sentAt">The time of this send attempt.</param>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="writer"/> or <paramref name="batch"/> is null.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="batch"/> contains a null item.</exception>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<TrackItem> batch, DateTimeOffset sentAt)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        ValidateBatch(batch);
        WriteBatchObject(writer, batch, sentAt);
    }

    private static void ValidateBatch(IReadOnlyList<TrackItem> batch)
    {
        if (batch is null)
        {
            throw new ArgumentNullException(nameof(batch));
        }

        for (int i = 0; i < batch.Count; i++)
        {
            if (batch[i] is null)
            {
                throw new ArgumentException(
                    $"The batch item at index {i} is null. Remove it before sending.",
                    nameof(batch));
            }
        }
    }

    private static void WriteBatchObject(Utf8JsonWriter writer, IReadOnlyList<TrackItem> batch, DateTimeOffset sentAt)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("batch");
        for (int i = 0; i < batch.Count; i++)
        {
            batch[i].WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteString("sentAt", TimestampFormat.Format(sentAt));
        writer.WriteEndObject();
    }
}
