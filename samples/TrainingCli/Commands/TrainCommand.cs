using System;
using TrainingCli.CommandLine;
using TrainingCli.SampleData;
using TrainingCli.Telemetry;

namespace TrainingCli.Commands;

/// <summary>
/// <c>train</c>: "trains" a model on the sample project. It sends Training Started, then Training Completed or,
/// when training throws, Training Failed, all three with the same training id.
/// </summary>
internal static class TrainCommand
{
    private const string TypeOption = "--type";
    private const string FinetuneOption = "--finetune";
    private const string FailOption = "--fail";
    private const int Epochs = 3;

    public static CommandDefinition Definition { get; } = new(
        "train",
        "Train a model on the sample project.",
        [
            OptionDefinition.WithValue(TypeOption, "TYPE", "Part of the model to train: rasa (both parts, the "
                + "default), core (dialogue management) or nlu (language understanding)."),
            OptionDefinition.Flag(FinetuneOption, "Continue training the previous model instead of starting anew."),
            OptionDefinition.Flag(FailOption, "Make the training fail, to show the Training Failed event. "
                + "Exits with code 1."),
        ],
        Run);

    private static int Run(CommandContext context, CommandArguments arguments)
    {
        var type = arguments.GetEnum(TypeOption, TrainingType.Rasa);
        var isFinetuning = arguments.Has(FinetuneOption);
        var statistics = TrainingDataStatistics.ForSampleProject(type);
        var trainingId = Guid.NewGuid().ToString("N");

        SendTrainingStarted(trainingId, type, statistics, isFinetuning);
        var started = context.Clock.GetTimestamp();

        try
        {
            Train(context, type, isFinetuning, simulateFailure: arguments.Has(FailOption));
        }
        catch (InvalidOperationException exception)
        {
            Events.TrainingFailed(trainingId, type, WholeSecondsSince(context.Clock, started));
            throw new CommandFailedException($"Training failed: {exception.Message}");
        }

        Events.TrainingCompleted(trainingId, type, WholeSecondsSince(context.Clock, started));
        return ExitCodes.Success;
    }

    /// <summary>Returns the time elapsed on <paramref name="clock"/> since a timestamp, in whole seconds.</summary>
    internal static int WholeSecondsSince(TimeProvider clock, long startTimestamp) =>
        (int)clock.GetElapsedTime(startTimestamp).TotalSeconds;

    private static void SendTrainingStarted(
        string trainingId,
        TrainingType type,
        TrainingDataStatistics statistics,
        bool isFinetuning)
    {
        Events.TrainingStarted(
            trainingId,
            type,
            statistics.Language,
            statistics.Pipeline,
            statistics.Policies,
            numIntentExamples: statistics.IntentExamples,
            numEntityExamples: statistics.EntityExamples,
            numActions: statistics.Actions,
            numTemplates: statistics.Responses,
            numSlots: statistics.Slots,
            numForms: statistics.Forms,
            numIntents: statistics.Intents,
            numEntities: statistics.Entities,
            numStorySteps: statistics.StorySteps,
            numLookupTables: statistics.LookupTables,
            numSynonyms: statistics.Synonyms,
            numRegexes: statistics.RegularExpressions,
            isFinetuning: isFinetuning);
    }

    /// <summary>Stands in for training: builds the keyword vocabulary and reports one line per epoch.</summary>
    /// <exception cref="InvalidOperationException">Training failed.</exception>
    private static void Train(CommandContext context, TrainingType type, bool isFinetuning, bool simulateFailure)
    {
        var mode = isFinetuning ? "Fine-tuning" : "Training";
        context.Messages.WriteLine($"{mode} model type {type.ToString().ToLowerInvariant()} on the sample project.");

        var vocabulary = $"vocabulary of {KeywordIntentClassifier.TrainOnSampleProject().VocabularySize} words";
        var stories = $"{SampleProject.Stories.Count} stories memorized";
        var progress = type switch
        {
            TrainingType.Core => stories,
            TrainingType.Nlu => vocabulary,
            _ => $"{vocabulary}, {stories}",
        };

        for (var epoch = 1; epoch <= Epochs; epoch++)
        {
            if (simulateFailure && epoch == Epochs)
            {
                throw new InvalidOperationException(
                    $"epoch {epoch} of {Epochs} raised a simulated error ({FailOption}).");
            }

            context.Messages.WriteLine($"Epoch {epoch}/{Epochs}: {progress}.");
        }

        context.Messages.WriteLine("Training completed. The sample writes no model file.");
    }
}
