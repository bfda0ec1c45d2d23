using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TrainingCli.CommandLine;
using TrainingCli.SampleData;
using TrainingCli.Telemetry;

namespace TrainingCli.Commands;

/// <summary><c>init</c>: writes the sample project's files into a directory and sends Project Created.</summary>
internal static class InitCommand
{
    private const string ForceOption = "--force";

    public static CommandDefinition Definition { get; } = new(
        "init",
        "Create a new project from the built-in sample in DIRECTORY (default: the current directory).",
        [OptionDefinition.Flag(ForceOption, "Overwrite project files that already exist.")],
        Run,
        ArgumentsSyntax: "[DIRECTORY]",
        MaxArguments: 1);

    private static int Run(CommandContext context, CommandArguments arguments)
    {
        var directory = context.ResolvePath(arguments.Positionals.Count > 0 ? arguments.Positionals[0] : ".");
        var files = ProjectFiles().ToDictionary(file => Path.Combine(directory, file.RelativePath), file => file.Text);

        var existing = files.Keys.FirstOrDefault(File.Exists);
        if (existing is not null && !arguments.Has(ForceOption))
        {
            throw new CommandFailedException(
                $"File {existing} already exists. Choose an empty directory, or pass {ForceOption} to overwrite it.");
        }

        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        Events.ProjectCreated(HashPath(directory));
        context.Messages.WriteLine($"Created a project with {files.Count} files in {directory}.");
        return ExitCodes.Success;
    }

    private static IEnumerable<(string RelativePath, string Text)> ProjectFiles()
    {
        yield return ("config.yml", Yaml(ProjectDocuments.Config()));
        yield return ("domain.yml", Yaml(ProjectDocuments.Domain()));
        yield return (Path.Combine("data", "nlu.yml"), Yaml(ProjectDocuments.Nlu()));
        yield return (Path.Combine("data", "stories.yml"), Yaml(ProjectDocuments.Stories()));
    }

    private static string Yaml(JsonObject document) => ProjectDocuments.ToText(document, DataFormat.Yaml);

    /// <summary>Returns the SHA-256 of the path's UTF-8 bytes as 64 lower-case hex digits.</summary>
    // NOTE: an unsalted hash of a path can be reversed by hashing likely paths. A keyed hash with the secret in the
    // telemetry config file would prevent that, but the runtime keeps that secret internal and offers no keyed hash
    // for event properties.
    private static string HashPath(string absolutePath) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(absolutePath)));
}
