using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// Turns a generator run into snapshot files: one per generated source, ordered by hint name, and one list of
/// diagnostics when the generator reported any.
/// </summary>
internal static partial class SnapshotRenderer
{
    public const string VersionToken = "{version}";

    public static IReadOnlyList<SnapshotFile> Render(GeneratorDriverRunResult result)
    {
        var files = new List<SnapshotFile>();

        var sources = result.Results
            .SelectMany(generatorResult => generatorResult.GeneratedSources)
            .OrderBy(source => source.HintName, StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var content = $"//HintName: {source.HintName}\n{source.SourceText}";
            files.Add(new SnapshotFile("#" + RemoveCsExtension(source.HintName), "cs", Normalize(content)));
        }

        if (!result.Diagnostics.IsEmpty)
        {
            var lines = result.Diagnostics
                .Select(DiagnosticLine.Format)
                .OrderBy(line => line, StringComparer.Ordinal);
            files.Add(new SnapshotFile("", "txt", Normalize(string.Join("\n", lines) + "\n")));
        }

        return files;
    }

    /// <summary>
    /// Converts line endings to <c>\n</c> and replaces the tool version in
    /// <c>GeneratedCode("Telemetry.Generators", "...")</c> with <see cref="VersionToken"/>, so that snapshots
    /// survive a version bump and a Windows checkout.
    /// </summary>
    public static string Normalize(string text)
    {
        var unixText = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return GeneratedCodeVersion().Replace(unixText, "${prefix}" + VersionToken + "${suffix}");
    }

    private static string RemoveCsExtension(string hintName) =>
        hintName.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? hintName[..^".cs".Length] : hintName;

    [GeneratedRegex("""(?<prefix>GeneratedCode(?:Attribute)?\(\s*"Telemetry\.Generators"\s*,\s*")[^"]*(?<suffix>")""")]
    private static partial Regex GeneratedCodeVersion();
}
