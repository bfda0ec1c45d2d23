using System.IO;
using TrainingCli.CommandLine;
using TrainingCli.SampleData;
using TrainingCli.Telemetry;

namespace TrainingCli.Commands;

/// <summary>
/// <c>data convert</c>: writes one kind of training data in another file format and sends Training Data Converted.
/// </summary>
internal static class DataConvertCommand
{
    private const string FormatOption = "--format";
    private const string OutputOption = "--out";

    public static CommandDefinition Definition { get; } = new(
        "data convert",
        "Write training data of one kind (nlu, the default, core or nlg) in another file format.",
        [
            OptionDefinition.WithValue(FormatOption, "FORMAT", "Output format: json (the default) or yaml."),
            OptionDefinition.WithValue(OutputOption, "FILE", "File to write (default: converted_TYPE.json or .yml)."),
        ],
        Run,
        ArgumentsSyntax: "[nlu|core|nlg]",
        MaxArguments: 1);

    private static int Run(CommandContext context, CommandArguments arguments)
    {
        var type = arguments.GetEnumArgument(0, "the data type", TrainingDataType.Nlu);
        var format = arguments.GetEnum(FormatOption, DataFormat.Json);
        var formatName = format.ToString().ToLowerInvariant();
        var extension = format == DataFormat.Json ? "json" : "yml";
        var defaultPath = $"converted_{type.ToString().ToLowerInvariant()}.{extension}";
        var path = context.ResolvePath(arguments.GetString(OutputOption, defaultPath)!);

        var text = ProjectDocuments.ToText(ProjectDocuments.ForDataType(type), format);
        File.WriteAllText(path, text);

        Events.TrainingDataConverted(formatName, type);
        context.Messages.WriteLine($"Wrote {text.Length} characters of {formatName} to {path}.");
        return ExitCodes.Success;
    }
}
