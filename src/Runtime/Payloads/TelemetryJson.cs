using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Telemetry.Generators;

/// <summary>
/// JSON writer settings shared by every payload, value and sink of the runtime.
/// </summary>
internal static class TelemetryJson
{
    // Letters outside ASCII are written as UTF-8 instead of \uXXXX escapes. That keeps event text readable in
    // printed payloads and in Segment's debugger, and a character takes two or three bytes instead of six, which
    // counts against Segment's limits of 32,000 bytes per item and 500,000 bytes per batch. Unlike
    // UnsafeRelaxedJsonEscaping, this encoder still escapes HTML-sensitive characters such as < > & ' and +, so a
    // body stays safe to embed in HTML. It also writes a quotation mark inside a string as \u0022 rather than \".
    // Characters outside the Basic Multilingual Plane, such as emoji, and unassigned code points are escaped too.
    internal static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    internal static JsonWriterOptions CreateWriterOptions(bool indented) => new()
    {
        Encoder = Encoder,
        Indented = indented,
    };

    internal static byte[] WriteToBytes<TState>(TState state, Action<Utf8JsonWriter, TState> write, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, CreateWriterOptions(indented)))
        {
            write(writer, state);
        }

        return stream.ToArray();
    }

    // One buffer and writer per thread for the track call path, so that serializing an event allocates only the
    // returned array. A buffer that grew past this size is dropped, so one large event does not pin its memory.
    private const int MaxCachedBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static MemoryStream? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// Writes compact JSON like <see cref="WriteToBytes"/>, reusing a buffer and writer cached on the calling
    /// thread.
    /// </summary>
    internal static byte[] WriteToBytesCached<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        MemoryStream buffer = t_buffer ??= new MemoryStream();
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(buffer, CreateWriterOptions(indented: false));
        buffer.SetLength(0);
        writer.Reset(buffer);
        try
        {
            write(writer, state);
            writer.Flush();
            return buffer.ToArray();
        }
        finally
        {
            // A writer left in an invalid state by an exception is reset above on the next call.
            if (buffer.Capacity > MaxCachedBufferBytes)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    internal static string WriteToString<TState>(
        TState state,
        Action<Utf8JsonWriter, TState> write,
        bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, CreateWriterOptions(indented)))
        {
            write(writer, state);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
