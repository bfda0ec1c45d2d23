using System;
using System.Collections.Generic;

namespace TrainingCli.SampleData;

/// <summary>
/// A small restaurant-assistant project that every command works on, so that the tool needs no files to run.
/// </summary>
internal static class SampleProject
{
    /// <summary>Language code of the training examples.</summary>
    public const string Language = "en";

    /// <summary>Component names of the language-understanding pipeline, in execution order.</summary>
    public static IReadOnlyList<string> Pipeline { get; } =
    [
        "WhitespaceTokenizer",
        "WordCountFeaturizer",
        "KeywordIntentClassifier",
        "PatternEntityExtractor",
        "SynonymMapper",
    ];

    /// <summary>Dialogue policy names, in priority order.</summary>
    public static IReadOnlyList<string> Policies { get; } = ["StoryMemoizationPolicy", "RulePolicy", "FallbackPolicy"];

    /// <summary>
    /// Training examples grouped by intent. Entities are annotated inline as <c>[text](entity)</c>.
    /// </summary>
    public static IReadOnlyList<Intent> Intents { get; } =
    [
        new("greet", ["hello", "hi there", "good morning", "hey", "good evening"]),
        new("goodbye", ["bye", "see you later", "good night"]),
        new("thank", ["thanks", "thank you very much"]),
        new("ask_weather",
        [
            "what is the weather like",
            "will it rain in [Berlin](city) today",
            "how warm is it in [NYC](city)",
            "weather forecast for [Lisbon](city) please",
        ]),
        new("book_table",
        [
            "i want to book a table",
            "a table for [4](party_size) please",
            "book a table for [2](party_size) at [7pm](time)",
            "can we get a table at [8:30 pm](time) in [SF](city)",
        ]),
    ];

    /// <summary>Entity names that examples and slots refer to.</summary>
    public static IReadOnlyList<string> Entities { get; } = ["city", "party_size", "time"];

    /// <summary>Synonyms that map the annotated text on the left to the value on the right.</summary>
    public static IReadOnlyDictionary<string, string> Synonyms { get; } = new Dictionary<string, string>
    {
        ["NYC"] = "New York",
        ["SF"] = "San Francisco",
    };

    /// <summary>Regular expressions that help the entity extractor, keyed by entity name.</summary>
    public static IReadOnlyDictionary<string, string> RegularExpressions { get; } = new Dictionary<string, string>
    {
        ["party_size"] = @"\b\d{1,2}\b",
        ["time"] = @"\b\d{1,2}(:\d{2})?\s?(am|pm)\b",
    };

    /// <summary>Lookup tables of known entity values, keyed by entity name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LookupTables { get; } =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["city"] = ["Berlin", "Lisbon", "New York", "San Francisco", "Tokyo"],
        };

    /// <summary>Response templates, keyed by response name.</summary>
    public static IReadOnlyDictionary<string, string> Responses { get; } = new Dictionary<string, string>
    {
        ["utter_greet"] = "Hello! How can I help?",
        ["utter_goodbye"] = "Goodbye!",
        ["utter_you_are_welcome"] = "You are welcome.",
        ["utter_ask_city"] = "Which city?",
        ["utter_ask_party_size"] = "For how many people?",
        ["utter_ask_time"] = "At what time?",
        ["utter_table_booked"] = "Your table is booked.",
        ["utter_unused_promotion"] = "Ask about our lunch menu!",
    };

    /// <summary>Custom actions that the action server runs, in addition to the responses.</summary>
    public static IReadOnlyList<string> CustomActions { get; } = ["action_fetch_weather", "action_book_table"];

    /// <summary>Slots of the conversation state. Each is filled from the entity of the same name.</summary>
    public static IReadOnlyList<string> Slots { get; } = ["city", "party_size", "time"];

    /// <summary>Forms and the slots each one requests.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Forms { get; } =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["booking_form"] = ["party_size", "time"],
        };

    /// <summary>
    /// Stories and rules. Each step is <c>intent:NAME</c> for a user turn or <c>action:NAME</c> for a bot turn.
    /// </summary>
    public static IReadOnlyList<Story> Stories { get; } =
    [
        new("happy weather", ["intent:greet", "action:utter_greet", "intent:ask_weather", "action:utter_ask_city",
            "action:action_fetch_weather", "intent:thank", "action:utter_you_are_welcome"]),
        new("book a table", ["intent:greet", "action:utter_greet", "intent:book_table", "action:booking_form",
            "action:action_book_table", "action:utter_table_booked"]),
        new("say goodbye", ["intent:goodbye", "action:utter_goodbye"]),
        new("thank rule", ["intent:thank", "action:utter_you_are_welcome"]),
    ];

    /// <summary>Actions the domain declares: every response plus every custom action and form.</summary>
    public static int ActionCount => Responses.Count + CustomActions.Count + Forms.Count;
}

/// <summary>An intent and its training examples.</summary>
internal sealed record Intent(string Name, IReadOnlyList<string> Examples);

/// <summary>
/// A story or rule: a named sequence of steps, each <c>intent:NAME</c> for a user turn or <c>action:NAME</c> for a
/// bot turn.
/// </summary>
internal sealed record Story(string Name, IReadOnlyList<string> Steps)
{
    /// <summary>Splits a step into its kind, <c>intent</c> or <c>action</c>, and the intent or action name.</summary>
    public static (string Kind, string Name) SplitStep(string step)
    {
        var separator = step.IndexOf(':', StringComparison.Ordinal);
        return (step[..separator], step[(separator + 1)..]);
    }
}
