using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace TrainingCli.Tests.Infrastructure;

/// <summary>JSON type that an event property must have.</summary>
internal enum PropertyKind
{
    String,
    NullableString,
    Integer,
    Number,
    Boolean,
    StringList,
}

/// <summary>
/// The events that the sample must send, with the exact property keys and types that dashboards built for the
/// original Python tool expect. The original also sends <c>metrics_id</c>, which this product carries as
/// <c>anonymousId</c> instead.
/// </summary>
internal static class EventCatalogue
{
    private static readonly Dictionary<string, PropertyKind> TrainingOutcome = new()
    {
        ["training_id"] = PropertyKind.String,
        ["type"] = PropertyKind.String,
        ["runtime"] = PropertyKind.Integer,
    };

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, PropertyKind>> Events { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, PropertyKind>>
        {
            ["Training Started"] = new Dictionary<string, PropertyKind>
            {
                ["training_id"] = PropertyKind.String,
                ["type"] = PropertyKind.String,
                ["language"] = PropertyKind.NullableString,
                ["pipeline"] = PropertyKind.StringList,
                ["policies"] = PropertyKind.StringList,
                ["num_intent_examples"] = PropertyKind.Integer,
                ["num_entity_examples"] = PropertyKind.Integer,
                ["num_actions"] = PropertyKind.Integer,
                ["num_templates"] = PropertyKind.Integer,
                ["num_slots"] = PropertyKind.Integer,
                ["num_forms"] = PropertyKind.Integer,
                ["num_intents"] = PropertyKind.Integer,
                ["num_entities"] = PropertyKind.Integer,
                ["num_story_steps"] = PropertyKind.Integer,
                ["num_lookup_tables"] = PropertyKind.Integer,
                ["num_synonyms"] = PropertyKind.Integer,
                ["num_regexes"] = PropertyKind.Integer,
                ["is_finetuning"] = PropertyKind.Boolean,
            },
            ["Training Completed"] = TrainingOutcome,
            ["Training Failed"] = TrainingOutcome,
            ["Telemetry Disabled"] = new Dictionary<string, PropertyKind>(),
            ["Training Data Split"] = new Dictionary<string, PropertyKind>
            {
                ["fraction"] = PropertyKind.Number,
                ["type"] = PropertyKind.String,
            },
            ["Training Data Validated"] = new Dictionary<string, PropertyKind>
            {
                ["validation_success"] = PropertyKind.Boolean,
            },
            ["Training Data Converted"] = new Dictionary<string, PropertyKind>
            {
                ["output_format"] = PropertyKind.String,
                ["type"] = PropertyKind.String,
            },
            ["Tracker Exported"] = new Dictionary<string, PropertyKind>
            {
                ["number_of_exported_events"] = PropertyKind.Integer,
                ["tracker_store"] = PropertyKind.String,
                ["event_broker"] = PropertyKind.String,
            },
            ["Interactive Learning Started"] = new Dictionary<string, PropertyKind>
            {
                ["skip_visualization"] = PropertyKind.Boolean,
                ["save_in_e2e"] = PropertyKind.Boolean,
            },
            ["Server Started"] = new Dictionary<string, PropertyKind>
            {
                ["input_channels"] = PropertyKind.StringList,
                ["api_enabled"] = PropertyKind.Boolean,
                ["number_of_workers"] = PropertyKind.Integer,
                ["endpoints_nlg"] = PropertyKind.NullableString,
                ["endpoints_nlu"] = PropertyKind.NullableString,
                ["endpoints_action_server"] = PropertyKind.NullableString,
                ["endpoints_model_server"] = PropertyKind.NullableString,
                ["endpoints_tracker_store"] = PropertyKind.NullableString,
                ["endpoints_lock_store"] = PropertyKind.NullableString,
                ["endpoints_event_broker"] = PropertyKind.NullableString,
                ["project"] = PropertyKind.NullableString,
            },
            ["Project Created"] = new Dictionary<string, PropertyKind>
            {
                ["init_directory"] = PropertyKind.String,
            },
            ["Shell Started"] = new Dictionary<string, PropertyKind>
            {
                ["type"] = PropertyKind.String,
            },
            ["Rasa X Local Started"] = new Dictionary<string, PropertyKind>(),
            ["Story Visualization Started"] = new Dictionary<string, PropertyKind>(),
            ["Model Core Tested"] = new Dictionary<string, PropertyKind>
            {
                ["project"] = PropertyKind.NullableString,
                ["end_to_end"] = PropertyKind.Boolean,
                ["num_story_steps"] = PropertyKind.Integer,
            },
            ["Model NLU Tested"] = new Dictionary<string, PropertyKind>
            {
                ["num_intent_examples"] = PropertyKind.Integer,
                ["num_entity_examples"] = PropertyKind.Integer,
                ["num_lookup_tables"] = PropertyKind.Integer,
                ["num_synonyms"] = PropertyKind.Integer,
                ["num_regexes"] = PropertyKind.Integer,
            },
        };

    /// <summary>
    /// Asserts that the track item's event is in the catalogue and that its properties have exactly the catalogue's
    /// keys, each with the catalogue's JSON type.
    /// </summary>
    public static void AssertConforms(JsonElement item)
    {
        var eventName = item.GetProperty("event").GetString()!;
        Assert.True(Events.ContainsKey(eventName), $"Event '{eventName}' is not in the catalogue.");
        var expected = Events[eventName];

        var properties = item.TryGetProperty("properties", out var value) ? value : default;
        var actualKeys = properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().Select(property => property.Name).Order().ToList()
            : [];
        Assert.Equal(expected.Keys.Order().ToList(), actualKeys);

        foreach (var (key, kind) in expected)
        {
            var property = properties.GetProperty(key);
            Assert.True(HasKind(property, kind), $"{eventName}.{key} should be {kind} but is {property.GetRawText()}.");
        }
    }

    private static bool HasKind(JsonElement value, PropertyKind kind) => kind switch
    {
        PropertyKind.String => value.ValueKind == JsonValueKind.String,
        PropertyKind.NullableString => value.ValueKind is JsonValueKind.String or JsonValueKind.Null,
        PropertyKind.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        PropertyKind.Number => value.ValueKind == JsonValueKind.Number,
        PropertyKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        PropertyKind.StringList => value.ValueKind == JsonValueKind.Array
            && value.EnumerateArray().All(element => element.ValueKind == JsonValueKind.String),
        _ => false,
    };
}
