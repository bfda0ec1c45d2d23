using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Telemetry.Generators.Runtime.Tests.Support;

// Checks a request against the rules of Segment's batch endpoint and parses what tests assert on.
internal sealed partial class SegmentTestServer
{
    /// <summary>Maximum size in bytes of an uncompressed batch body that Segment accepts.</summary>
    public const int MaxBodyBytes = 500_000;

    /// <summary>Maximum size in bytes of the raw JSON text of one batch item.</summary>
    public const int MaxItemBytes = 32_000;

    /// <summary>Maximum number of items in one batch.</summary>
    public const int MaxBatchItems = 2_500;

    /// <summary>Maximum length in UTF-16 characters of a <c>messageId</c>, so that it stays under 100.</summary>
    public const int MaxMessageIdLength = 99;

    // Decompression stops here so that a runaway body cannot exhaust memory. The limit is far above MaxBodyBytes,
    // so a body over the Segment limit is still decompressed whole for the test to inspect.
    private const int MaxDecompressedBytes = 16 * 1024 * 1024;

    private const string TimestampPattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    private static readonly string[] ForbiddenItemMembers = { "receivedAt", "originalTimestamp", "version" };

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    private static RequestInspection InspectRequest(
        string method,
        string path,
        IReadOnlyDictionary<string, string> headers,
        byte[] rawBody,
        string expectedCredentials)
    {
        var inspection = new RequestInspection();
        CheckMethodAndPath(method, path, inspection.Problems);
        CheckAuthorization(headers, expectedCredentials, inspection.Problems);
        CheckContentType(headers, inspection.Problems);
        CheckUserAgent(headers, inspection.Problems);
        inspection.RetryCount = ParseRetryCount(headers, inspection.Problems);

        byte[]? body = DecodeBody(headers, rawBody, inspection.Problems);
        if (body is not null)
        {
            inspection.Body = body;
            CheckBatch(body, inspection);
        }

        return inspection;
    }

    private static void CheckMethodAndPath(string method, string path, List<string> problems)
    {
        if (method != "POST")
        {
            problems.Add($"The method is {method}, but the batch endpoint accepts only POST.");
        }

        if (!path.EndsWith("/v1/batch", StringComparison.Ordinal))
        {
            problems.Add($"The path '{path}' does not end with /v1/batch.");
        }
    }

    private static void CheckAuthorization(
        IReadOnlyDictionary<string, string> headers,
        string expectedCredentials,
        List<string> problems)
    {
        if (!headers.TryGetValue("Authorization", out string? value))
        {
            problems.Add(
                "The Authorization header is missing. " +
                "Send Basic credentials with the write key as the user name and an empty password.");
            return;
        }

        // HTTP compares the scheme name without regard to case, but the credentials must match exactly.
        int space = value.IndexOf(' ');
        string scheme = space < 0 ? value : value[..space];
        if (!scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"The Authorization header uses the scheme '{scheme}', but Segment expects Basic.");
            return;
        }

