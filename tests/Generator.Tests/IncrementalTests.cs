using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests;

/// <summary>
/// Caching of the generator's tracked steps across edits that do not touch event declarations, and the absence of
/// compiler objects in step outputs, which would keep compilations alive and defeat the cache.
/// </summary>
public sealed class IncrementalTests
{
    private const string EventsSource = """
        using System.Collections.Generic;
        using Telemetry.Generators;

        namespace MyApp;

        public enum ModelKind
        {
            Rasa,
            RasaPro,
        }

        public partial class Events
        {
            private readonly TelemetryClient client;

            public Events(TelemetryClient client)
            {
                this.client = client;
            }

            public int Compute() => 1;

            [TelemetryEvent("Training Started")]
            public partial void TrainingStarted(ModelKind modelType, List<string> languages, int? steps);

            [TelemetryEvent("Training Finished")]
            public static partial void TrainingFinished(TelemetryClient client, double seconds);
        }
        """;

    private const string OtherEventsSource = """
        using Telemetry.Generators;

        namespace MyApp.Serving;

        public static partial class ServingEvents
        {
            [TelemetryEvent("Model Served")]
            public static partial void ModelServed(string model);
        }
        """;

    private const string HelperSource = """
        namespace MyApp;

        public static class Helper
        {
            public static int Compute() => 1;
        }
        """;

    private static readonly ProjectSettings Settings =
        ProjectSettings.Default.WithBuildProperty("TelemetryPropertyNaming", "SnakeCase");

    public static IEnumerable<object[]> TrackingNameRows => TrackingNameValues().Select(name => new object[] { name });

    [Fact]
    public void TrackingNames_IncludeDocumentedSteps()
    {
        Assert.Contains(TrackingNames.Methods, TrackingNameValues());
        Assert.Contains(TrackingNames.Options, TrackingNameValues());
        Assert.Contains(TrackingNames.Types, TrackingNameValues());
    }

    [Fact]
    public void AddUnrelatedClass_CachesEveryStep()
    {
        var (driver, compilation) = RunOnce();
        var newTree = CSharpSyntaxTree.ParseText(
            "namespace MyApp; public static class Unrelated { public static int Value => 2; }",
            Settings.CreateParseOptions(),
            path: "Unrelated.cs");

        var result = driver.RunGenerators(compilation.AddSyntaxTrees(newTree)).GetRunResult();

        AssertEveryStepCached(result);
    }

    [Fact]
    public void OtherFileEdit_CachesEveryStep()
    {
        var (driver, compilation) = RunOnce();
        var helperTree = compilation.SyntaxTrees.Single(tree => tree.FilePath == "Input2.cs");
        var editedTree = ReplaceText(helperTree, "Compute() => 1;", "Compute() => 2;");

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(helperTree, editedTree)).GetRunResult();

        AssertEveryStepCached(result);
    }

    [Fact]
    public void SameFileEditAboveEvent_CachesEveryStep()
    {
        var (driver, compilation) = RunOnce();
        var eventsTree = compilation.SyntaxTrees.Single(tree => tree.FilePath == "Input0.cs");
        var editedTree = ReplaceText(eventsTree, "Compute() => 1;", "Compute() => 1 + 2 + 3;");

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(eventsTree, editedTree)).GetRunResult();

        AssertEveryStepCached(result);
    }

    [Fact]
    public void RenameEvent_ModifiesOutput()
    {
        var (driver, compilation) = RunOnce();
        var eventsTree = compilation.SyntaxTrees.Single(tree => tree.FilePath == "Input0.cs");
        var editedTree = ReplaceText(eventsTree, "\"Training Finished\"", "\"Training Completed\"");

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(eventsTree, editedTree)).GetRunResult();

        var reasons = result.Results.Single().TrackedOutputSteps.Values
            .SelectMany(steps => steps)
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        var eventsOutput = result.GeneratedTrees
            .Single(tree => tree.FilePath.EndsWith("MyApp.Events.g.cs", StringComparison.Ordinal));
        Assert.Contains("\"Training Completed\"", eventsOutput.ToString());
    }

    [Theory]
    [MemberData(nameof(TrackingNameRows))]
    public void StepOutputs_HoldNoCompilerObjects(string trackingName)
    {
        var (driver, compilation) = RunOnce();
        var firstRun = driver.GetRunResult();
        var secondRun = driver.RunGenerators(compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("class Unrelated { }", Settings.CreateParseOptions(), path: "Unrelated.cs")))
            .GetRunResult();

        var leaks = new List<string>();
        foreach (var (label, result) in new[] { ("first run", firstRun), ("second run", secondRun) })
        {
            var steps = StepsNamed(result, trackingName);
            for (var stepIndex = 0; stepIndex < steps.Count; stepIndex++)
            {
                var outputs = steps[stepIndex].Outputs;
                for (var outputIndex = 0; outputIndex < outputs.Length; outputIndex++)
                {
                    var root = $"{label}: {trackingName}[{stepIndex}].Outputs[{outputIndex}]";
                    leaks.AddRange(CompilerObjectFinder.FindPaths(outputs[outputIndex].Value, root));
                }
            }
        }

        Assert.True(leaks.Count == 0, "Step outputs reach compiler objects:\n" + string.Join("\n", leaks));
    }

    private static (GeneratorDriver Driver, Compilation Compilation) RunOnce()
    {
        var compilation = GeneratorHarness.CreateCompilation(Settings, [EventsSource, OtherEventsSource, HelperSource]);
        var driver = GeneratorHarness.CreateDriver(Settings, new TelemetryEventGenerator(), trackSteps: true)
            .RunGenerators(compilation);

        var firstResult = driver.GetRunResult().Results.Single();
        Assert.Null(firstResult.Exception);
        Assert.Equal(2, firstResult.GeneratedSources.Length);
        return (driver, compilation);
    }

    private static void AssertEveryStepCached(GeneratorDriverRunResult result) =>
        AssertStepsCached(result, TrackingNameValues());

    private static void AssertStepsCached(GeneratorDriverRunResult result, IEnumerable<string> trackingNames)
    {
        var failures = new List<string>();
        foreach (var trackingName in trackingNames)
        {
            var steps = StepsNamed(result, trackingName);
            for (var stepIndex = 0; stepIndex < steps.Count; stepIndex++)
            {
                foreach (var (_, reason) in steps[stepIndex].Outputs)
                {
                    if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                    {
                        failures.Add($"{trackingName}[{stepIndex}]: {reason}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, "Steps not cached after an unrelated edit:\n" + string.Join("\n", failures));
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
        Assert.Contains(oldText, text);
        var editedText = text.Replace(oldText, newText, StringComparison.Ordinal);
        return tree.WithChangedText(SourceText.From(editedText));
    }

    private static IEnumerable<string> TrackingNameValues() =>
        typeof(TrackingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!);
}
