using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

public sealed class PayloadCultureTests
{
    private const string WriteKey = "culture-key";

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static readonly DateTimeOffset Now = new(2026, 12, 4, 17, 5, 36, 125, TimeSpan.Zero);

    private readonly ITestOutputHelper _output;

    public PayloadCultureTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    [InlineData("tr-TR")]
    public async Task Body_UnderCulture_MatchesInvariantBytes(string cultureName)
    {
        if (!CultureScope.IsAvailable(cultureName))
        {
            // xunit 2.9 has no way to skip a test at run time, so the skip is reported in the test output.
            _output.WriteLine($"Skipped: the culture {cultureName} is not available on this machine.");
            return;
        }

        byte[] invariantBody = await CaptureBodyAsync(string.Empty);
        byte[] body = await CaptureBodyAsync(cultureName);

        // The context's locale member reports the UI culture by design, so it is the one expected difference.
        byte[] localeMember = Encoding.UTF8.GetBytes($",\"locale\":\"{cultureName}\"");
        Assert.Equal(Events.Length, CountOccurrences(body, localeMember));
        Assert.Equal(0, CountOccurrences(invariantBody, Encoding.UTF8.GetBytes("\"locale\":")));
        Assert.Equal(invariantBody, RemoveAll(body, localeMember));

        string text = Encoding.UTF8.GetString(body);
        AssertInvariantFormats(text);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    [InlineData("tr-TR")]
    public async Task Body_UnderFormattingCulture_IsByteIdentical(string cultureName)
    {
        if (!CultureScope.IsAvailable(cultureName))
        {
            _output.WriteLine($"Skipped: the culture {cultureName} is not available on this machine.");
            return;
        }

        byte[] invariantBody = await CaptureBodyAsync(string.Empty);

        // With the UI culture left invariant the context has no locale member, so every byte must match, although
        // capture, serialization and sentAt all run under the formatting culture.
        byte[] body = await CaptureBodyAsync(cultureName, uiCultureName: string.Empty);

        Assert.Equal(invariantBody, body);
    }

    [Fact]
    public async Task Body_InvariantCulture_HasExactValues()
    {
        byte[] body = await CaptureBodyAsync(string.Empty);

        AssertInvariantFormats(Encoding.UTF8.GetString(body));
    }

    // Checks the parts of the body that a culture could change: numbers, timestamps, text and the letter i.
    private static void AssertInvariantFormats(string text)
    {
        Assert.Contains(ModelTrainedProperties, text, StringComparison.Ordinal);
        Assert.Contains(ItemIndexedProperties, text, StringComparison.Ordinal);
        Assert.Contains("\"event\":\"Model Trained\"", text, StringComparison.Ordinal);
        Assert.Contains("\"event\":\"Item Indexed\"", text, StringComparison.Ordinal);
        Assert.Contains("\"event\":\"İçerik Gösterildi\"", text, StringComparison.Ordinal);
        Assert.Contains("\"timestamp\":\"2026-12-04T17:05:36.125Z\"", text, StringComparison.Ordinal);
        Assert.EndsWith("],\"sentAt\":\"2026-12-04T17:05:36.125Z\"}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1234,5", text, StringComparison.Ordinal);

        // The Thai Buddhist calendar counts 2026 as 2569, and the Um Al-Qura calendar December 2026 as 1448.
        Assert.DoesNotContain("\"2569-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"1448-", text, StringComparison.Ordinal);
    }

    // Tracks Events with a fixed clock and message ids under the culture, and returns the decompressed body.
    private static async Task<byte[]> CaptureBodyAsync(string cultureName, string? uiCultureName = null)
    {
        await using var server = new SegmentTestServer(WriteKey);

        // The client is created inside the scope, so the context and the sender task also run under the culture.
        using var scope = new CultureScope(cultureName, uiCultureName ?? cultureName);
        var options = new TelemetryOptions
        {
            WriteKey = WriteKey,
            Endpoint = server.BaseAddress,
            AppName = "CultureTests",
            AppVersion = "1.0.0",
            AnonymousId = "anon-1",
            EnvironmentPrefix = TestOptions.UniqueEnvironmentPrefix(),
            TimeProvider = new ManualTimeProvider(Now),
            MessageIdGenerator = new SequentialGuids().Next,
            FlushInterval = TimeSpan.FromHours(1),
            MaxBatchSize = 500,
            UseCompression = true,
            UseSpool = false,
        };
        await using var client = new TelemetryClient(options);

        foreach ((string name, Func<TelemetryProperties> createProperties) in Events)
        {
            client.Track(name, createProperties());
        }

        await client.FlushAsync().WaitAsync(Guard);

        Assert.Empty(server.Violations);
        ReceivedRequest request = Assert.Single(server.Requests);
        Assert.Equal("gzip", request.Headers["Content-Encoding"]);
        return request.Body;
    }

    private static readonly (string Name, Func<TelemetryProperties> CreateProperties)[] Events =
    {
        ("Model Trained", CreateModelTrainedProperties),
        ("Item Indexed", CreateItemIndexedProperties),
        ("İçerik Gösterildi", () => new TelemetryProperties()),
    };

    private const string ModelTrainedProperties =
        "\"properties\":{\"accuracy\":1234.5,\"learning_rate\":0.1,\"delta\":-0.25,\"epochs\":-42,"
        + "\"big\":12345678901,\"price\":-19.90,\"ratio\":1.5,\"duration\":1.5,"
        + "\"finished\":\"2026-03-09T16:05:07.250Z\",\"started\":\"2026-01-31T23:59:59.999Z\","
        + "\"greeting\":\"Grüße aus Köln\",\"arabic\":\"مرحبا ١٢٣\",\"thai\":\"สวัสดี ๑๒๓\","
        + "\"city\":\"İstanbul ıi\",\"cached\":true,\"remote\":false,\"note\":null,"
        + "\"tags\":[\"a\",\"ß\"]}";

    private const string ItemIndexedProperties =
        "\"properties\":{\"id\":7,\"is_valid\":true,\"title\":\"Title\",\"INFO\":\"İI ıi\"}";

    private static TelemetryProperties CreateModelTrainedProperties()
    {
        var properties = new TelemetryProperties();
        properties.Add("accuracy", TelemetryValue.From(1234.5));
        properties.Add("learning_rate", TelemetryValue.From(0.1));
        properties.Add("delta", TelemetryValue.From(-0.25));
        properties.Add("epochs", TelemetryValue.From(-42));
        properties.Add("big", TelemetryValue.From(12_345_678_901L));
        properties.Add("price", TelemetryValue.From(-19.90m));
        properties.Add("ratio", TelemetryValue.From(1.5f));
        properties.Add("duration", TelemetryValue.From(TimeSpan.FromMilliseconds(1500)));
        properties.Add(
            "finished",
            TelemetryValue.From(new DateTimeOffset(2026, 3, 9, 18, 5, 7, 250, TimeSpan.FromHours(2))));
        properties.Add(
            "started",
            TelemetryValue.From(new DateTime(2026, 1, 31, 23, 59, 59, 999, DateTimeKind.Utc)));
        properties.Add("greeting", TelemetryValue.From("Grüße aus Köln"));
        properties.Add("arabic", TelemetryValue.From("مرحبا ١٢٣"));
        properties.Add("thai", TelemetryValue.From("สวัสดี ๑๒๓"));
        properties.Add("city", TelemetryValue.From("İstanbul ıi"));
        properties.Add("cached", TelemetryValue.From(true));
        properties.Add("remote", TelemetryValue.From(false));
        properties.Add("note", TelemetryValue.Null);
        properties.Add("tags", TelemetryValue.FromSequence(new List<string> { "a", "ß" }, TelemetryValue.From));
        return properties;
    }

    private static TelemetryProperties CreateItemIndexedProperties()
    {
        var properties = new TelemetryProperties();
        properties.Add("id", TelemetryValue.From(7));
        properties.Add("is_valid", TelemetryValue.From(true));
        properties.Add("title", TelemetryValue.From("Title"));
        properties.Add("INFO", TelemetryValue.From("İI ıi"));
        return properties;
    }

    private static int CountOccurrences(byte[] data, byte[] value)
    {
        int count = 0;
        int index = data.AsSpan().IndexOf(value);
        int offset = 0;
        while (index >= 0)
        {
            count++;
            offset += index + value.Length;
            index = data.AsSpan(offset).IndexOf(value);
        }

        return count;
    }

    private static byte[] RemoveAll(byte[] data, byte[] value)
    {
        var result = new List<byte>(data.Length);
        int offset = 0;
        while (true)
        {
            int index = data.AsSpan(offset).IndexOf(value);
            if (index < 0)
            {
                result.AddRange(data.AsSpan(offset).ToArray());
                return result.ToArray();
            }

            result.AddRange(data.AsSpan(offset, index).ToArray());
            offset += index + value.Length;
        }
    }
}
