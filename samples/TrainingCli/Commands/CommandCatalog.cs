using System.Collections.Generic;
using TrainingCli.CommandLine;

namespace TrainingCli.Commands;

/// <summary>Every command of the tool, in the order the usage text lists them.</summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        InitCommand.Definition,
        TrainCommand.Definition,
        TestCommands.Both,
        TestCommands.Core,
        TestCommands.Nlu,
        ShellCommands.Chat,
        ShellCommands.Nlu,
        RunCommand.Definition,
        InteractiveCommand.Definition,
        VisualizeCommand.Definition,
        DataSplitCommand.Definition,
        DataValidateCommand.Definition,
        DataConvertCommand.Definition,
        ExportCommand.Definition,
        TelemetryCommands.Status,
        TelemetryCommands.Enable,
        TelemetryCommands.Disable,
    ];
}
