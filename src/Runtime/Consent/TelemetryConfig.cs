using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Telemetry.Generators;

/// <summary>
/// Contents of the per-user config file: the consent decision, its date, the telemetry id, whether the notice was
/// shown, and the hashing secret. Keys that this version does not know are kept and written back unchanged.
/// </summary>
/// <remarks>
/// The file is one UTF-8 JSON object, for example
/// <c>{"enabled": true, "consentDate": "2026-12-04T17:05:36Z", "telemetryId": "…", "noticeShown": true,
/// "secret": "…"}</c>. Instances are mutable and not thread-safe. The client works on copies.
/// </remarks>
internal sealed class TelemetryConfig
{
    internal const string EnabledKey = "enabled";
    internal const string ConsentDateKey = "consentDate";
    internal const string TelemetryIdKey = "telemetryId";
    internal const string NoticeShownKey = "noticeShown";
    internal const string SecretKey = "secret";

    /// <summary>Length in bytes of a secret that <see cref="CreateSecret"/> makes and that parsing accepts.</summary>
    internal const int SecretLength = 32;

    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private static readonly string[] KnownKeys =
    {
        EnabledKey, ConsentDateKey, TelemetryIdKey, NoticeShownKey, SecretKey,
    };

    // Every member of the file as read, in file order, so known keys are written back in place and unknown keys
    // survive unchanged. Elements are cloned, so they outlive the parsed document.
    private readonly List<KeyValuePair<string, JsonElement>> _members;

    internal TelemetryConfig()
        : this(new List<KeyValuePair<string, JsonElement>>())
    {
    }

    private TelemetryConfig(List<KeyValuePair<string, JsonElement>> members)
    {
        _members = members;
    }

    /// <summary>The user's decision, or null when none is recorded.</summary>
    internal bool? Enabled { get; set; }

    /// <summary>When the decision was recorded, in UTC.</summary>
    internal DateTimeOffset? ConsentDate { get; set; }

    /// <summary>
    /// Random UUID that identifies this installation as the anonymous id, or null when absent or invalid.
    /// </summary>
    internal string? TelemetryId { get; set; }

    /// <summary>Whether the first-run notice has been shown for this installation.</summary>
    internal bool NoticeShown { get; set; }

    /// <summary>Key of the hashes of local values, never sent, or null when absent or invalid.</summary>
    internal byte[]? Secret { get; set; }

    /// <summary>Names of the members that this version does not know, in file order.</summary>
    internal IEnumerable<string> UnknownKeys
    {
        get
        {
            foreach (KeyValuePair<string, JsonElement> member in _members)
            {
                if (!IsKnownKey(member.Key))
                {
                    yield return member.Key;
                }
            }
        }
    }

    /// <summary>Returns a new random telemetry id, a lower-case UUID in the "D" format.</summary>
    internal static string CreateTelemetryId() => Guid.NewGuid().ToString("D");

    /// <summary>Returns <see cref="SecretLength"/> bytes from a cryptographic random number generator.</summary>
    internal static byte[] CreateSecret()
    {
        byte[] secret = new byte[SecretLength];
        using (RandomNumberGenerator generator = RandomNumberGenerator.Create())
        {
            generator.GetBytes(secret);
        }

        return secret;
    }

    /// <summary>
    /// Parses the file's bytes. A byte order mark is skipped.
    /// </summary>
    /// <remarks>
    /// A known key with a value of the wrong type is read as absent and dropped on the next write, with one
    /// exception: <c>enabled</c> also accepts the numbers 0 and 1 and the strings of <see cref="BooleanText"/>, and
    /// any other value of it makes the file invalid, because guessing would risk sending for a user who meant to
    /// opt out.
    /// </remarks>
    /// <exception cref="InvalidDataException">
    /// The bytes are not a JSON object, or <c>enabled</c> is unreadable.
    /// </exception>
    internal static TelemetryConfig Parse(byte[] bytes)
    {
        ReadOnlyMemory<byte> json = bytes;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            json = json.Slice(3);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The file is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException(
                    $"The file contains a JSON {document.RootElement.ValueKind}, but a JSON object is expected.");
            }

