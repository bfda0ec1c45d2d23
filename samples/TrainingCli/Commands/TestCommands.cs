using System.Linq;
using TrainingCli.CommandLine;
using TrainingCli.SampleData;
using TrainingCli.Telemetry;

namespace TrainingCli.Commands;

/// <summary>
/// <c>test</c>, <c>test core</c> and <c>test nlu</c>: evaluate the dialogue model on the stories and the language
/// model on the examples, and send Model Core Tested and Model NLU Tested.
/// </summary>
internal static class TestCommands
{
    private const string EndToEndOption = "--e2e";

    private static readonly OptionDefinition EndToEnd =
        OptionDefinition.Flag(EndToEndOption, "Test stories end to end, from the user's text instead of intents.");

    public static CommandDefinition Core { get; } = new(
        "test core",
        "Test the dialogue model on the stories.",
        [EndToEnd],
        (context, arguments) =>
        {
            TestCore(context, arguments.Has(EndToEndOption));
            return ExitCodes.Success;
        });

    public static CommandDefinition Nlu { get; } = new(
        "test nlu",
        "Test the language model on the examples, leaving each example out of training in turn.",
        [],
        (context, _) =>
        {
            TestNlu(context);
            return ExitCodes.Success;
        });

    // Static initializers run in the order written, so Both comes after the subcommands that it lists.
    public static CommandDefinition Both { get; } = new(
        "test",
        "Test the dialogue model, then the language model.",
        [EndToEnd],
        (context, arguments) =>
        {
            TestCore(context, arguments.Has(EndToEndOption));
            TestNlu(context);
            return ExitCodes.Success;
        })
    {
        Subcommands = [Core, Nlu],
    };

    /// <summary>
    /// Replays every story. The stand-in dialogue model memorized the stories, so each one passes. With end-to-end
    /// testing, a story passes only if the keyword classifier also recognizes an example of each user turn.
    /// </summary>
    private static void TestCore(CommandContext context, bool endToEnd)
    {
        var classifier = KeywordIntentClassifier.TrainOnSampleProject();
        var passed = SampleProject.Stories.Count(story => !endToEnd || story.Steps
            .Where(step => step.StartsWith("intent:", System.StringComparison.Ordinal))
            .All(step => RecognizesAnExample(classifier, step["intent:".Length..])));

        context.Messages.WriteLine($"Core test: {passed} of {SampleProject.Stories.Count} stories passed"
            + (endToEnd ? " end to end." : "."));

        Events.ModelCoreTested(ProjectDocuments.Fingerprint(), endToEnd, SampleProject.Stories.Count);
    }

    /// <summary>Runs leave-one-out cross-validation of the keyword classifier over every example.</summary>
    private static void TestNlu(CommandContext context)
    {
        var examples = KeywordIntentClassifier.SampleProjectExamples().ToList();
        var correct = 0;

        for (var i = 0; i < examples.Count; i++)
        {
            var classifier = KeywordIntentClassifier.Train(examples.Where((_, index) => index != i));
            if (classifier.Predict(examples[i].Example).Intent == examples[i].Intent)
            {
                correct++;
            }
        }

        context.Messages.WriteLine($"NLU test: {correct} of {examples.Count} examples classified correctly.");

        var statistics = TrainingDataStatistics.ForSampleProject(TrainingType.Nlu);
        Events.ModelNluTested(
            numIntentExamples: statistics.IntentExamples,
            numEntityExamples: statistics.EntityExamples,
            numLookupTables: statistics.LookupTables,
            numSynonyms: statistics.Synonyms,
            numRegexes: statistics.RegularExpressions);
    }

    private static bool RecognizesAnExample(KeywordIntentClassifier classifier, string intent) =>
        SampleProject.Intents
            .Single(candidate => candidate.Name == intent)
            .Examples.Any(example => classifier.Predict(example).Intent == intent);
}
