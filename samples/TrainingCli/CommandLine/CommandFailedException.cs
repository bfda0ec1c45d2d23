using System;

namespace TrainingCli.CommandLine;

/// <summary>
/// A command that ran and failed. The tool prints the message and exits with <see cref="ExitCodes.CommandFailed"/>.
/// </summary>
internal sealed class CommandFailedException(string message) : Exception(message);
