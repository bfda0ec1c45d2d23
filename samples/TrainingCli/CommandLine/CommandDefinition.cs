using System.Collections.Generic;

namespace TrainingCli.CommandLine;

/// <summary>Runs a command and returns its exit code.</summary>
internal delegate int CommandHandler(CommandContext context, CommandArguments arguments);

/// <summary>
/// A command the tool accepts: its name (one or two words, such as <c>data split</c>), its options and positional
/// arguments, and the handler that runs it.
/// </summary>
/// <param name="Name">Command words separated by single spaces.</param>
/// <param name="Summary">One-line description for the usage text.</param>
/// <param name="Options">Options the command accepts, besides the global options.</param>
/// <param name="Run">Handler that runs the command.</param>
/// <param name="ArgumentsSyntax">Positional arguments as the usage text shows them, or empty for none.</param>
/// <param name="MaxArguments">Maximum number of positional arguments.</param>
internal sealed record CommandDefinition(
    string Name,
    string Summary,
    IReadOnlyList<OptionDefinition> Options,
    CommandHandler Run,
    string ArgumentsSyntax = "",
    int MaxArguments = 0)
{
    /// <summary>The command's words, for example <c>["data", "split"]</c>.</summary>
    public IReadOnlyList<string> Words { get; } = Name.Split(' ');

    /// <summary>The command with its positional arguments as the usage text shows it.</summary>
    public string Syntax => ArgumentsSyntax.Length == 0 ? Name : $"{Name} {ArgumentsSyntax}";

    /// <summary>
    /// Commands that extend this command's name by one word, such as <c>test core</c> for <c>test</c>, which the
    /// command's usage text lists. The parser finds commands in the catalog and does not read this list.
    /// </summary>
    public IReadOnlyList<CommandDefinition> Subcommands { get; init; } = [];

    /// <summary>
    /// Whether the command shows or records the user's telemetry decision itself. For such a command the tool
    /// creates its client in opt-in mode, so no first-run notice is printed and no consent is recorded before the
    /// command runs.
    /// </summary>
    public bool HandlesConsent { get; init; }
}
