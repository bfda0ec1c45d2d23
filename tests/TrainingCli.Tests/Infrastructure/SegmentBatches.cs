using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace TrainingCli.Tests.Infrastructure;

/// <summary>Reads Segment batch bodies, <c>{"batch": [...], "sentAt": "..."}</c>, from the sample's output.</summary>
internal static class SegmentBatches
{
    /// <summary>
    /// Parses text that contains zero or more JSON documents one after another, as the print sink writes them.
    /// </summary>
    /// <exception cref="JsonException">The text is not a sequence of JSON documents.</exception>
    public static IReadOnlyList<JsonElement> ParseBodies(string text)
    {
        var bodies = new List<JsonElement>();
        var reader = new Utf8JsonReader(
            Encoding.UTF8.GetBytes(text),
            new JsonReaderOptions { AllowMultipleValues = true });

        while (reader.Read())
        {
            using var document = JsonDocument.ParseValue(ref reader);
            bodies.Add(document.RootElement.Clone());
        }

        return bodies;
    }

    /// <summary>Returns the items of every batch in <paramref name="bodies"/>, in order.</summary>
    public static IReadOnlyList<JsonElement> Items(IEnumerable<JsonElement> bodies) =>
        bodies.SelectMany(body => body.GetProperty("batch").EnumerateArray()).ToList();

    /// <summary>Returns the <c>event</c> member of each item.</summary>
    public static IReadOnlyList<string> EventNames(IEnumerable<JsonElement> items) =>
        items.Select(item => item.GetProperty("event").GetString()!).ToList();
}
