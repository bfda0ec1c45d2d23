using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TrainingCli.CommandLine;

/// <summary>Builds the usage text that <c>--help</c> prints and that follows every command-line error.</summary>
internal static class HelpText
{
    private const string ToolName = "TrainingCli";
    private const int DescriptionColumn = 30;
    private const int LineWidth = 110;

    /// <summary>Returns the general usage text: every command, the global options and the exit codes.</summary>
    public static string General(IReadOnlyList<CommandDefinition> commands)
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: {ToolName} [GLOBAL OPTIONS] COMMAND [OPTIONS] [ARGUMENTS]");
        text.AppendLine();
        text.AppendLine("A command-line tool for training and serving a chatbot model. It works on a small built-in");
        text.AppendLine("restaurant-assistant project, does no real machine learning, and reports what it does as");
        text.AppendLine("product-analytics events.");
        text.AppendLine();

        text.AppendLine("Commands:");
        foreach (var command in commands)
        {
            AppendRow(text, command.Syntax, command.Summary);
        }

        text.AppendLine();
        AppendGlobalOptions(text);
        text.AppendLine();
        AppendValueSyntax(text);
        text.AppendLine();
        AppendTelemetryAndExitCodes(text);
        text.AppendLine();
        text.AppendLine($"Run '{ToolName} COMMAND --help' for the options of a command.");
        return text.ToString();
    }

    /// <summary>Returns the usage text of one command: its syntax, summary, options and subcommands.</summary>
    public static string ForCommand(CommandDefinition command)
    {
        var text = new StringBuilder();
        var optionsSyntax = command.Options.Count > 0 ? " [OPTIONS]" : "";
        text.AppendLine($"Usage: {ToolName} [GLOBAL OPTIONS] {command.Name}{optionsSyntax} {command.ArgumentsSyntax}"
            .TrimEnd());
        text.AppendLine();
        foreach (var line in WrapWords(command.Summary, LineWidth))
        {
            text.AppendLine(line);
        }

        if (command.Options.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Options:");
            foreach (var option in command.Options)
            {
                AppendRow(text, option.Syntax, option.Description);
            }
        }

        if (command.Subcommands.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Subcommands:");
            foreach (var subcommand in command.Subcommands)
            {
                AppendRow(text, subcommand.Syntax, subcommand.Summary);
            }
        }

        text.AppendLine();
        AppendGlobalOptions(text);
        text.AppendLine();
        AppendValueSyntax(text);

        if (command.Subcommands.Count > 0)
        {
            text.AppendLine();
            text.AppendLine($"Run '{ToolName} {command.Name} SUBCOMMAND --help' for the options of a subcommand.");
        }

        return text.ToString();
    }

    private static void AppendGlobalOptions(StringBuilder text)
    {
        text.AppendLine("Global options:");
        foreach (var option in GlobalOptions.Definitions)
        {
            var syntax = option.Name == GlobalOptions.HelpOption
                ? $"{GlobalOptions.ShortHelpOption}, {option.Syntax}"
                : option.Syntax;
            AppendRow(text, syntax, option.Description);
        }
    }

    private static void AppendValueSyntax(StringBuilder text)
    {
        var option = GlobalOptions.WriteKeyOption;
        var note = "An option that takes a value accepts it as the next argument or after '=', as in "
            + $"{option} KEY or {option}=KEY. Flags take no value, and no option may be given twice.";
        foreach (var line in WrapWords(note, LineWidth))
        {
            text.AppendLine(line);
        }
    }

    private static void AppendTelemetryAndExitCodes(StringBuilder text)
    {
        text.AppendLine("Telemetry:");
        text.AppendLine("  The tool sends anonymous usage data unless you opt out. The first run prints a notice to");
        text.AppendLine("  standard error. Run 'TrainingCli telemetry' to see whether telemetry is on and how to");
        text.AppendLine("  change it. DO_NOT_TRACK=1 or TRAINING_CLI_TELEMETRY_ENABLED=false turns it off in one");
        text.AppendLine("  environment.");
        text.AppendLine("  Without a write key, the Segment batches that would be sent are printed to standard output");
        text.AppendLine("  as JSON, and progress messages go to standard error.");
        text.AppendLine();
        text.AppendLine("Exit codes:");
        text.AppendLine($"  {ExitCodes.Success}  success");
        text.AppendLine($"  {ExitCodes.CommandFailed}  the command failed");
        text.AppendLine($"  {ExitCodes.UsageError}  invalid command line");
    }

    /// <summary>Appends an indented row with the description wrapped into its own column.</summary>
    private static void AppendRow(StringBuilder text, string syntax, string description)
    {
        var lines = WrapWords(description, LineWidth - DescriptionColumn).ToList();
        var first = "  " + syntax;

        if (first.Length >= DescriptionColumn)
        {
            text.AppendLine(first);
            first = "";
        }

        text.AppendLine(first.PadRight(DescriptionColumn) + lines[0]);
        foreach (var line in lines.Skip(1))
        {
            text.AppendLine(new string(' ', DescriptionColumn) + line);
        }
    }

    private static IEnumerable<string> WrapWords(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        yield return line.ToString();
    }
}
