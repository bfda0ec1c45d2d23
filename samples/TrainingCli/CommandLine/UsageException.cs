using System;

namespace TrainingCli.CommandLine;

/// <summary>
/// An invalid command line: an unknown command or option, a missing or invalid value, or an unexpected argument.
/// The tool prints the message and the usage text, and exits with <see cref="ExitCodes.UsageError"/>.
/// </summary>
internal sealed class UsageException(string message, CommandDefinition? command = null) : Exception(message)
{
    /// <summary>The command whose usage text to print, or null for the general usage text.</summary>
    public CommandDefinition? Command { get; } = command;
}
