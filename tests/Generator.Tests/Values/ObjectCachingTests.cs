using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Values;

/// <summary>
/// Incremental behaviour of object parameters, whose model depends on types declared in another file: unrelated
/// edits keep every step cached, step outputs hold no compiler objects, and an edit to a nested type's properties
/// reaches the generated helper.
/// </summary>
public sealed class ObjectCachingTests
{
    private const string EventsSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Run Finished")]
            public static partial void RunFinished(TelemetryClient client, Run run);
        }
        """;

    private const string TypesSource = """
        using System.Collections.Generic;

        namespace MyApp;

        public enum Stage { DataLoading, Training }

        public record Point(int X, int Y);

        public record Run(string Name, Stage Stage, List<Point> Points);

        public static class Helper
        {
            public static int Compute() => 1;
        }
        """;

    private static readonly ProjectSettings Settings = ProjectSettings.Default;

    private static readonly string[] TrackingNameValues =
        [TrackingNames.Methods, TrackingNames.Options, TrackingNames.Types];

    [Fact]
    public void UnrelatedEdit_CachesEveryStep()
    {
        var (driver, compilation) = RunOnce();
        var typesTree = compilation.SyntaxTrees.Single(tree => tree.FilePath == "Input1.cs");
        var editedTree = ReplaceText(typesTree, "Compute() => 1;", "Compute() => 2;");

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(typesTree, editedTree)).GetRunResult();

        var notCached = new List<string>();
        foreach (var name in TrackingNameValues)
        {
            foreach (var (_, reason) in StepsNamed(result, name).SelectMany(step => step.Outputs))
            {
                if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                {
                    notCached.Add($"{name}: {reason}");
                }
            }
        }

        Assert.True(notCached.Count == 0, "Steps not cached after an unrelated edit:\n" + string.Join("\n", notCached));
    }

    [Fact]
    public void NestedTypeEdit_UpdatesHelper()
    {
        var (driver, compilation) = RunOnce();
        var typesTree = compilation.SyntaxTrees.Single(tree => tree.FilePath == "Input1.cs");
        var editedTree = ReplaceText(typesTree, "record Point(int X, int Y);", "record Point(int X, int Y, int Z);");

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(typesTree, editedTree)).GetRunResult();

        var generated = Assert.Single(result.GeneratedTrees).ToString();
        Assert.Contains("properties.Add(\"z\", ", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void StepOutputs_HoldNoCompilerObjects()
    {
        var (driver, _) = RunOnce();
        var result = driver.GetRunResult();

        var leaks = new List<string>();
        foreach (var name in TrackingNameValues)
        {
            var outputs = StepsNamed(result, name).SelectMany(step => step.Outputs).ToList();
            for (var index = 0; index < outputs.Count; index++)
            {
                leaks.AddRange(CompilerObjectFinder.FindPaths(outputs[index].Value, $"{name}.Outputs[{index}]"));
            }
        }

        Assert.True(leaks.Count == 0, "Step outputs reach compiler objects:\n" + string.Join("\n", leaks));
    }

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce()
    {
        var compilation = GeneratorHarness.CreateCompilation(Settings, [EventsSource, TypesSource]);
        var driver = GeneratorHarness.CreateDriver(Settings, new TelemetryEventGenerator(), trackSteps: true)
            .RunGenerators(compilation);

        var firstResult = driver.GetRunResult().Results.Single();
        Assert.Null(firstResult.Exception);
        var generated = Assert.Single(firstResult.GeneratedSources).SourceText.ToString();
        Assert.Contains("__TelemetryObject1(global::MyApp.Run value)", generated, StringComparison.Ordinal);
        return (driver, compilation);
    }

    private static IReadOnlyList<IncrementalGeneratorRunStep> StepsNamed(GeneratorDriverRunResult result, string name)
    {
        var trackedSteps = result.Results.Single().TrackedSteps;
        Assert.True(trackedSteps.ContainsKey(name), $"No tracked step is named '{name}'.");
        return trackedSteps[name];
    }

    private static SyntaxTree ReplaceText(SyntaxTree tree, string oldText, string newText)
    {
        var text = tree.ToString();
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        return tree.WithChangedText(SourceText.From(text.Replace(oldText, newText, StringComparison.Ordinal)));
    }
}
