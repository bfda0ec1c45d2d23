using System.Linq;
using TrainingCli.CommandLine;
using TrainingCli.SampleData;
using TrainingCli.Telemetry;

namespace TrainingCli.Commands;

/// <summary>
/// <c>interactive</c>: prepares an interactive-learning session on the sample stories and sends Interactive
/// Learning Started. The sample stops before the first conversation turn.
/// </summary>
internal static class InteractiveCommand
{
    private const string SkipVisualizationOption = "--skip-visualization";
    private const string EndToEndOption = "--e2e";

    public static CommandDefinition Definition { get; } = new(
        "interactive",
        "Prepare an interactive-learning session, in which you correct the bot and save the result as stories.",
        [
            OptionDefinition.Flag(SkipVisualizationOption, "Do not draw the story graph during the session."),
            OptionDefinition.Flag(EndToEndOption, "Save stories end to end, with the user's text."),
        ],
        Run);

    private static int Run(CommandContext context, CommandArguments arguments)
    {
        var skipVisualization = arguments.Has(SkipVisualizationOption);
        var saveInEndToEnd = arguments.Has(EndToEndOption);

        Events.InteractiveLearningStarted(skipVisualization, saveInEndToEnd);

        var turns = SampleProject.Stories.Sum(story => story.Steps.Count);
        context.Messages.WriteLine(
            $"Loaded {SampleProject.Stories.Count} stories with {turns} turns for interactive learning.");
        context.Messages.WriteLine(skipVisualization
            ? "The story graph is not drawn."
            : "The story graph is drawn as the conversation goes on.");
        context.Messages.WriteLine(saveInEndToEnd
            ? "New stories will be saved with the user's text."
            : "New stories will be saved with intents.");
        context.Messages.WriteLine("The sample has no conversation to learn from, so the session ends now.");
        return ExitCodes.Success;
    }
}
