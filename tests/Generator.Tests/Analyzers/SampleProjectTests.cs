using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// The sample command-line tool, compiled with the generator and every analyzer, as its own build does.
/// </summary>
public sealed class SampleProjectTests
{
    [Fact]
    public void TrainingCli_ReportsNothing()
    {
        var sampleDirectory = Path.GetFullPath(
            Path.Combine(TestProjectDirectory.FullPath, "..", "..", "samples", "TrainingCli"));
        var paths = Directory.EnumerateFiles(sampleDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(sampleDirectory, path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(paths);

        var run = AnalyzerHarness.Run(new ConsumerProject
        {
            // The sample's project file sets the same naming policy.
            Settings = AnalyzerVerifier.WithNaming("SnakeCase"),
            Files = paths.Select(path => (path, File.ReadAllText(path))).ToList(),
            OutputKind = OutputKind.ConsoleApplication,

            // The sample also uses [GeneratedRegex], which the SDK's regex generator implements.
            OtherGenerators = LoadSdkGenerators("System.Text.RegularExpressions.Generator.dll"),
        });

        Assert.Contains(run.GeneratorRun.GeneratedSources, source => source.HintName.Contains("Events"));
        Assert.True(
            run.Reported.IsEmpty,
            "The sample reports:\n" + string.Join("\n", run.Reported.Select(DiagnosticLine.Format)));
    }

    private static bool IsBuildOutput(string projectDirectory, string path)
    {
        var first = Path.GetRelativePath(projectDirectory, path).Split(Path.DirectorySeparatorChar)[0];
        return first is "obj" or "bin";
    }

    /// <summary>
    /// Loads the generators of one assembly from the targeting pack of the .NET runtime these tests run on, which
    /// is where a build of a net10.0 project takes them from.
    /// </summary>
    private static IReadOnlyList<ISourceGenerator> LoadSdkGenerators(string fileName)
    {
        // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDirectory = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var dotnetRoot = runtimeDirectory.Parent!.Parent!.Parent!.FullName;
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var path = Path.Combine(packs, runtimeDirectory.Name, "analyzers", "dotnet", "cs", fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The SDK's {fileName} was not found at '{path}'. Install the .NET SDK that matches the runtime "
                    + "running these tests, which includes the Microsoft.NETCore.App.Ref targeting pack.",
                path);
        }

        var reference = new AnalyzerFileReference(path, new DefaultContextLoader());
        return reference.GetGenerators(LanguageNames.CSharp);
    }

    /// <summary>Loads analyzer assemblies into the default context, where this process's Roslyn already is.</summary>
    private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
