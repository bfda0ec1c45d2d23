using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

public sealed class SegmentBodyTests
{
    // Letters outside ASCII, HTML-sensitive characters, a quotation mark, a control character and an emoji.
    private const string MixedText = "Größe <5> & \"quoted\" \u0001 \U0001F600";

    [Fact]
    public void Build_WritesExactBody()
    {
        QueuedEvent[] batch = { QueuedEvent.Create(SampleItems.CreateTrainingStarted()) };

        byte[] body = SegmentBody.Build(batch, SampleItems.SentAt);

        Assert.Equal(
            "{\"batch\":[" + SampleItems.TrainingStartedJson + "],\"sentAt\":\"2024-03-09T14:05:08.000Z\"}",
            Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(250)]
    public void Build_MatchesSegmentPayload(int count)
    {
        List<TrackItem> items = CreateItems(count);

        byte[] body = SegmentBody.Build(CreateEvents(items), SampleItems.SentAt);

        Assert.Equal(SegmentPayload.Serialize(items, SampleItems.SentAt), body);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(250)]
    public void GetSize_MatchesBuildLength(int count)
    {
        QueuedEvent[] batch = CreateEvents(CreateItems(count));
        long itemBytes = 0;
        foreach (QueuedEvent queuedEvent in batch)
        {
            itemBytes += queuedEvent.Size;
        }

        int size = SegmentBody.GetSize(batch.Length, itemBytes);

        Assert.Equal(SegmentBody.Build(batch, SampleItems.SentAt).Length, size);
    }

    [Fact]
    public void GetSize_EmptyBatchIsFixedPart()
    {
        Assert.Equal("{\"batch\":[],\"sentAt\":\"2024-03-09T14:05:08.000Z\"}".Length, SegmentBody.GetSize(0, 0));
    }

    [Fact]
    public void GetSize_SameForEverySentAt()
    {
        QueuedEvent[] batch = CreateEvents(CreateItems(2));
        int size = SegmentBody.GetSize(2, batch[0].Size + batch[1].Size);

        Assert.Equal(size, SegmentBody.Build(batch, DateTimeOffset.MinValue).Length);
        Assert.Equal(size, SegmentBody.Build(batch, DateTimeOffset.MaxValue).Length);
        var tokyoTime = new DateTimeOffset(2024, 3, 9, 23, 5, 8, TimeSpan.FromHours(9));
        Assert.Equal(size, SegmentBody.Build(batch, tokyoTime).Length);
    }

    [Fact]
    public void GetSize_SaturatesAtInt32Max()
    {
        Assert.Equal(int.MaxValue, SegmentBody.GetSize(2_500, long.MaxValue));
        Assert.Equal(int.MaxValue, SegmentBody.GetSize(int.MaxValue, int.MaxValue));
    }

    [Fact]
    public void GetSize_NegativeArgumentsThrow()
    {
        Assert.Equal(
            "count",
            Assert.Throws<ArgumentOutOfRangeException>(() => SegmentBody.GetSize(-1, 0)).ParamName);
        Assert.Equal(
            "itemBytes",
            Assert.Throws<ArgumentOutOfRangeException>(() => SegmentBody.GetSize(0, -1)).ParamName);
    }

    [Fact]
    public void Build_NullBatchThrows()
    {
        Assert.Equal(
            "batch",
            Assert.Throws<ArgumentNullException>(() => SegmentBody.Build(null!, SampleItems.SentAt)).ParamName);
    }

    [Fact]
    public void Build_NullEventThrows()
    {
        QueuedEvent[] batch = { QueuedEvent.Create(SampleItems.CreateTrainingStarted()), null! };

        var exception = Assert.Throws<ArgumentException>(() => SegmentBody.Build(batch, SampleItems.SentAt));

        Assert.Equal("batch", exception.ParamName);
        Assert.Contains("index 1 is null", exception.Message);
    }

    [Fact]
    public void Compress_RoundTripsAsGzip()
    {
        byte[] body = SegmentBody.Build(CreateEvents(CreateItems(20)), SampleItems.SentAt);

        byte[] compressed = SegmentBody.Compress(body);

        Assert.Equal(0x1f, compressed[0]);
        Assert.Equal(0x8b, compressed[1]);
        Assert.True(compressed.Length < body.Length);
        using var input = new MemoryStream(compressed);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        Assert.Equal(body, output.ToArray());
    }

    [Fact]
    public void Limits_MatchSegment()
    {
        Assert.Equal(500_000, SegmentBody.MaxBodyBytes);
        Assert.Equal(2_500, SegmentBody.MaxBatchItems);
    }

    // Alternates the sample item with one that contains MixedText, so each escape rule of the shared JSON encoder
    // shows up in the bytes being compared.
    private static List<TrackItem> CreateItems(int count)
    {
        var items = new List<TrackItem>(count);
        for (int i = 0; i < count; i++)
        {
            string messageId = $"00000000-0000-0000-0000-{i:D12}";
            items.Add(i % 2 == 0
                ? SampleItems.CreateTrainingStarted(messageId)
                : SampleItems.CreateSimple(messageId, "Modell geändert", MixedText));
        }

        return items;
    }

    private static QueuedEvent[] CreateEvents(List<TrackItem> items)
    {
        var events = new QueuedEvent[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            events[i] = QueuedEvent.Create(items[i]);
        }

        return events;
    }
}
