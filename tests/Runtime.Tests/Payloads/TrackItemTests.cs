using System;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Payloads;

public sealed class TrackItemTests
{
    [Fact]
    public void WriteTo_WritesMembersInOrder()
    {
        TrackItem item = SampleItems.CreateTrainingStarted();

        Assert.Equal(SampleItems.TrainingStartedJson, item.ToString());
    }

    [Fact]
    public void Timestamp_ConvertedToUtcWithMilliseconds()
    {
        var item = new TrackItem(
            "id",
            "anon",
            "Event",
            new TelemetryProperties(),
            new TelemetryProperties(),
            new DateTimeOffset(2024, 1, 1, 0, 30, 0, 5, TimeSpan.FromHours(1)).AddTicks(7777));

        Assert.Equal(
            "{\"type\":\"track\",\"messageId\":\"id\",\"anonymousId\":\"anon\",\"event\":\"Event\","
            + "\"properties\":{},\"context\":{},\"timestamp\":\"2023-12-31T23:30:00.005Z\"}",
            item.ToString());
    }

    [Fact]
    public void Constructor_NullArgumentsThrow()
    {
        var empty = new TelemetryProperties();
        DateTimeOffset now = SampleItems.TrackedAt;

        Assert.Equal(
            "messageId",
            Assert.Throws<ArgumentNullException>(() => new TrackItem(null!, "a", "e", empty, empty, now)).ParamName);
        Assert.Equal(
            "anonymousId",
            Assert.Throws<ArgumentNullException>(() => new TrackItem("m", null!, "e", empty, empty, now)).ParamName);
        Assert.Equal(
            "eventName",
            Assert.Throws<ArgumentNullException>(() => new TrackItem("m", "a", null!, empty, empty, now)).ParamName);
        Assert.Equal(
            "properties",
            Assert.Throws<ArgumentNullException>(() => new TrackItem("m", "a", "e", null!, empty, now)).ParamName);
        Assert.Equal(
            "context",
            Assert.Throws<ArgumentNullException>(() => new TrackItem("m", "a", "e", empty, null!, now)).ParamName);
    }
}