            var members = new List<KeyValuePair<string, JsonElement>>();
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                members.Add(new KeyValuePair<string, JsonElement>(property.Name, property.Value.Clone()));
            }

            var config = new TelemetryConfig(members);
            foreach (KeyValuePair<string, JsonElement> member in members)
            {
                config.ReadKnownMember(member.Key, member.Value);
            }

            return config;
        }
    }

    /// <summary>
    /// Returns a copy whose later changes do not affect this instance.
    /// </summary>
    internal TelemetryConfig Clone() => new(new List<KeyValuePair<string, JsonElement>>(_members))
    {
        Enabled = Enabled,
        ConsentDate = ConsentDate,
        TelemetryId = TelemetryId,
        NoticeShown = NoticeShown,
        Secret = Secret is null ? null : (byte[])Secret.Clone(),
    };

    /// <summary>
    /// Writes the config as an indented UTF-8 JSON object followed by a new line. Members keep their order in the
    /// file that was read. Known keys that were not in it follow, and a known key whose value is null is left out.
    /// Comments in the file that was read are not written back.
    /// </summary>
    internal byte[] Serialize()
    {
        using var stream = new MemoryStream();
        // The file is read by people and by this library, never embedded in HTML, so '+', '<', '&' and non-ASCII
        // text stay as written instead of becoming \u escapes.
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            var written = new HashSet<string>(StringComparer.Ordinal);
            writer.WriteStartObject();
            foreach (KeyValuePair<string, JsonElement> member in _members)
            {
                if (!IsKnownKey(member.Key))
                {
                    writer.WritePropertyName(member.Key);
                    member.Value.WriteTo(writer);
                }
                else if (written.Add(member.Key))
                {
                    WriteKnownMember(writer, member.Key);
                }
            }

            foreach (string key in KnownKeys)
            {
                if (written.Add(key))
                {
                    WriteKnownMember(writer, key);
                }
            }

            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static bool IsKnownKey(string key) => Array.IndexOf(KnownKeys, key) >= 0;

    private void ReadKnownMember(string key, JsonElement value)
    {
        switch (key)
        {
            case EnabledKey:
                Enabled = ReadEnabled(value);
                break;

            case ConsentDateKey:
                ConsentDate = value.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(
                        value.GetString(),
                        CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                        out DateTimeOffset date)
                    ? date
                    : null;
                break;

            case TelemetryIdKey:
                TelemetryId = value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out Guid id)
                    ? id.ToString("D")
                    : null;
                break;

            case NoticeShownKey:
                NoticeShown = value.ValueKind == JsonValueKind.True;
                break;

            case SecretKey:
                Secret = ReadSecret(value);
                break;
        }
    }

    private static bool? ReadEnabled(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String when BooleanText.TryParse(value.GetString(), out bool parsed):
                return parsed;
            case JsonValueKind.Number when value.GetRawText() is "0" or "1":
                return value.GetRawText() == "1";
            default:
                throw new InvalidDataException(
                    $"The value of \"{EnabledKey}\" is {value.GetRawText()}, but true or false is expected.");
        }
    }

    private static byte[]? ReadSecret(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            byte[] secret = Convert.FromBase64String(value.GetString()!);
            return secret.Length == SecretLength ? secret : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private void WriteKnownMember(Utf8JsonWriter writer, string key)
    {
        switch (key)
        {
            case EnabledKey when Enabled is not null:
                writer.WriteBoolean(key, Enabled.Value);
                break;

            case ConsentDateKey when ConsentDate is not null:
                string date = ConsentDate.Value.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);
                writer.WriteString(key, date);
                break;

            case TelemetryIdKey when TelemetryId is not null:
                writer.WriteString(key, TelemetryId);
                break;

            case NoticeShownKey:
                writer.WriteBoolean(key, NoticeShown);
                break;

            case SecretKey when Secret is not null:
                writer.WriteString(key, Convert.ToBase64String(Secret));
                break;
        }
    }
}
