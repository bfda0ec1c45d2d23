using System;
using System.Globalization;
using System.Linq;
using TrainingCli.CommandLine;
using TrainingCli.SampleData;
using TrainingCli.Telemetry;

namespace TrainingCli.Commands;

/// <summary>
/// <c>shell</c> and <c>shell nlu</c>: read messages from standard input until it ends or a line is
/// <c>/stop</c>, and reply to each with the bot's response or the predicted intent. Both send Shell Started.
/// </summary>
internal static class ShellCommands
{
    private const string StopCommand = "/stop";

    public static CommandDefinition Nlu { get; } = new(
        "shell nlu",
        "Talk to the language model: each line read from standard input gets its intent and confidence.",
        [],
        (context, _) => RunShell(context, TrainingType.Nlu));

    // Static initializers run in the order written, so Chat comes after the subcommand that it lists.
    public static CommandDefinition Chat { get; } = new(
        "shell",
        "Talk to the whole model: each line read from standard input gets the bot's reply.",
        [],
        (context, _) => RunShell(context, TrainingType.Rasa))
    {
        Subcommands = [Nlu],
    };

    private static int RunShell(CommandContext context, TrainingType type)
    {
        Events.ShellStarted(type);

        var classifier = KeywordIntentClassifier.TrainOnSampleProject();
        context.Messages.WriteLine($"Type a message and press Enter. End input or type {StopCommand} to quit.");

        while (context.Input.ReadLine() is { } line && line.Trim() != StopCommand)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var (intent, confidence) = classifier.Predict(line);
            var answer = type == TrainingType.Nlu
                ? $"intent: {intent ?? "none"}, confidence: {confidence.ToString("0.00", CultureInfo.InvariantCulture)}"
                : ReplyTo(intent);
            context.Messages.WriteLine(answer);
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Returns the first response that a story gives to the intent before the user's next turn, as the memorizing
    /// policy would.
    /// </summary>
    private static string ReplyTo(string? intent)
    {
        foreach (var story in SampleProject.Stories)
        {
            var steps = story.Steps.ToList();
            var index = steps.IndexOf($"intent:{intent}");
            if (index < 0)
            {
                continue;
            }

            var response = steps
                .Skip(index + 1)
                .TakeWhile(step => !step.StartsWith("intent:", StringComparison.Ordinal))
                .FirstOrDefault(step => step.StartsWith("action:utter_", StringComparison.Ordinal));
            if (response is not null)
            {
                return SampleProject.Responses[response["action:".Length..]];
            }
        }

        return "Sorry, I did not understand that.";
    }
}
