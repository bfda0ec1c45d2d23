using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Payloads;

public sealed class SegmentPayloadTests
{
    private const string ExpectedBody =
        "{\"batch\":[" + SampleItems.TrainingStartedJson + "],\"sentAt\":\"2024-03-09T14:05:08.000Z\"}";

    [Fact]
    public void Serialize_WritesExactCompactBody()
    {
        byte[] body = SegmentPayload.Serialize(new[] { SampleItems.CreateTrainingStarted() }, SampleItems.SentAt);

        Assert.Equal(ExpectedBody, Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void Serialize_HasNoByteOrderMark()
    {
        byte[] body = SegmentPayload.Serialize(new[] { SampleItems.CreateTrainingStarted() }, SampleItems.SentAt);

        Assert.Equal((byte)'{', body[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    [InlineData("tr-TR")]
    public void Serialize_SameBytesUnderCulture(string cultureName)
    {
        if (!CultureScope.IsAvailable(cultureName))
        {
            return;
        }

        byte[] invariantBody;
        using (new CultureScope(string.Empty))
        {
            invariantBody = SegmentPayload.Serialize(new[] { SampleItems.CreateTrainingStarted() }, SampleItems.SentAt);
        }

        byte[] body;
        using (new CultureScope(cultureName))
        {
            body = SegmentPayload.Serialize(new[] { SampleItems.CreateTrainingStarted() }, SampleItems.SentAt);
        }

        Assert.Equal(ExpectedBody, Encoding.UTF8.GetString(body));
        Assert.Equal(invariantBody, body);
    }

    [Fact]
    public void Serialize_EmptyBatch()
    {
        string body = SegmentPayload.SerializeToString(Array.Empty<TrackItem>(), SampleItems.SentAt);

        Assert.Equal("{\"batch\":[],\"sentAt\":\"2024-03-09T14:05:08.000Z\"}", body);
    }

    [Fact]
    public void Serialize_SeveralItemsInOrder()
    {
        var batch = new[]
        {
            SampleItems.CreateSimple("id-1", "First", "x"),
            SampleItems.CreateSimple("id-2", "Second", "y"),
        };

        using JsonDocument document = JsonDocument.Parse(SegmentPayload.Serialize(batch, SampleItems.SentAt));

        JsonElement items = document.RootElement.GetProperty("batch");
        Assert.Equal(2, items.GetArrayLength());
        Assert.Equal("id-1", items[0].GetProperty("messageId").GetString());
        Assert.Equal("Second", items[1].GetProperty("event").GetString());
    }

    [Fact]
    public void SerializeToString_MatchesBytes()
    {
        var batch = new[] { SampleItems.CreateSimple("id-1", "Événement", "naïve <text>") };

        string text = SegmentPayload.SerializeToString(batch, SampleItems.SentAt);
        byte[] bytes = SegmentPayload.Serialize(batch, SampleItems.SentAt);

        Assert.Equal(Encoding.UTF8.GetString(bytes), text);
        Assert.Contains("\"event\":\"Événement\"", text);
        Assert.Contains("\"text\":\"naïve \\u003Ctext\\u003E\"", text);
    }

    [Fact]
    public void Write_UsesCallerWriter()
    {
        using var stream = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            SegmentPayload.Write(writer, Array.Empty<TrackItem>(), SampleItems.SentAt);
        }

        Assert.Equal(
            "{\"batch\":[],\"sentAt\":\"2024-03-09T14:05:08.000Z\"}",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Serialize_SentAtConvertedToUtc()
    {
        var sentAt = new DateTimeOffset(2024, 3, 9, 9, 0, 0, 0, TimeSpan.FromHours(-5));

        string body = SegmentPayload.SerializeToString(Array.Empty<TrackItem>(), sentAt);

        Assert.Equal("{\"batch\":[],\"sentAt\":\"2024-03-09T14:00:00.000Z\"}", body);
    }

    [Fact]
    public void Serialize_NullBatchThrows()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => SegmentPayload.Serialize(null!, SampleItems.SentAt));

        Assert.Equal("batch", exception.ParamName);
    }

    [Fact]
    public void Serialize_NullItemThrows()
    {
        var batch = new List<TrackItem> { SampleItems.CreateSimple("id-1", "E", "x"), null! };

        var exception = Assert.Throws<ArgumentException>(() => SegmentPayload.Serialize(batch, SampleItems.SentAt));

        Assert.Equal("batch", exception.ParamName);
        Assert.Contains("index 1", exception.Message);
    }
}
