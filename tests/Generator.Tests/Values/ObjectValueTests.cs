using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Values;

/// <summary>
/// Classes, structs, records and interfaces sent as JSON objects: the exact JSON of each case in
/// <see cref="ObjectValueCases"/>, the generated helpers, naming policies, a getter that throws, and strict consumers.
/// The client is passed as a parameter or field, so these tests do not touch <see cref="TelemetryClient.Default"/>.
/// </summary>
public sealed class ObjectValueTests(ObjectValueTests.CompiledObjectEvents compiled)
    : IClassFixture<ObjectValueTests.CompiledObjectEvents>
{
    private const string HelperSource = """
        using System.Collections.Generic;
        using Telemetry.Generators;

        namespace MyApp;

        public enum Stage { DataLoading, Training }

        public record Point(int X, int Y);

        public struct Size
        {
            public int Width { get; set; }

            public int Height { get; set; }
        }

        public interface IShape
        {
            double Area { get; }
        }

        public sealed class Run
        {
            public string? Name { get; set; }

            public Stage Stage { get; set; }

            public int? Epochs { get; set; }

            public Size? Resolution { get; set; }

            public List<Point> Points { get; set; } = new();

            public IShape? Shape { get; set; }
        }

        public partial class Reporter
        {
            private readonly TelemetryClient client;

            public Reporter(TelemetryClient client)
            {
                this.client = client;
            }

            [TelemetryEvent("Run Finished")]
            public partial void RunFinished(Run run, Size size, Point? origin);
        }
        """;

    private const string LegacySource = """
        using System.Collections.Generic;
        using Telemetry.Generators;

        namespace MyApp.Legacy
        {
            internal enum Stage
            {
                DataLoading,
                Training,
            }

            internal sealed class Split
            {
                public double Train { get; set; }

                public double Test { get; set; }
            }

            internal struct Size
            {
                public int Width { get; set; }

                public int Height { get; set; }
            }

            internal sealed class Dataset
            {
                public string Name { get; set; } = "";

                public Split Split { get; set; } = new Split();

                public List<Size> Sizes { get; set; } = new List<Size>();

                public int? Epochs { get; set; }

                public Stage Stage { get; set; }
            }

            /// <summary>Telemetry of the legacy tool.</summary>
            public static partial class LegacyEvents
            {
                [TelemetryEvent("Dataset Loaded")]
                static partial void DatasetLoaded(TelemetryClient client, Dataset dataset, Size? size);

                /// <summary>Sends one event.</summary>
                /// <param name="client">The client to send through.</param>
                public static void Run(TelemetryClient client)
                {
                    var dataset = new Dataset
                    {
                        Name = "nlu",
                        Split = new Split { Train = 0.8, Test = 0.2 },
                        Sizes = new List<Size> { new Size { Width = 1, Height = 2 } },
                        Epochs = null,
                        Stage = Stage.DataLoading,
                    };
                    DatasetLoaded(client, dataset, null);
                }
            }
        }
        """;

    // Shared.Tagged is a record compiled with nullable annotations: IReadOnlyList<string?> Tags, Box<string?> Label.
    private const string MetadataRecordSource = """
        using Telemetry.Generators;

        namespace MyApp
        {
            internal static partial class LibraryEvents
            {
                [TelemetryEvent("Tagged")]
                static partial void Tagged(TelemetryClient client, Shared.Tagged tagged, Shared.Coordinates place);
            }
        }
        """;

    public static IEnumerable<object[]> CaseNames => ObjectValueCases.Names;

    public static TheoryData<LanguageVersion, NullableContextOptions> StrictSettings => new()
    {
        { LanguageVersion.CSharp7_3, NullableContextOptions.Disable },
        { LanguageVersion.CSharp8, NullableContextOptions.Enable },
        { LanguageVersion.CSharp9, NullableContextOptions.Warnings },
        { LanguageVersion.CSharp10, NullableContextOptions.Annotations },
        { LanguageVersion.Latest, NullableContextOptions.Disable },
        { LanguageVersion.Latest, NullableContextOptions.Enable },
    };

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Object_SendsExactJson(string caseName)
    {
        var valueCase = ObjectValueCases.Find(caseName);
        using var recorder = TelemetryRecorder.Create();

        compiled.Assembly.InvokeStatic("MyApp.Senders", "Send" + valueCase.Name, recorder.Client);

        var item = recorder.FlushSingleItem();
        Assert.Equal(valueCase.Name, item.Event);
        Assert.Equal($$"""{"value":{{valueCase.ExpectedJson}}}""", item.Properties.ToString());
    }

    [Fact]
    public void ThrowingGetter_DropsEventWithoutThrowing()
    {
        using var recorder = TelemetryRecorder.Create();

        compiled.Assembly.InvokeStatic("MyApp.Senders", "SendFaulty", recorder.Client);

        Assert.Empty(recorder.FlushItems());
        Assert.Equal(1, recorder.Client.DroppedCount);
    }

    [Fact]
    public void Helpers_MatchSnapshot() => Snapshot.Verify(GeneratorHarness.Run(HelperSource));

    [Fact]
    public void Helpers_SendFromInstanceMethod()
    {
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(HelperSource + """

            public static class Sender
            {
                public static void Send(TelemetryClient client)
                {
                    var run = new Run
                    {
                        Name = "r1",
                        Stage = Stage.Training,
                        Resolution = new Size { Width = 2, Height = 3 },
                        Points = { new Point(1, 2) },
                    };
                    new Reporter(client).RunFinished(run, new Size(), null);
                }
            }
            """);

        assembly.InvokeStatic("MyApp.Sender", "Send", recorder.Client);

        var item = recorder.FlushSingleItem();
        Assert.Equal("Run Finished", item.Event);
        Assert.Equal(
            """{"run":{"name":"r1","stage":"training","epochs":null,"resolution":{"width":2,"height":3},"points":"""
                + """[{"x":1,"y":2}],"shape":null},"size":{"width":0,"height":0},"origin":null}""",
            item.Properties.ToString());
    }

    [Fact]
    public void CamelCasePolicy_AppliesToMemberKeys()
    {
        var settings = ProjectSettings.Default.WithBuildProperty("TelemetryPropertyNaming", "CamelCase");
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(settings, """
            using Telemetry.Generators;

            namespace MyApp;

            public enum Stage { DataLoading, Training }

            public record ModelInfo(string ModelName, int StepCount, Stage CurrentStage);

            public static partial class Events
            {
                [TelemetryEvent("Model Built")]
                public static partial void ModelBuilt(TelemetryClient client, ModelInfo modelInfo);

                public static void Send(TelemetryClient client) =>
                    ModelBuilt(client, new ModelInfo("rasa", 2, Stage.DataLoading));
            }
            """);

        assembly.InvokeStatic("MyApp.Events", "Send", recorder.Client);

        Assert.Equal(
            """{"modelInfo":{"modelName":"rasa","stepCount":2,"currentStage":"dataLoading"}}""",
            recorder.FlushSingleItem().Properties.ToString());
    }

    [Fact]
    public void CSharp73_MatchesSnapshot()
    {
        var settings = Strict(LanguageVersion.CSharp7_3, NullableContextOptions.Disable);

        Snapshot.Verify(GeneratorHarness.Run(settings, LegacySource));
    }

    [Theory]
    [MemberData(nameof(StrictSettings))]
    public void StrictConsumer_BuildsCleanAndSends(LanguageVersion version, NullableContextOptions nullable)
    {
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(Strict(version, nullable), LegacySource);

        assembly.InvokeStatic("MyApp.Legacy.LegacyEvents", "Run", recorder.Client);

        Assert.Equal(
            """{"dataset":{"name":"nlu","split":{"train":0.8,"test":0.2},"sizes":"""
                + """[{"width":1,"height":2}],"epochs":null,"stage":"data_loading"},"size":null}""",
            recorder.FlushSingleItem().Properties.ToString());
    }

    [Theory]
    [MemberData(nameof(StrictSettings))]
    public void MetadataRecord_BuildsCleanly(LanguageVersion version, NullableContextOptions nullable)
    {
        var settings = Strict(version, nullable);
        var compilation = GeneratorHarness.CreateCompilation(settings, [MetadataRecordSource])
            .AddReferences(TypeProbe.LibraryReference);
        var driver = GeneratorHarness.CreateDriver(settings, new TelemetryEventGenerator(), trackSteps: false);

        var run = GeneratorRun.Execute(driver, compilation);

        run.AssertCompilesCleanly();
        var generated = run.GetGeneratedText("MyApp.LibraryEvents.g.cs");
        Assert.Contains("__TelemetryObject0(global::Shared.Box<string> value)", generated, StringComparison.Ordinal);
    }

    private static ProjectSettings Strict(LanguageVersion version, NullableContextOptions nullable) =>
        ProjectSettings.Default with
        {
            LanguageVersion = version,
            Nullable = nullable,
            DocumentationMode = DocumentationMode.Diagnose,
        };

    /// <summary>The object consumer source, generated, checked for diagnostics and loaded once per class.</summary>
    public sealed class CompiledObjectEvents : IDisposable
    {
        public CompiledObjectEvents()
        {
            var run = GeneratorHarness.Run(ObjectValueCases.BuildSource());
            run.AssertCompilesCleanly();
            Assembly = CompiledAssembly.Load(run.OutputCompilation);
        }

        internal CompiledAssembly Assembly { get; }

        public void Dispose() => Assembly.Dispose();
    }
}
