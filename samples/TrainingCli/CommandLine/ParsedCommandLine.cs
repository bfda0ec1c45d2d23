using System.Diagnostics.CodeAnalysis;

namespace TrainingCli.CommandLine;

/// <summary>
/// A parsed command line. When help is requested, <see cref="Arguments"/> is null and <see cref="Command"/> is the
/// command whose help to show, or null for the general help. Otherwise both are set.
/// </summary>
internal sealed record ParsedCommandLine(
    GlobalOptions Global,
    CommandDefinition? Command,
    CommandArguments? Arguments)
{
    /// <summary>Whether <c>--help</c> or <c>-h</c> was given, in which case no command runs.</summary>
    [MemberNotNullWhen(false, nameof(Command), nameof(Arguments))]
    public bool HelpRequested => Global.HelpRequested;
}
