using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Consent;

public sealed class TelemetryConfigTests
{
    private const string TelemetryId = "6f1c2a54-8d7e-4b53-9a0f-2c3d4e5f6a7b";
    private static readonly string Secret =
        Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Parse_ReadsEveryKnownKey()
    {
        TelemetryConfig config = Parse(
            "{\"enabled\": true, \"consentDate\": \"2026-12-04T17:05:36Z\", \"telemetryId\": \"" + TelemetryId
            + "\", \"noticeShown\": true, \"secret\": \"" + Secret + "\"}");

        Assert.True(config.Enabled);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 17, 5, 36, TimeSpan.Zero), config.ConsentDate);
        Assert.Equal(TelemetryId, config.TelemetryId);
        Assert.True(config.NoticeShown);
        Assert.Equal(Convert.FromBase64String(Secret), config.Secret);
        Assert.Empty(config.UnknownKeys);
    }

    [Fact]
    public void Serialize_KeepsTextReadable()
    {
        TelemetryConfig config = Parse("{\"note\": \"é+<>&\", \"enabled\": true}");

        string text = System.Text.Encoding.UTF8.GetString(config.Serialize());

        Assert.Contains("\"note\": \"é+<>&\"", text);
    }

    [Fact]
    public void Parse_EmptyObjectHasNoDecision()
    {
        TelemetryConfig config = Parse("{}");

        Assert.Null(config.Enabled);
        Assert.Null(config.ConsentDate);
        Assert.Null(config.TelemetryId);
        Assert.False(config.NoticeShown);
        Assert.Null(config.Secret);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("\"false\"", false)]
    [InlineData("\"OFF\"", false)]
    [InlineData("0", false)]
    [InlineData("\"yes\"", true)]
    [InlineData("1", true)]
    [InlineData("null", null)]
    public void Parse_EnabledAcceptsBooleanSpellings(string json, bool? expected)
    {
        Assert.Equal(expected, Parse("{\"enabled\": " + json + "}").Enabled);
    }

    [Theory]
    [InlineData("\"maybe\"")]
    [InlineData("2")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void Parse_UnreadableEnabledIsInvalid(string json)
    {
        var exception = Assert.Throws<InvalidDataException>(() => Parse("{\"enabled\": " + json + "}"));

        Assert.Contains("\"enabled\"", exception.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[true]")]
    [InlineData("\"enabled\"")]
    [InlineData("{\"enabled\": true} trailing")]
    public void Parse_NonObjectIsInvalid(string text)
    {
        Assert.Throws<InvalidDataException>(() => Parse(text));
    }

    [Fact]
    public void Parse_SkipsByteOrderMarkAndComments()
    {
        byte[] bytes = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes("// written by hand\n{\"enabled\": false}"))
            .ToArray();

        Assert.False(TelemetryConfig.Parse(bytes).Enabled);
    }

    [Theory]
    [InlineData("\"telemetryId\": \"not-a-uuid\"")]
    [InlineData("\"telemetryId\": 42")]
    [InlineData("\"secret\": \"c2hvcnQ=\"")]
    [InlineData("\"secret\": \"%%%\"")]
    [InlineData("\"consentDate\": \"yesterday\"")]
    [InlineData("\"noticeShown\": \"true\"")]
    public void Parse_InvalidValuesReadAsAbsent(string member)
    {
        TelemetryConfig config = Parse("{" + member + "}");

        Assert.Null(config.TelemetryId);
        Assert.Null(config.Secret);
        Assert.Null(config.ConsentDate);
        Assert.False(config.NoticeShown);
    }

    [Fact]
    public void Parse_NormalizesTelemetryId()
    {
        TelemetryConfig config = Parse("{\"telemetryId\": \"" + TelemetryId.ToUpperInvariant() + "\"}");

        Assert.Equal(TelemetryId, config.TelemetryId);
    }

    [Fact]
    public void Serialize_WritesIndentedObjectWithNewLine()
    {
        var config = new TelemetryConfig
        {
            Enabled = true,
            ConsentDate = new DateTimeOffset(2026, 12, 4, 18, 5, 36, 250, TimeSpan.FromHours(1)),
            TelemetryId = TelemetryId,
            NoticeShown = true,
            Secret = Convert.FromBase64String(Secret),
        };

        string text = Encoding.UTF8.GetString(config.Serialize());

        string expected = "{\n  \"enabled\": true,\n  \"consentDate\": \"2026-12-04T17:05:36Z\",\n"
            + $"  \"telemetryId\": \"{TelemetryId}\",\n  \"noticeShown\": true,\n  \"secret\": \"{Secret}\"\n}}\n";
        Assert.Equal(expected, text.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Serialize_LeavesOutNullKeys()
    {
        string text = Encoding.UTF8.GetString(new TelemetryConfig().Serialize());

        using JsonDocument document = JsonDocument.Parse(text);
        Assert.Equal(
            new[] { "noticeShown" },
            document.RootElement.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public void RoundTrip_KeepsUnknownKeysInPlace()
    {
        TelemetryConfig config = Parse(
            "{\"theme\": \"dark\", \"enabled\": false, \"nested\": {\"a\": [1, 2.50, null]}, "
            + "\"big\": 12345678901234567890}");
        config.Enabled = true;
        config.TelemetryId = TelemetryId;

        using JsonDocument document = JsonDocument.Parse(config.Serialize());
        JsonElement root = document.RootElement;

        Assert.Equal(
            new[] { "theme", "enabled", "nested", "big", "telemetryId", "noticeShown" },
            root.EnumerateObject().Select(property => property.Name));
        Assert.Equal("dark", root.GetProperty("theme").GetString());
        Assert.True(root.GetProperty("enabled").GetBoolean());
        string nested = root.GetProperty("nested").GetRawText();
        Assert.Equal("{\"a\":[1,2.50,null]}", string.Concat(nested.Where(c => !char.IsWhiteSpace(c))));
        Assert.Equal("12345678901234567890", root.GetProperty("big").GetRawText());
        Assert.Equal(new[] { "theme", "nested", "big" }, config.UnknownKeys);
    }

    [Fact]
    public void RoundTrip_DropsInvalidKnownValue()
    {
        TelemetryConfig config = Parse("{\"telemetryId\": 42, \"other\": 1}");

        using JsonDocument document = JsonDocument.Parse(config.Serialize());

        Assert.False(document.RootElement.TryGetProperty("telemetryId", out _));
        Assert.Equal(1, document.RootElement.GetProperty("other").GetInt32());
    }

    [Fact]
    public void Clone_IsIndependent()
    {
        TelemetryConfig original = Parse("{\"enabled\": true, \"secret\": \"" + Secret + "\"}");

        TelemetryConfig copy = original.Clone();
        copy.Enabled = false;
        copy.Secret![0] = 0xFF;

        Assert.True(original.Enabled);
        Assert.Equal(1, original.Secret![0]);
    }

    [Fact]
    public void CreateSecret_Has32RandomBytes()
    {
        byte[] first = TelemetryConfig.CreateSecret();
        byte[] second = TelemetryConfig.CreateSecret();

        Assert.Equal(32, first.Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void CreateTelemetryId_IsLowerCaseUuid()
    {
        string id = TelemetryConfig.CreateTelemetryId();

        Assert.True(Guid.TryParseExact(id, "D", out _));
        Assert.Equal(id.ToLowerInvariant(), id);
    }

    private static TelemetryConfig Parse(string json) => TelemetryConfig.Parse(Encoding.UTF8.GetBytes(json));
}
