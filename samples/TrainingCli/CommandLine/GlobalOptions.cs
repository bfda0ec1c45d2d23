using System;
using System.Collections.Generic;

namespace TrainingCli.CommandLine;

/// <summary>Options that every command accepts, before or after the command name.</summary>
/// <param name="WriteKey">Segment write key given with <c>--write-key</c>, or null.</param>
/// <param name="Endpoint">Base URL of a Segment-compatible API given with <c>--endpoint</c>, or null.</param>
/// <param name="HelpRequested">Whether <c>--help</c> or <c>-h</c> was given.</param>
internal sealed record GlobalOptions(string? WriteKey, Uri? Endpoint, bool HelpRequested)
{
    public const string WriteKeyOption = "--write-key";
    public const string EndpointOption = "--endpoint";
    public const string HelpOption = "--help";
    public const string ShortHelpOption = "-h";

    /// <summary>Global options as the usage text lists them.</summary>
    public static IReadOnlyList<OptionDefinition> Definitions { get; } =
    [
        OptionDefinition.WithValue(
            WriteKeyOption,
            "KEY",
            "Segment write key. Events are sent to Segment instead of printed. Overrides the environment variable "
                + "TRAINING_CLI_TELEMETRY_WRITE_KEY and a key built into the tool."),
        OptionDefinition.WithValue(
            EndpointOption,
            "URL",
            "Base URL of a Segment-compatible API to send events to, such as http://127.0.0.1:8080/. "
                + "Needs a write key."),
        OptionDefinition.Flag(HelpOption, "Show this help, or a command's help when given after the command."),
    ];
}
