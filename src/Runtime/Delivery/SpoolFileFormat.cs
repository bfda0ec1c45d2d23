using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Telemetry.Generators;

/// <summary>
/// Names and contents of spool files. A spool file is one JSON object,
/// <c>{"version":1,"events":[item,item,...]}</c>, where each item is the <see cref="QueuedEvent.Json"/> of one event,
/// byte for byte.
/// </summary>
internal static class SpoolFileFormat
{
    internal const int Version = 1;
    internal const string TemporarySuffix = ".tmp";

    private const string NamePrefix = "events-";
    private const string NameExtension = ".json";
    private const string CreatedPattern = "yyyyMMdd'T'HHmmssfff'Z'";
    private const int CreatedLength = 19;
    private const int RandomLength = 8;

    // The format that TimestampFormat writes.
    private const string TimestampPattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    private static readonly byte[] Header = Encoding.ASCII.GetBytes(
        "{\"version\":" + Version.ToString(CultureInfo.InvariantCulture) + ",\"events\":[");
    private static readonly byte[] Footer = Encoding.ASCII.GetBytes("]}");
    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);

    // Utf8JsonWriter's default maximum depth is 1,000, so the reader accepts the same depth and every item that the
    // runtime can write loads again. The reader's own default is 64.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 1000 };

    /// <summary>
    /// Formats a file name such as <c>events-20261204T101500123Z-0f8e12ab-3.json</c>. Names of files created later
    /// sort later in ordinal order, as long as <paramref name="createdUtc"/> increases.
    /// </summary>
    internal static string FormatName(DateTime createdUtc, int eventCount)
    {
        string random = Guid.NewGuid().ToString("N").Substring(0, RandomLength);
        return NamePrefix
            + createdUtc.ToString(CreatedPattern, CultureInfo.InvariantCulture)
            + "-" + random
            + "-" + eventCount.ToString(CultureInfo.InvariantCulture)
            + NameExtension;
    }

    /// <summary>
    /// Parses a name that <see cref="FormatName"/> wrote. Returns false for any other name.
    /// </summary>
    internal static bool TryParseName(string fileName, out DateTime createdUtc, out int eventCount)
    {
        createdUtc = default;
        eventCount = 0;
        int countStart = NamePrefix.Length + CreatedLength + 1 + RandomLength + 1;
        if (fileName.Length <= countStart + NameExtension.Length
            || !fileName.StartsWith(NamePrefix, StringComparison.Ordinal)
            || !fileName.EndsWith(NameExtension, StringComparison.Ordinal)
            || fileName[NamePrefix.Length + CreatedLength] != '-'
            || fileName[countStart - 1] != '-'
            || !IsLowerHex(fileName.Substring(NamePrefix.Length + CreatedLength + 1, RandomLength)))
        {
            return false;
        }

        string created = fileName.Substring(NamePrefix.Length, CreatedLength);
        string count = fileName.Substring(countStart, fileName.Length - countStart - NameExtension.Length);
        return DateTime.TryParseExact(
                created,
                CreatedPattern,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                out createdUtc)
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out eventCount)
            && eventCount > 0;
    }

    /// <summary>
    /// Returns the size in bytes of a file with the events from <paramref name="start"/> to the end.
    /// </summary>
    internal static long MeasureFile(IReadOnlyList<QueuedEvent> events, int start)
    {
        long size = Header.Length + Footer.Length;
        for (int index = start; index < events.Count; index++)
        {
            size += events[index].Size + (index > start ? 1 : 0);
        }

        return size;
    }

    /// <summary>
    /// Writes the file content for the events from <paramref name="start"/> to the end.
    /// </summary>
    internal static void WriteContent(Stream stream, IReadOnlyList<QueuedEvent> events, int start)
    {
        stream.Write(Header, 0, Header.Length);
        for (int index = start; index < events.Count; index++)
        {
            if (index > start)
            {
                stream.WriteByte((byte)',');
            }

            byte[] json = events[index].Json;
            stream.Write(json, 0, json.Length);
        }

        stream.Write(Footer, 0, Footer.Length);
    }

    /// <summary>
    /// Parses the content of a spool file into events that keep the original bytes of their items.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The content is not valid JSON, not of this format or version, or contains an item that
    /// <see cref="TryReadItem"/> rejects. The message names the problem.
    /// </exception>
    internal static List<QueuedEvent> ParseContent(byte[] bytes)
    {
        int? version = null;
        List<(int Start, int Length)>? items = null;

        // A file of another version may have other members, so a member problem is reported only after the version
        // is known to be this one.
        string? memberProblem = null;
        try
        {
            var reader = new Utf8JsonReader(bytes, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidDataException("The file is not a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (name == "version" && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int value))
                {
                    version = value;
                }
                else if (name == "events" && reader.TokenType == JsonTokenType.StartArray)
                {
                    items = ReadItemBounds(ref reader, ref memberProblem);
                }
                else
                {
                    memberProblem ??= DescribeUnexpectedMember(name);
                    reader.Skip();
                }
            }

            // Throws JsonException when anything but white space follows the object.
            reader.Read();
        }
        catch (Exception exception) when (IsInvalidJson(exception))
        {
            throw new InvalidDataException("The file is not valid JSON. " + exception.Message, exception);
        }

        if (version is null && memberProblem is null)
        {
            throw new InvalidDataException("The file has no \"version\" member.");
        }

        if (version is not null && version != Version)
        {
            throw new InvalidDataException(
                $"The file has version {version}, but this library reads only version {Version}.");
        }

        if (memberProblem is not null)
        {
            throw new InvalidDataException(memberProblem);
        }

        if (items is null)
        {
            throw new InvalidDataException("The file has no \"events\" member.");
        }

        return CreateEvents(bytes, items);
    }

    private static List<QueuedEvent> CreateEvents(byte[] bytes, List<(int Start, int Length)> items)
    {
        var events = new List<QueuedEvent>(items.Count);
        for (int index = 0; index < items.Count; index++)
        {
            (int start, int length) = items[index];
            if (!TryReadItem(
                bytes,
                start,
                length,
                out string? messageId,
                out string? eventName,
                out DateTimeOffset timestamp,
                out string? problem))
            {
                throw new InvalidDataException($"Event {index + 1} of the file is invalid because {problem}.");
            }

            byte[] json = new byte[length];
            Buffer.BlockCopy(bytes, start, json, 0, length);
            events.Add(new QueuedEvent(messageId!, eventName!, timestamp, json, item: null));
        }

        return events;
    }

    /// <summary>
    /// Checks that the bytes are one track item that Segment can accept: at most
    /// <see cref="QueuedEvent.MaxItemBytes"/> bytes of valid UTF-8 JSON, an object with <c>"type":"track"</c>, a
    /// non-empty <c>messageId</c> and <c>event</c>, and a <c>timestamp</c> in the format of
    /// <see cref="TimestampFormat"/>. When the check fails, <c>problem</c> is set to a clause that starts with "it",
    /// for a message.
    /// </summary>
    internal static bool TryReadItem(
        byte[] bytes,
        int start,
        int length,
        out string? messageId,
        out string? eventName,
        out DateTimeOffset timestamp,
        out string? problem)
    {
        messageId = null;
        eventName = null;
        timestamp = default;
        if (length > QueuedEvent.MaxItemBytes)
        {
            problem = $"it has {length} bytes, more than the {QueuedEvent.MaxItemBytes} that Segment accepts for one "
                + "item";
            return false;
        }

        try
        {
            StrictUtf8.GetCharCount(bytes, start, length);
        }
        catch (DecoderFallbackException)
        {
            problem = "it is not valid UTF-8";
            return false;
        }

        string? type = null;
        string? timestampText = null;
        try
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(bytes, start, length), ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "it is not a JSON object";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                switch (name)
                {
                    case "type":
                        type = text;
                        break;
                    case "messageId":
                        messageId = text;
                        break;
                    case "event":
                        eventName = text;
                        break;
                    case "timestamp":
                        timestampText = text;
                        break;
                }

                reader.Skip();
            }

            // Throws JsonException when anything but white space follows the object.
            reader.Read();
        }
        catch (Exception exception) when (IsInvalidJson(exception))
        {
            problem = "it is not valid JSON. " + exception.Message;
            return false;
        }

        problem = FindMissingMember(type, messageId, eventName, timestampText, out timestamp);
        return problem is null;
    }

    private static string? FindMissingMember(
        string? type,
        string? messageId,
        string? eventName,
        string? timestampText,
        out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (type != "track")
        {
            return "its \"type\" is not \"track\"";
        }

        if (string.IsNullOrEmpty(messageId))
        {
            return "it has no \"messageId\" string";
        }

        if (string.IsNullOrEmpty(eventName))
        {
            return "it has no \"event\" string";
        }

        bool parsed = DateTimeOffset.TryParseExact(
            timestampText,
            TimestampPattern,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out timestamp);
        return parsed ? null : "its \"timestamp\" is not a UTC time such as \"2026-12-04T10:15:00.123Z\"";
    }

    // Utf8JsonReader throws JsonException for invalid syntax, and GetString throws InvalidOperationException for
    // invalid UTF-8 or an escaped lone surrogate such as \uD800.
    private static bool IsInvalidJson(Exception exception) =>
        exception is JsonException or InvalidOperationException;

    private static string DescribeUnexpectedMember(string name) => name switch
    {
        "version" => "The \"version\" member of the file is not a whole number.",
        "events" => "The \"events\" member of the file is not an array.",
        _ => $"The file has the member \"{name}\", but a spool file has only \"version\" and \"events\".",
    };

    // Returns where each item object starts in the file and how many bytes it has. Sets memberProblem, unless it
    // is set already, when an element is not an object.
    private static List<(int Start, int Length)> ReadItemBounds(ref Utf8JsonReader reader, ref string? memberProblem)
    {
        var bounds = new List<(int Start, int Length)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                memberProblem ??= $"Event {bounds.Count + 1} of the file is not a JSON object.";
                reader.Skip();
                continue;
            }

            int start = checked((int)reader.TokenStartIndex);
            reader.Skip();
            bounds.Add((start, checked((int)reader.BytesConsumed) - start));
        }

        return bounds;
    }

    private static bool IsLowerHex(string text)
    {
        foreach (char character in text)
        {
            if (character is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
