using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// Compiles <c>WrongDeclarations.cs.txt</c>, a file of wrong declarations, and compares the diagnostics with the
/// <c>expect:</c> comments in it.
/// </summary>
public sealed partial class WrongDeclarationsTests
{
    private static readonly string SourcePath =
        Path.Combine(TestProjectDirectory.FullPath, "Analyzers", "WrongDeclarations.cs.txt");

    [Fact]
    public void WrongDeclarations_ReportExactlyExpected()
    {
        var source = File.ReadAllText(SourcePath);
        var run = AnalyzerHarness.Run(ProjectSettings.Default, [source]);

        var expected = ReadExpectations(source);
        var actual = run.Reported
            .Select(diagnostic => $"{diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}: {diagnostic.Id}")
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void WrongDeclarations_CoverEveryDeclarationRule()
    {
        var ids = ReadExpectations(File.ReadAllText(SourcePath)).Select(line => line.Split(": ")[1]).ToHashSet();

        for (var rule = 1; rule <= 13; rule++)
        {
            Assert.Contains($"TEL{rule:D4}", ids);
        }
    }

    /// <summary>Returns "line: id" for each id in an <c>expect:</c> comment, with 1-based lines, sorted.</summary>
    private static List<string> ReadExpectations(string source)
    {
        var lines = source.Split('\n');
        var expected = new List<string>();
        for (var index = 0; index < lines.Length; index++)
        {
            var match = ExpectComment().Match(lines[index]);
            if (!match.Success)
            {
                continue;
            }

            foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                expected.Add($"{index + 1}: {id}");
            }
        }

        return expected.OrderBy(line => line, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"// expect: (?<ids>[A-Z0-9, ]+)$")]
    private static partial Regex ExpectComment();
}
