using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace Telemetry.Generators;

/// <summary>
/// Builds the body of a request to Segment's batch endpoint from events that are already serialized:
/// <c>{"batch":[item,...],"sentAt":"..."}</c>.
/// </summary>
/// <remarks>
/// The output is byte for byte what <see cref="SegmentPayload.Serialize"/> writes for the same items, because both
/// write compact JSON with the same encoder. Copying the stored bytes lets each attempt stamp a new <c>sentAt</c>
/// without serializing the items again.
/// </remarks>
internal static class SegmentBody
{
    /// <summary>Maximum size of a body, in bytes of uncompressed JSON, that Segment accepts.</summary>
    internal const int MaxBodyBytes = 500_000;

    /// <summary>Maximum number of items that Segment accepts in one batch.</summary>
    internal const int MaxBatchItems = 2_500;

    private static readonly byte[] Prefix = Encoding.ASCII.GetBytes("{\"batch\":[");

    private static readonly byte[] SentAtPrefix = Encoding.ASCII.GetBytes("],\"sentAt\":\"");

    private static readonly byte[] Suffix = Encoding.ASCII.GetBytes("\"}");

    // TimestampFormat always writes 24 characters, such as 2024-03-09T14:05:08.000Z, because DateTimeOffset years
    // run from 1 to 9999 and the year is padded to four digits.
    private const int SentAtLength = 24;

    private static readonly int FixedLength = Prefix.Length + SentAtPrefix.Length + SentAtLength + Suffix.Length;

    /// <summary>
    /// Writes the body for <paramref name="batch"/> by concatenating the events' <see cref="QueuedEvent.Json"/>
    /// bytes, with <paramref name="sentAt"/> as the time of this attempt.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="batch"/> contains a null event.</exception>
    internal static byte[] Build(IReadOnlyList<QueuedEvent> batch, DateTimeOffset sentAt)
    {
        long itemBytes = SumItemBytes(batch);
        byte[] body = new byte[GetSize(batch.Count, itemBytes)];

        int position = Copy(Prefix, body, 0);
        for (int i = 0; i < batch.Count; i++)
        {
            if (i > 0)
            {
                body[position++] = (byte)',';
            }

            position = Copy(batch[i].Json, body, position);
        }

        position = Copy(SentAtPrefix, body, position);
        position += Encoding.ASCII.GetBytes(TimestampFormat.Format(sentAt), 0, SentAtLength, body, position);
        Copy(Suffix, body, position);
        return body;
    }

    /// <summary>
    /// Returns the exact size of the uncompressed body for <paramref name="count"/> items whose JSON lengths add up
    /// to <paramref name="itemBytes"/>. The result saturates at <see cref="int.MaxValue"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="count"/> or <paramref name="itemBytes"/> is negative.
    /// </exception>
    internal static int GetSize(int count, long itemBytes)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The item count must not be negative.");
        }

        if (itemBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(itemBytes), itemBytes, "The item size must not be negative.");
        }

        long separators = count > 0 ? count - 1 : 0;
        long size = FixedLength + separators + Math.Min(itemBytes, int.MaxValue);
        return (int)Math.Min(size, int.MaxValue);
    }

    /// <summary>
    /// Compresses <paramref name="body"/> with gzip, favoring speed over size, for a request sent with
    /// <c>Content-Encoding: gzip</c>.
    /// </summary>
    internal static byte[] Compress(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body, 0, body.Length);
        }

        return output.ToArray();
    }

    private static long SumItemBytes(IReadOnlyList<QueuedEvent> batch)
    {
        if (batch is null)
        {
            throw new ArgumentNullException(nameof(batch));
        }

        long itemBytes = 0;
        for (int i = 0; i < batch.Count; i++)
        {
            if (batch[i] is null)
            {
                throw new ArgumentException(
                    $"The batch event at index {i} is null. Remove it before sending.",
                    nameof(batch));
            }

            itemBytes += batch[i].Size;
        }

        return itemBytes;
    }

    private static int Copy(byte[] source, byte[] destination, int position)
    {
        Buffer.BlockCopy(source, 0, destination, position, source.Length);
        return position + source.Length;
    }
}
