using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests;

/// <summary>
/// One set of event declarations, written in C# 7.3, built the way the strictest consumers build: the oldest
/// supported language version, XML documentation on, and every warning an error.
/// </summary>
[Collection(DefaultClientCollection.Name)]
public sealed class ConsumerMatrixTests
{
    private const string Source = """
        using System.Collections.Generic;
        using Telemetry.Generators;

        namespace MyApp.Cli
        {
            /// <summary>Model families.</summary>
            public enum ModelKind
            {
                /// <summary>Open source.</summary>
                Rasa,

                /// <summary>Commercial.</summary>
                RasaPro,
            }

            /// <summary>Telemetry of the command-line tool.</summary>
            public static partial class CliEvents
            {
                [TelemetryEvent("Training Started")]
                static partial void TrainingStarted(ModelKind modelType, bool isFinetuning, int numStorySteps);

                [TelemetryEvent("Training Finished")]
                static partial void TrainingFinished(
                    TelemetryClient client,
                    double seconds,
                    List<string> languages,
                    Dictionary<string, int> counts,
                    int? exitCode,
                    string comment);

                /// <summary>Sends one event through the default client and one through a given client.</summary>
                /// <param name="client">The client for the second event.</param>
                public static void Run(TelemetryClient client)
                {
                    TrainingStarted(ModelKind.RasaPro, false, 12);
                    TrainingFinished(
                        client,
                        2.5,
                        new List<string> { "en", "de" },
                        new Dictionary<string, int> { { "stories", 3 } },
                        null,
                        "done");
                }
            }
        }
        """;

    public static TheoryData<LanguageVersion, NullableContextOptions> Matrix => new()
    {
        { LanguageVersion.CSharp7_3, NullableContextOptions.Disable },
        { LanguageVersion.CSharp8, NullableContextOptions.Disable },
        { LanguageVersion.CSharp8, NullableContextOptions.Enable },
        { LanguageVersion.CSharp9, NullableContextOptions.Warnings },
        { LanguageVersion.CSharp10, NullableContextOptions.Annotations },
        { LanguageVersion.CSharp11, NullableContextOptions.Disable },
        { LanguageVersion.CSharp12, NullableContextOptions.Disable },
        { LanguageVersion.Latest, NullableContextOptions.Disable },
    };

    [Fact]
    public void CSharp73_MatchesSnapshot()
    {
        var settings = Settings(LanguageVersion.CSharp7_3, NullableContextOptions.Disable);

        Snapshot.Verify(GeneratorHarness.Run(settings, Source));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void StrictConsumer_BuildsCleanAndSends(LanguageVersion version, NullableContextOptions nullable)
    {
        using var defaultRecorder = TelemetryRecorder.InstallAsDefault();
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(Settings(version, nullable), Source);

        assembly.InvokeStatic("MyApp.Cli.CliEvents", "Run", recorder.Client);

        var started = defaultRecorder.FlushSingleItem();
        Assert.Equal("Training Started", started.Event);
        Assert.Equal(
            """{"model_type":"rasa_pro","is_finetuning":false,"num_story_steps":12}""",
            started.Properties.ToString());
        var finished = recorder.FlushSingleItem();
        Assert.Equal("Training Finished", finished.Event);
        Assert.Equal(
            """{"seconds":2.5,"languages":["en","de"],"counts":{"stories":3},"exit_code":null,"comment":"done"}""",
            finished.Properties.ToString());
    }

    private static ProjectSettings Settings(LanguageVersion version, NullableContextOptions nullable) =>
        ProjectSettings.Default with
        {
            LanguageVersion = version,
            Nullable = nullable,
            DocumentationMode = DocumentationMode.Diagnose,
        };
}