        string encoded = value[(space + 1)..].Trim();
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, true).GetString(Convert.FromBase64String(encoded));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            problems.Add($"The Authorization header value '{encoded}' is not valid Base64 of UTF-8 text.");
            return;
        }

        if (decoded != expectedCredentials)
        {
            problems.Add(
                $"The Authorization header carries the Basic credentials '{decoded}', " +
                "which do not match the server's write key followed by a colon.");
        }
    }

    private static void CheckContentType(IReadOnlyDictionary<string, string> headers, List<string> problems)
    {
        if (!headers.TryGetValue("Content-Type", out string? value))
        {
            problems.Add("The Content-Type header is missing. Send application/json.");
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(value, out MediaTypeHeaderValue? mediaType)
            || !string.Equals(mediaType.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"The Content-Type header is '{value}', but the media type must be application/json.");
        }
    }

    private static void CheckUserAgent(IReadOnlyDictionary<string, string> headers, List<string> problems)
    {
        if (!headers.TryGetValue("User-Agent", out string? value) || value.Trim().Length == 0)
        {
            problems.Add("The User-Agent header is missing or empty.");
        }
    }

    private static int? ParseRetryCount(IReadOnlyDictionary<string, string> headers, List<string> problems)
    {
        if (!headers.TryGetValue("X-Retry-Count", out string? value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            return count;
        }

        problems.Add($"The X-Retry-Count header is '{value}', which is not a non-negative integer.");
        return null;
    }

    // Returns the uncompressed body, or null when it cannot be decoded.
    private static byte[]? DecodeBody(
        IReadOnlyDictionary<string, string> headers,
        byte[] rawBody,
        List<string> problems)
    {
        if (!headers.TryGetValue("Content-Encoding", out string? encoding)
            || encoding.Trim().Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return rawBody;
        }

        if (!encoding.Trim().Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"The Content-Encoding header is '{encoding}', but only gzip is supported.");
            return null;
        }

        try
        {
            using var compressed = new MemoryStream(rawBody, writable: false);
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > MaxDecompressedBytes)
                {
                    problems.Add($"The gzip body decompresses to more than {MaxDecompressedBytes} bytes.");
                    return null;
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
        catch (InvalidDataException exception)
        {
            problems.Add($"The body has Content-Encoding: gzip but is not valid gzip data: {exception.Message}");
            return null;
        }
    }

    private static void CheckBatch(byte[] body, RequestInspection inspection)
    {
        List<string> problems = inspection.Problems;
        if (body.Length > MaxBodyBytes)
        {
            problems.Add($"The uncompressed body is {body.Length} bytes, over the limit of {MaxBodyBytes} bytes.");
        }

        if (!Utf8.IsValid(body))
        {
            problems.Add("The body is not valid UTF-8.");
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, StrictJson);
        }
        catch (JsonException exception)
        {
            problems.Add($"The body is not valid JSON: {exception.Message}");
            return;
        }

        using (document)
        {
            CheckBatchObject(document.RootElement, inspection);
        }
    }

    private static void CheckBatchObject(JsonElement root, RequestInspection inspection)
    {
        List<string> problems = inspection.Problems;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"The body is a JSON {Describe(root.ValueKind)}, but it must be an object.");
            return;
        }

        if (root.TryGetProperty("sentAt", out JsonElement sentAt) && sentAt.ValueKind == JsonValueKind.String)
        {
            inspection.SentAt = sentAt.GetString();
        }

        CheckTimestamp(root, "sentAt", "body", problems);

        if (!root.TryGetProperty("batch", out JsonElement batch))
        {
            problems.Add("The body has no \"batch\" member.");
            return;
        }

        if (batch.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"The \"batch\" member is a JSON {Describe(batch.ValueKind)}, but it must be an array.");
            return;
        }

        int count = batch.GetArrayLength();
        if (count is < 1 or > MaxBatchItems)
        {
            problems.Add($"The batch has {count} items, but it must have from 1 to {MaxBatchItems}.");
        }

        var seenMessageIds = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (JsonElement item in batch.EnumerateArray())
        {
            CheckItem(item, $"batch[{index}]", inspection, seenMessageIds);
            index++;
        }
    }

    private static void CheckItem(
        JsonElement item,
        string label,
        RequestInspection inspection,
        HashSet<string> seenMessageIds)
    {
        List<string> problems = inspection.Problems;
        string rawText = item.GetRawText();
        inspection.ItemJson.Add(rawText);

        int size = Encoding.UTF8.GetByteCount(rawText);
        if (size > MaxItemBytes)
        {
            problems.Add($"{label} is {size} bytes of JSON, over the limit of {MaxItemBytes} bytes per item.");
        }

        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{label} is a JSON {Describe(item.ValueKind)}, but it must be an object.");
            return;
        }

        if (!item.TryGetProperty("type", out JsonElement type)
            || type.ValueKind != JsonValueKind.String
            || type.GetString() != "track")
        {
            problems.Add($"{label}.type must be the string \"track\".");
        }

        string? messageId = CheckNonEmptyString(item, "messageId", label, problems);
        if (messageId is not null)
        {
            inspection.MessageIds.Add(messageId);
            if (messageId.Length > MaxMessageIdLength)
            {
                problems.Add(
                    $"{label}.messageId has {messageId.Length} characters, " +
                    $"but it must have at most {MaxMessageIdLength}.");
            }

            if (!seenMessageIds.Add(messageId))
            {
                problems.Add($"{label}.messageId '{messageId}' repeats an earlier item of the same batch.");
            }
        }

        CheckNonEmptyString(item, "anonymousId", label, problems);
        CheckNonEmptyString(item, "event", label, problems);
        CheckObject(item, "properties", label, problems);
        CheckObject(item, "context", label, problems);
        CheckTimestamp(item, "timestamp", label, problems);

        foreach (string name in ForbiddenItemMembers)
        {
            if (item.TryGetProperty(name, out _))
            {
                problems.Add($"{label} has a \"{name}\" member, which the client must not send.");
            }
        }
    }

    // Returns the string value when the member is a string, even an empty one that is reported.
    private static string? CheckNonEmptyString(JsonElement owner, string name, string label, List<string> problems)
    {
        if (!owner.TryGetProperty(name, out JsonElement value))
        {
            problems.Add($"{label}.{name} is missing.");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{label}.{name} is a JSON {Describe(value.ValueKind)}, but it must be a string.");
            return null;
        }

        string text = value.GetString()!;
        if (text.Length == 0)
        {
            problems.Add($"{label}.{name} is an empty string.");
        }

        return text;
    }

    private static void CheckObject(JsonElement owner, string name, string label, List<string> problems)
    {
        if (!owner.TryGetProperty(name, out JsonElement value))
        {
            problems.Add($"{label}.{name} is missing.");
        }
        else if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{label}.{name} is a JSON {Describe(value.ValueKind)}, but it must be an object.");
        }
    }

    private static void CheckTimestamp(JsonElement owner, string name, string label, List<string> problems)
    {
        if (!owner.TryGetProperty(name, out JsonElement value))
        {
            problems.Add($"{label}.{name} is missing.");
            return;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{label}.{name} is a JSON {Describe(value.ValueKind)}, but it must be a string.");
            return;
        }

        string text = value.GetString()!;
        bool valid = DateTime.TryParseExact(
            text,
            TimestampPattern,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out _);
        if (!valid || text.Length != 24)
        {
            problems.Add($"{label}.{name} is '{text}', but it must have the form yyyy-MM-ddTHH:mm:ss.fffZ in UTC.");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    /// <summary>What the validator parsed from one request, and the rules the request breaks.</summary>
    internal sealed class RequestInspection
    {
        public List<string> Problems { get; } = new();

        public byte[] Body { get; set; } = Array.Empty<byte>();

        public int? RetryCount { get; set; }

        public string? SentAt { get; set; }

        public List<string> MessageIds { get; } = new();

        public List<string> ItemJson { get; } = new();
    }
}
