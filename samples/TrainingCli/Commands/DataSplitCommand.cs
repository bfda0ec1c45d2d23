using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TrainingCli.CommandLine;
using TrainingCli.SampleData;
using TrainingCli.Telemetry;

namespace TrainingCli.Commands;

/// <summary>
/// <c>data split</c>: splits one kind of training data into a training and a test file and sends Training Data
/// Split. NLU examples are split per intent, so that each intent with two or more examples appears in both parts.
/// </summary>
internal static class DataSplitCommand
{
    private const string FractionOption = "--fraction";
    private const string OutputOption = "--out";
    private const double DefaultFraction = 0.8;
    private const string DefaultOutputDirectory = "train_test_split";

    public static CommandDefinition Definition { get; } = new(
        "data split",
        "Split training data of one kind (nlu, the default, core or nlg) into a training and a test file.",
        [
            OptionDefinition.WithValue(FractionOption, "F", "Share of the data for training, greater than 0 and "
                + "less than 1 (default: 0.8)."),
            OptionDefinition.WithValue(OutputOption, "DIRECTORY",
                $"Directory to write the two files to (default: {DefaultOutputDirectory})."),
        ],
        Run,
        ArgumentsSyntax: "[nlu|core|nlg]",
        MaxArguments: 1);

    private static int Run(CommandContext context, CommandArguments arguments)
    {
        var type = arguments.GetEnumArgument(0, "the data type", TrainingDataType.Nlu);
        var fraction = arguments.GetDouble(FractionOption, DefaultFraction);
        if (fraction is <= 0 or >= 1)
        {
            throw arguments.InvalidValue(
                FractionOption,
                arguments.GetString(FractionOption)!,
                "a number greater than 0 and less than 1");
        }

        var (training, test, trainingCount, testCount) = Split(type, fraction);

        var directory = context.ResolvePath(arguments.GetString(OutputOption, DefaultOutputDirectory)!);
        var name = type.ToString().ToLowerInvariant();
        Directory.CreateDirectory(directory);
        WriteYaml(Path.Combine(directory, $"train_{name}.yml"), training);
        WriteYaml(Path.Combine(directory, $"test_{name}.yml"), test);

        Events.TrainingDataSplit(fraction, type);
        context.Messages.WriteLine(
            $"Split {trainingCount + testCount} {name} items into {trainingCount} for training and {testCount} for "
            + $"testing, written to {directory}.");
        return ExitCodes.Success;
    }

    private static (JsonObject Training, JsonObject Test, int TrainingCount, int TestCount) Split(
        TrainingDataType type,
        double fraction)
    {
        switch (type)
        {
            case TrainingDataType.Nlu:
                var examples = KeywordIntentClassifier.SampleProjectExamples().ToList();
                var (trainingExamples, testExamples) = SplitGroups(examples, pair => pair.Intent, fraction);
                return (ProjectDocuments.Nlu(trainingExamples), ProjectDocuments.Nlu(testExamples),
                    trainingExamples.Count, testExamples.Count);

            case TrainingDataType.Core:
                var (trainingStories, testStories) = SplitGroups(SampleProject.Stories, _ => "", fraction);
                return (ProjectDocuments.Stories(trainingStories), ProjectDocuments.Stories(testStories),
                    trainingStories.Count, testStories.Count);

            case TrainingDataType.Nlg:
                var responses = SampleProject.Responses.ToList();
                var (trainingResponses, testResponses) = SplitGroups(responses, _ => "", fraction);
                return (ProjectDocuments.Responses(trainingResponses), ProjectDocuments.Responses(testResponses),
                    trainingResponses.Count, testResponses.Count);

            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown training data type.");
        }
    }

    /// <summary>
    /// Splits items so that each group keeps its first <paramref name="fraction"/> of items, rounded to the nearest
    /// whole item, for training, and the rest for testing.
    /// </summary>
    private static (List<T> Training, List<T> Test) SplitGroups<T>(
        IReadOnlyList<T> items,
        Func<T, string> groupOf,
        double fraction)
    {
        var training = new List<T>();
        var test = new List<T>();

        foreach (var group in items.GroupBy(groupOf))
        {
            var trainingCount = (int)Math.Round(group.Count() * fraction, MidpointRounding.AwayFromZero);
            training.AddRange(group.Take(trainingCount));
            test.AddRange(group.Skip(trainingCount));
        }

        return (training, test);
    }

    private static void WriteYaml(string path, JsonObject document) =>
        File.WriteAllText(path, ProjectDocuments.ToText(document, DataFormat.Yaml));
}
