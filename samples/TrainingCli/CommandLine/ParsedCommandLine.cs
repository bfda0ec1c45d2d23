namespace TrainingCli.CommandLine;

/// <summary>
/// A parsed command line. <see cref="Command"/> and <see cref="Arguments"/> are null only when help was requested
/// without a command.
/// </summary>
internal sealed record ParsedCommandLine(
    GlobalOptions Global,
    CommandDefinition? Command,
    CommandArguments? Arguments);
