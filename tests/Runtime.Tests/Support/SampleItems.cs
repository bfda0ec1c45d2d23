using System;
using System.Collections.Generic;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// Fixed track items and their expected JSON, shared by payload and sink tests.
/// </summary>
internal static class SampleItems
{
    public static readonly DateTimeOffset TrackedAt = new(2024, 3, 9, 14, 5, 7, 250, TimeSpan.Zero);

    public static readonly DateTimeOffset SentAt = new(2024, 3, 9, 14, 5, 8, 0, TimeSpan.Zero);

    public const string TrainingStartedJson =
        "{\"type\":\"track\",\"messageId\":\"00000000-0000-0000-0000-000000000001\",\"anonymousId\":\"anon-1\","
        + "\"event\":\"Training Started\",\"properties\":{\"model_type\":\"cnn\",\"epochs\":3,\"learning_rate\":0.001,"
        + "\"dropout\":0.5,\"price\":19.90,\"started\":\"2024-03-09T16:05:07.250Z\",\"duration\":1.5,"
        + "\"tags\":[\"a\",\"b\"],\"maybe\":null},\"context\":{\"library\":{\"name\":\"Telemetry.Generators\","
        + "\"version\":\"1.2.3\"}},\"timestamp\":\"2024-03-09T14:05:07.250Z\"}";

    /// <summary>
    /// Creates a "Training Started" item with numbers, dates, an array and a null. Call it under the culture being
    /// tested, because the values are captured when the item is created.
    /// </summary>
    public static TrackItem CreateTrainingStarted(string messageId = "00000000-0000-0000-0000-000000000001")
    {
        var properties = new TelemetryProperties(9);
        properties.Add("model_type", TelemetryValue.From("cnn"));
        properties.Add("epochs", TelemetryValue.From(3));
        properties.Add("learning_rate", TelemetryValue.From(0.001));
        properties.Add("dropout", TelemetryValue.From(0.5f));
        properties.Add("price", TelemetryValue.From(19.90m));
        properties.Add(
            "started",
            TelemetryValue.From(new DateTimeOffset(2024, 3, 9, 18, 5, 7, 250, TimeSpan.FromHours(2))));
        properties.Add("duration", TelemetryValue.From(TimeSpan.FromMilliseconds(1500)));
        properties.Add("tags", TelemetryValue.FromSequence(new List<string> { "a", "b" }, TelemetryValue.From));
        properties.Add("maybe", TelemetryValue.Null);

        var library = new TelemetryProperties(2);
        library.Add("name", TelemetryValue.From("Telemetry.Generators"));
        library.Add("version", TelemetryValue.From("1.2.3"));
        var context = new TelemetryProperties(1);
        context.Add("library", TelemetryValue.FromObject(library));

        return new TrackItem(messageId, "anon-1", "Training Started", properties, context, TrackedAt);
    }

    /// <summary>
    /// Creates a small item whose only property is the given string.
    /// </summary>
    public static TrackItem CreateSimple(string messageId, string eventName, string text)
    {
        var properties = new TelemetryProperties(1);
        properties.Add("text", TelemetryValue.From(text));
        return new TrackItem(messageId, "anon-1", eventName, properties, new TelemetryProperties(), TrackedAt);
    }
}
