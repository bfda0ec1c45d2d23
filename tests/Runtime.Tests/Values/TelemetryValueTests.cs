using System;
using System.Collections.Generic;
using System.Text.Json;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Values;

public sealed class TelemetryValueTests
{
    public static TheoryData<string, TelemetryValue, string, TelemetryValueKind> Scalars => new()
    {
        { "string", TelemetryValue.From("cnn"), "\"cnn\"", TelemetryValueKind.String },
        { "empty string", TelemetryValue.From(string.Empty), "\"\"", TelemetryValueKind.String },
        { "null string", TelemetryValue.From((string?)null), "null", TelemetryValueKind.Null },
        { "true", TelemetryValue.From(true), "true", TelemetryValueKind.Boolean },
        { "false", TelemetryValue.From(false), "false", TelemetryValueKind.Boolean },
        { "char", TelemetryValue.From('x'), "\"x\"", TelemetryValueKind.String },
        { "sbyte", TelemetryValue.From((sbyte)-128), "-128", TelemetryValueKind.Integer },
        { "byte", TelemetryValue.From((byte)255), "255", TelemetryValueKind.Integer },
        { "short", TelemetryValue.From((short)-32768), "-32768", TelemetryValueKind.Integer },
        { "ushort", TelemetryValue.From((ushort)65535), "65535", TelemetryValueKind.Integer },
        { "int", TelemetryValue.From(-42), "-42", TelemetryValueKind.Integer },
        { "uint", TelemetryValue.From(uint.MaxValue), "4294967295", TelemetryValueKind.Integer },
        { "long min", TelemetryValue.From(long.MinValue), "-9223372036854775808", TelemetryValueKind.Integer },
        {
            "ulong max",
            TelemetryValue.From(ulong.MaxValue),
            "18446744073709551615",
            TelemetryValueKind.UnsignedInteger
        },
        { "float 1.5", TelemetryValue.From(1.5f), "1.5", TelemetryValueKind.Single },
        { "float 0.1", TelemetryValue.From(0.1f), "0.1", TelemetryValueKind.Single },
        { "float max", TelemetryValue.From(float.MaxValue), "3.4028235E+38", TelemetryValueKind.Single },
        { "float NaN", TelemetryValue.From(float.NaN), "null", TelemetryValueKind.Null },
        { "float +infinity", TelemetryValue.From(float.PositiveInfinity), "null", TelemetryValueKind.Null },
        { "float -infinity", TelemetryValue.From(float.NegativeInfinity), "null", TelemetryValueKind.Null },
        { "double 0.1", TelemetryValue.From(0.1), "0.1", TelemetryValueKind.Double },
        { "double 1e21", TelemetryValue.From(1e21), "1E+21", TelemetryValueKind.Double },
        { "double NaN", TelemetryValue.From(double.NaN), "null", TelemetryValueKind.Null },
        { "double +infinity", TelemetryValue.From(double.PositiveInfinity), "null", TelemetryValueKind.Null },
        { "double -infinity", TelemetryValue.From(double.NegativeInfinity), "null", TelemetryValueKind.Null },
        { "decimal keeps scale", TelemetryValue.From(1.10m), "1.10", TelemetryValueKind.Decimal },
        { "decimal negative", TelemetryValue.From(-0.5m), "-0.5", TelemetryValueKind.Decimal },
        {
            "guid lower case",
            TelemetryValue.From(new Guid("0F8FAD5B-D9CB-469F-A165-70867728950E")),
            "\"0f8fad5b-d9cb-469f-a165-70867728950e\"",
            TelemetryValueKind.String
        },
        {
            "date time utc",
            TelemetryValue.From(new DateTime(2024, 3, 9, 14, 5, 7, 250, DateTimeKind.Utc)),
            "\"2024-03-09T14:05:07.250Z\"",
            TelemetryValueKind.String
        },
        {
            "date time unspecified is utc",
            TelemetryValue.From(new DateTime(2024, 3, 9, 14, 5, 7, 250, DateTimeKind.Unspecified)),
            "\"2024-03-09T14:05:07.250Z\"",
            TelemetryValueKind.String
        },
        {
            "date time truncates ticks",
            TelemetryValue.From(new DateTime(2024, 3, 9, 14, 5, 7, 250, DateTimeKind.Utc).AddTicks(9999)),
            "\"2024-03-09T14:05:07.250Z\"",
            TelemetryValueKind.String
        },
        {
            "date time offset +02:00",
            TelemetryValue.From(new DateTimeOffset(2024, 3, 9, 14, 5, 7, 250, TimeSpan.FromHours(2))),
            "\"2024-03-09T12:05:07.250Z\"",
            TelemetryValueKind.String
        },
        { "time span", TelemetryValue.From(TimeSpan.FromMilliseconds(1500)), "1.5", TelemetryValueKind.Double },
        { "time span zero", TelemetryValue.From(TimeSpan.Zero), "0", TelemetryValueKind.Double },
        {
            "absolute uri",
            TelemetryValue.From(new Uri("https://example.com/a b?q=1")),
            "\"https://example.com/a%20b?q=1\"",
            TelemetryValueKind.String
        },
        {
            "relative uri",
            TelemetryValue.From(new Uri("docs/a b", UriKind.Relative)),
            "\"docs/a b\"",
            TelemetryValueKind.String
        },
        { "null uri", TelemetryValue.From((Uri?)null), "null", TelemetryValueKind.Null },
        { "version", TelemetryValue.From(new Version(1, 2, 3)), "\"1.2.3\"", TelemetryValueKind.String },
        { "null version", TelemetryValue.From((Version?)null), "null", TelemetryValueKind.Null },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void From_WritesExactJson(
        string description,
        TelemetryValue value,
        string expectedJson,
        TelemetryValueKind expectedKind)
    {
        // The description only names the case in the test output.
        Assert.NotNull(description);
        Assert.Equal(expectedJson, value.ToString());
        Assert.Equal(expectedKind, value.Kind);
    }

    [Fact]
    public void Default_IsNull()
    {
        TelemetryValue value = default;

        Assert.Equal(TelemetryValueKind.Null, value.Kind);
        Assert.Equal(TelemetryValue.Null, value);
        Assert.Equal("null", value.ToString());
    }

    [Fact]
    public void WriteTo_WritesIntoEnclosingWriter()
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            TelemetryValue.From(1).WriteTo(writer);
            TelemetryValue.From("a").WriteTo(writer);
            writer.WriteEndArray();
        }

