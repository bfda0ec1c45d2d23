using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Values;

/// <summary>
/// Property keys and enum values under each <c>TelemetryPropertyNaming</c> policy, and the
/// <c>[TelemetryProperty]</c> rename, which every policy leaves as written.
/// </summary>
public sealed class PropertyNamingTests
{
    private const string Source = """
        using Telemetry.Generators;

        namespace MyApp;

        public enum ModelKind
        {
            Rasa,
            RasaPro,
        }

        public static partial class Events
        {
            [TelemetryEvent("Naming Checked")]
            public static partial void NamingChecked(
                TelemetryClient client,
                int numStorySteps,
                string @event,
                ModelKind modelKind,
                [TelemetryProperty("type")] string modelType,
                [TelemetryProperty("Custom Key")] bool isFinetuning);

            public static void Run(TelemetryClient client) =>
                NamingChecked(client, 12, "opened", ModelKind.RasaPro, "nlu", true);
        }
        """;

    public static TheoryData<string, string> Policies => new()
    {
        {
            "SnakeCase",
            """{"num_story_steps":12,"event":"opened","model_kind":"rasa_pro","type":"nlu","Custom Key":true}"""
        },
        {
            "CamelCase",
            """{"numStorySteps":12,"event":"opened","modelKind":"rasaPro","type":"nlu","Custom Key":true}"""
        },
        {
            "PascalCase",
            """{"NumStorySteps":12,"Event":"opened","ModelKind":"RasaPro","type":"nlu","Custom Key":true}"""
        },
        {
            "KebabCase",
            """{"num-story-steps":12,"event":"opened","model-kind":"rasa-pro","type":"nlu","Custom Key":true}"""
        },
        {
            "AsDeclared",
            """{"numStorySteps":12,"event":"opened","modelKind":"RasaPro","type":"nlu","Custom Key":true}"""
        },
    };

    [Theory]
    [InlineData("SnakeCase")]
    [InlineData("CamelCase")]
    [InlineData("PascalCase")]
    [InlineData("KebabCase")]
    [InlineData("AsDeclared")]
    public void Policy_MatchesSnapshot(string policy)
    {
        var settings = ProjectSettings.Default.WithBuildProperty("TelemetryPropertyNaming", policy);

        Snapshot.Verify(GeneratorHarness.Run(settings, Source), variant: policy);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Policy_SendsConvertedKeys(string policy, string expectedJson)
    {
        var settings = ProjectSettings.Default.WithBuildProperty("TelemetryPropertyNaming", policy);
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(settings, Source);

        assembly.InvokeStatic("MyApp.Events", "Run", recorder.Client);

        var item = recorder.FlushSingleItem();
        Assert.Equal(expectedJson, item.Properties.ToString());
    }

    [Fact]
    public void UnsetPolicy_UsesSnakeCase()
    {
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(Source);

        assembly.InvokeStatic("MyApp.Events", "Run", recorder.Client);

        var item = recorder.FlushSingleItem();
        Assert.Equal(
            """{"num_story_steps":12,"event":"opened","model_kind":"rasa_pro","type":"nlu","Custom Key":true}""",
            item.Properties.ToString());
    }

    [Fact]
    public void PolicyName_IgnoresCase()
    {
        var settings = ProjectSettings.Default.WithBuildProperty("TelemetryPropertyNaming", "kebabcase");
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(settings, Source);

        assembly.InvokeStatic("MyApp.Events", "Run", recorder.Client);

        var item = recorder.FlushSingleItem();
        Assert.StartsWith("""{"num-story-steps":12""", item.Properties.ToString());
    }

    [Fact]
    public void InvalidPolicy_ReportsDiagnostic()
    {
        var settings = ProjectSettings.Default.WithBuildProperty("TelemetryPropertyNaming", "ScreamingCase");

        Snapshot.Verify(GeneratorHarness.Run(settings, Source), expectedDiagnosticIds: ["TEL0100"]);
    }
}
