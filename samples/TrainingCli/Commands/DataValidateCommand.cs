using System.Collections.Generic;
using System.Linq;
using TrainingCli.CommandLine;
using TrainingCli.SampleData;
using TrainingCli.Telemetry;

namespace TrainingCli.Commands;

/// <summary>
/// <c>data validate</c>: checks that the stories, examples and domain agree, and sends Training Data Validated.
/// </summary>
internal static class DataValidateCommand
{
    private const string FailOnWarningsOption = "--fail-on-warnings";

    public static CommandDefinition Definition { get; } = new(
        "data validate",
        "Check that the stories, examples and domain agree. Exits with code 1 when an error is found.",
        [OptionDefinition.Flag(FailOnWarningsOption, "Also fail on warnings, such as a response no story uses.")],
        Run);

    private static int Run(CommandContext context, CommandArguments arguments)
    {
        var errors = FindErrors().ToList();
        var warnings = FindWarnings().ToList();
        var success = errors.Count == 0 && (warnings.Count == 0 || !arguments.Has(FailOnWarningsOption));

        Events.TrainingDataValidated(success);

        foreach (var error in errors)
        {
            context.Messages.WriteLine($"error: {error}");
        }

        foreach (var warning in warnings)
        {
            context.Messages.WriteLine($"warning: {warning}");
        }

        if (!success)
        {
            throw new CommandFailedException(
                $"Validation failed with {errors.Count} error(s) and {warnings.Count} warning(s).");
        }

        context.Messages.WriteLine($"Validation passed with {warnings.Count} warning(s).");
        return ExitCodes.Success;
    }

    private static IEnumerable<string> FindErrors()
    {
        var intents = SampleProject.Intents.Select(intent => intent.Name).ToHashSet();
        var actions = SampleProject.Responses.Keys
            .Concat(SampleProject.CustomActions)
            .Concat(SampleProject.Forms.Keys)
            .ToHashSet();

        foreach (var story in SampleProject.Stories)
        {
            foreach (var step in story.Steps)
            {
                var (kind, name) = Story.SplitStep(step);
                if (kind == "intent" && !intents.Contains(name))
                {
                    yield return $"story '{story.Name}' uses intent '{name}', which has no examples.";
                }
                else if (kind == "action" && !actions.Contains(name))
                {
                    yield return $"story '{story.Name}' uses action '{name}', which the domain does not declare.";
                }
            }
        }

        var annotatedEntities = SampleProject.Intents
            .SelectMany(intent => intent.Examples)
            .SelectMany(example => AnnotatedExample.Parse(example).Entities)
            .Select(entity => entity.Entity)
            .Distinct();
        foreach (var entity in annotatedEntities.Except(SampleProject.Entities))
        {
            yield return $"examples annotate entity '{entity}', which the domain does not declare.";
        }
    }

    /// <summary>
    /// Finds responses that no story uses. A form requests each of its slots with <c>utter_ask_SLOT</c>, so those
    /// responses count as used.
    /// </summary>
    private static IEnumerable<string> FindWarnings()
    {
        var used = SampleProject.Stories
            .SelectMany(story => story.Steps)
            .Select(Story.SplitStep)
            .Where(step => step.Kind == "action")
            .Select(step => step.Name)
            .Concat(SampleProject.Forms.Values.SelectMany(slots => slots).Select(slot => $"utter_ask_{slot}"))
            .ToHashSet();

        return SampleProject.Responses.Keys
            .Where(response => !used.Contains(response))
            .Select(response => $"response '{response}' is not used in any story.");
    }
}