        Assert.Equal("[1,\"a\"]", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void WriteTo_NullWriterThrows()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => TelemetryValue.From(1).WriteTo(null!));

        Assert.Equal("writer", exception.ParamName);
    }

    [Fact]
    public void Accessors_ReturnValueOnlyForTheirKind()
    {
        Assert.Equal("a", TelemetryValue.From("a").AsString());
        Assert.Null(TelemetryValue.From(1).AsString());
        Assert.True(TelemetryValue.From(true).AsBoolean());
        Assert.Null(TelemetryValue.From(1).AsBoolean());
        Assert.Equal(-7L, TelemetryValue.From(-7).AsInt64());
        Assert.Null(TelemetryValue.From(7UL).AsInt64());
        Assert.Equal(ulong.MaxValue, TelemetryValue.From(ulong.MaxValue).AsUInt64());
        Assert.Null(TelemetryValue.From(7).AsUInt64());
        Assert.Equal(0.1f, TelemetryValue.From(0.1f).AsSingle());
        Assert.Null(TelemetryValue.From(0.1).AsSingle());
        Assert.Equal(0.1, TelemetryValue.From(0.1).AsDouble());
        Assert.Null(TelemetryValue.From(0.1f).AsDouble());
        Assert.Equal(1.10m, TelemetryValue.From(1.10m).AsDecimal());
        Assert.Null(TelemetryValue.From(1).AsDecimal());
        Assert.Null(TelemetryValue.Null.AsString());
    }

    [Fact]
    public void AsArray_ReturnsReadOnlyElements()
    {
        TelemetryValue value = TelemetryValue.FromSequence(new[] { 1, 2 }, TelemetryValue.From);

        IReadOnlyList<TelemetryValue>? items = value.AsArray();

        Assert.NotNull(items);
        Assert.Equal(new[] { TelemetryValue.From(1), TelemetryValue.From(2) }, items);
        Assert.False(items is TelemetryValue[]);
        Assert.Null(TelemetryValue.From("a").AsArray());
    }

    [Fact]
    public void AsObject_ReturnsMembersInOrder()
    {
        var members = new TelemetryProperties();
        members.Add("b", TelemetryValue.From(2));
        members.Add("a", TelemetryValue.From(1));

        IReadOnlyList<KeyValuePair<string, TelemetryValue>>? result = TelemetryValue.FromObject(members).AsObject();

        Assert.NotNull(result);
        Assert.Equal(2, result.Count);
        Assert.Equal("b", result[0].Key);
        Assert.Equal("a", result[1].Key);
        Assert.Null(TelemetryValue.From(1).AsObject());
    }

    [Fact]
    public void ToString_EscapesJsonLookingString()
    {
        TelemetryValue value = TelemetryValue.From("{\"a\":1}");

        string json = value.ToString();

        Assert.Equal("\"{\\u0022a\\u0022:1}\"", json);
        Assert.Equal("{\"a\":1}", JsonDocument.Parse(json).RootElement.GetString());
    }

    [Fact]
    public void ToString_EscapesControlCharacters()
    {
        TelemetryValue value = TelemetryValue.From("a\nb\tc\r\u0001\u001f\\");

        string json = value.ToString();

        Assert.Equal("\"a\\nb\\tc\\r\\u0001\\u001F\\\\\"", json);
        Assert.Equal("a\nb\tc\r\u0001\u001f\\", JsonDocument.Parse(json).RootElement.GetString());
    }

    [Fact]
    public void ToString_WritesNonAsciiLettersAsUtf8()
    {
        TelemetryValue value = TelemetryValue.From("Grüße, 東京, Привет, مرحبا");

        Assert.Equal("\"Grüße, 東京, Привет, مرحبا\"", value.ToString());
    }

    [Fact]
    public void ToString_EscapesHtmlSensitiveCharacters()
    {
        TelemetryValue value = TelemetryValue.From("<b>&'+");

        string json = value.ToString();

        Assert.Equal("\"\\u003Cb\\u003E\\u0026\\u0027\\u002B\"", json);
        Assert.Equal("<b>&'+", JsonDocument.Parse(json).RootElement.GetString());
    }

    [Fact]
    public void ToString_EscapesCharactersOutsideBasicPlane()
    {
        TelemetryValue value = TelemetryValue.From("ok 😀");

        string json = value.ToString();

        Assert.Equal("\"ok \\uD83D\\uDE00\"", json);
        Assert.Equal("ok 😀", JsonDocument.Parse(json).RootElement.GetString());
    }

    [Fact]
    public void ToString_EscapesUnassignedCodePoint()
    {
        // U+0378 is unassigned in the Greek and Coptic block.
        Assert.Equal("\"\\u0378\"", TelemetryValue.From("\u0378").ToString());
    }

    [Fact]
    public void ToString_ReplacesUnpairedSurrogate()
    {
        TelemetryValue value = TelemetryValue.From("a\uD800b");

        Assert.Equal("\"a\\uFFFDb\"", value.ToString());
    }

    [Fact]
    public void Equals_SameKindAndContent()
    {
        Assert.Equal(TelemetryValue.From(1), TelemetryValue.From(1L));
        Assert.True(TelemetryValue.From("a") == TelemetryValue.From("a"));
        Assert.True(TelemetryValue.From("a") != TelemetryValue.From("A"));
        Assert.Equal(TelemetryValue.From(1.10m), TelemetryValue.From(1.1m));
        Assert.Equal(TelemetryValue.From(1.10m).GetHashCode(), TelemetryValue.From(1.1m).GetHashCode());
        Assert.Equal(TelemetryValue.From(0.0), TelemetryValue.From(-0.0));
        Assert.Equal(TelemetryValue.From(0.0).GetHashCode(), TelemetryValue.From(-0.0).GetHashCode());
        Assert.True(TelemetryValue.From(true).Equals((object)TelemetryValue.From(true)));
        Assert.False(TelemetryValue.From(true).Equals((object)true));
    }

    [Fact]
    public void Equals_DifferentKindsDiffer()
    {
        Assert.NotEqual(TelemetryValue.From(1), TelemetryValue.From(1UL));
        Assert.NotEqual(TelemetryValue.From(1.5f), TelemetryValue.From(1.5));
        Assert.NotEqual(TelemetryValue.From(1), TelemetryValue.From(1m));
        Assert.NotEqual(TelemetryValue.From("1"), TelemetryValue.From(1));
        Assert.NotEqual(TelemetryValue.Null, TelemetryValue.From(false));
    }

    [Fact]
    public void Equals_ComparesArraysAndObjectsStructurally()
    {
        TelemetryValue first = TelemetryValue.FromDictionary(
            new Dictionary<string, int[]> { ["a"] = new[] { 1, 2 } },
            items => TelemetryValue.FromSequence(items, TelemetryValue.From));
        TelemetryValue same = TelemetryValue.FromDictionary(
            new Dictionary<string, int[]> { ["a"] = new[] { 1, 2 } },
            items => TelemetryValue.FromSequence(items, TelemetryValue.From));
        TelemetryValue otherOrder = TelemetryValue.FromSequence(new[] { 2, 1 }, TelemetryValue.From);

        Assert.Equal(first, same);
        Assert.Equal(first.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(TelemetryValue.FromSequence(new[] { 1, 2 }, TelemetryValue.From), otherOrder);
        Assert.NotEqual(
            TelemetryValue.FromSequence(new[] { 1, 2 }, TelemetryValue.From),
            TelemetryValue.FromSequence(new[] { 1, 2, 3 }, TelemetryValue.From));
    }
}
