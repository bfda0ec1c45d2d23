using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrainingCli.SampleData;

/// <summary>
/// The built-in sample project as file documents. Each document is a JSON tree, which <see cref="ToText"/> writes as
/// JSON or YAML.
/// </summary>
internal static class ProjectDocuments
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    /// <summary>Returns the model configuration: the language, the NLU pipeline and the dialogue policies.</summary>
    public static JsonObject Config() => new()
    {
        ["language"] = SampleProject.Language,
        ["pipeline"] = NamedList(SampleProject.Pipeline),
        ["policies"] = NamedList(SampleProject.Policies),
    };

    /// <summary>Returns the domain: intents, entities, slots, forms, actions and responses.</summary>
    public static JsonObject Domain() => new()
    {
        ["intents"] = StringArray(SampleProject.Intents.Select(intent => intent.Name)),
        ["entities"] = StringArray(SampleProject.Entities),
        ["slots"] = new JsonObject(SampleProject.Slots.Select(slot =>
            KeyValue(slot, new JsonObject { ["type"] = "text", ["from_entity"] = slot }))),
        ["forms"] = new JsonObject(SampleProject.Forms.Select(form =>
            KeyValue(form.Key, new JsonObject { ["required_slots"] = StringArray(form.Value) }))),
        ["actions"] = StringArray(SampleProject.CustomActions),
        ["responses"] = Responses()["responses"]!.DeepClone(),
    };

    /// <summary>Returns the NLU training data: examples, synonyms, regular expressions and lookup tables.</summary>
    public static JsonObject Nlu() => Nlu(KeywordIntentClassifier.SampleProjectExamples());

    /// <summary>Returns NLU training data with the given (intent, annotated example) pairs.</summary>
    public static JsonObject Nlu(IEnumerable<(string Intent, string Example)> examples) => new()
    {
        ["examples"] = new JsonArray([.. examples.Select(pair => ExampleNode(pair.Intent, pair.Example))]),
        ["synonyms"] = new JsonObject(SampleProject.Synonyms.Select(pair => KeyValue(pair.Key, pair.Value))),
        ["regexes"] = new JsonObject(SampleProject.RegularExpressions.Select(pair => KeyValue(pair.Key, pair.Value))),
        ["lookup_tables"] = new JsonObject(SampleProject.LookupTables.Select(pair =>
            KeyValue(pair.Key, StringArray(pair.Value)))),
    };

    /// <summary>Returns the stories, each as a list of intent and action steps.</summary>
    public static JsonObject Stories() => Stories(SampleProject.Stories);

    /// <summary>Returns the given stories, each as a list of intent and action steps.</summary>
    public static JsonObject Stories(IEnumerable<Story> stories) => new()
    {
        ["stories"] = new JsonArray([.. stories.Select(story => new JsonObject
        {
            ["story"] = story.Name,
            ["steps"] = new JsonArray([.. story.Steps.Select(StepNode)]),
        })]),
    };

    /// <summary>Returns the response templates.</summary>
    public static JsonObject Responses() => Responses(SampleProject.Responses);

    /// <summary>Returns the given response templates, keyed by response name.</summary>
    public static JsonObject Responses(IEnumerable<KeyValuePair<string, string>> responses) => new()
    {
        ["responses"] = new JsonObject(responses.Select(pair =>
            KeyValue(pair.Key, new JsonArray(new JsonObject { ["text"] = pair.Value })))),
    };

    /// <summary>Returns the document that contains the given kind of training data.</summary>
    public static JsonObject ForDataType(TrainingDataType type) => type switch
    {
        TrainingDataType.Nlu => Nlu(),
        TrainingDataType.Core => Stories(),
        TrainingDataType.Nlg => Responses(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown training data type."),
    };

    /// <summary>Returns <paramref name="document"/> as text in the given format.</summary>
    public static string ToText(JsonObject document, DataFormat format) => format switch
    {
        DataFormat.Json => document.ToJsonString(IndentedJson) + "\n",
        DataFormat.Yaml => YamlWriter.Write(document),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown data format."),
    };

    /// <summary>
    /// Returns the project fingerprint: the SHA-256 of all documents as compact JSON, as 64 lower-case hex digits.
    /// It changes whenever the configuration or any training data changes.
    /// </summary>
    public static string Fingerprint()
    {
        var all = new JsonArray(Config(), Domain(), Nlu(), Stories());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(all.ToJsonString()));
        return Convert.ToHexStringLower(hash);
    }

    private static JsonObject ExampleNode(string intent, string annotatedExample)
    {
        var example = AnnotatedExample.Parse(annotatedExample);
        return new JsonObject
        {
            ["text"] = example.Text,
            ["intent"] = intent,
            ["entities"] = new JsonArray([.. example.Entities.Select(entity => new JsonObject
            {
                ["start"] = entity.Start,
                ["end"] = entity.End,
                ["value"] = entity.Value,
                ["entity"] = entity.Entity,
            })]),
        };
    }

    private static JsonObject StepNode(string step)
    {
        var (kind, name) = Story.SplitStep(step);
        return new JsonObject { [kind] = name };
    }

    private static JsonArray NamedList(IEnumerable<string> names) =>
        new([.. names.Select(name => new JsonObject { ["name"] = name })]);

    private static JsonArray StringArray(IEnumerable<string> values) =>
        new([.. values.Select(value => JsonValue.Create(value))]);

    private static KeyValuePair<string, JsonNode?> KeyValue(string key, JsonNode? value) =>
        new(key, value);
}
