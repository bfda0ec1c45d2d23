using Microsoft.CodeAnalysis;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Shapes;

/// <summary>
/// Nullable contexts and XML documentation settings of the consumer project. Every warning is an error here, so
/// generated code must not cause nullable warnings or CS1591.
/// </summary>
[Collection(DefaultClientCollection.Name)]
public sealed class ProjectSettingsTests
{
    private const string NullableEnabledSource = """
        using System.Collections.Generic;
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Nullable Enabled")]
            public static partial void NullableEnabled(string? comment, string name, List<string?>? tags);
        }
        """;

    private const string NullableDisabledSource = """
        using System.Collections.Generic;
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Nullable Disabled")]
            public static partial void NullableDisabled(string comment, int? count, List<string> tags);
        }
        """;

    private const string MixedRegionsSource = """
        using System.Collections.Generic;
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
        #nullable enable
            [TelemetryEvent("Annotated Region")]
            public static partial void AnnotatedRegion(string? comment, List<string?> tags);
        #nullable disable

            [TelemetryEvent("Oblivious Region")]
            public static partial void ObliviousRegion(string comment, List<string> tags);

        #nullable enable annotations
            [TelemetryEvent("Annotations Only Region")]
            public static partial void AnnotationsOnlyRegion(string? comment, string name);
        #nullable restore

            public static void Run()
            {
                AnnotatedRegion(null, new List<string> { "a" });
                ObliviousRegion(null, null);
                AnnotationsOnlyRegion("c", "n");
            }
        }
        """;

    private const string DocumentedSource = """
        using Telemetry.Generators;

        namespace MyApp;

        /// <summary>Telemetry events of the training command.</summary>
        public static partial class Events
        {
            /// <summary>Sends that training started.</summary>
            /// <param name="modelType">The model family.</param>
            [TelemetryEvent("Documented Event")]
            public static partial void DocumentedEvent(string modelType);

            [TelemetryEvent("Undocumented Internal Event")]
            internal static partial void UndocumentedInternalEvent(int count);

            /// <summary>Sends both events.</summary>
            public static void Run()
            {
                DocumentedEvent("rasa");
                UndocumentedInternalEvent(2);
            }
        }
        """;

    private static readonly ProjectSettings NullableDisabled = ProjectSettings.Default with
    {
        Nullable = NullableContextOptions.Disable,
    };

    private static readonly ProjectSettings DocumentationOn = ProjectSettings.Default with
    {
        DocumentationMode = DocumentationMode.Diagnose,
    };

    [Fact]
    public void NullableEnabled_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(NullableEnabledSource));

    [Fact]
    public void NullableEnabled_SendsNulls()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(NullableEnabledSource);

        assembly.InvokeStatic("MyApp.Events", "NullableEnabled", null, "n", null);

        var item = recorder.FlushSingleItem();
        Assert.Equal("""{"comment":null,"name":"n","tags":null}""", item.Properties.ToString());
    }

    [Fact]
    public void NullableDisabled_MatchesSnapshot() =>
        Snapshot.Verify(GeneratorHarness.Run(NullableDisabled, NullableDisabledSource));

    [Fact]
    public void NullableDisabled_SendsNulls()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(NullableDisabled, NullableDisabledSource);

        assembly.InvokeStatic("MyApp.Events", "NullableDisabled", null, null, null);

        var item = recorder.FlushSingleItem();
        Assert.Equal("""{"comment":null,"count":null,"tags":null}""", item.Properties.ToString());
    }

    [Fact]
    public void MixedNullableRegions_MatchSnapshot() =>
        Snapshot.Verify(GeneratorHarness.Run(NullableDisabled, MixedRegionsSource));

    [Fact]
    public void MixedNullableRegions_SendEachEvent()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(NullableDisabled, MixedRegionsSource);

        assembly.InvokeStatic("MyApp.Events", "Run");

        var items = recorder.FlushItems();
        Assert.Collection(
            items,
            item => Assert.Equal("""{"comment":null,"tags":["a"]}""", item.Properties.ToString()),
            item => Assert.Equal("""{"comment":null,"tags":null}""", item.Properties.ToString()),
            item => Assert.Equal("""{"comment":"c","name":"n"}""", item.Properties.ToString()));
    }

    [Fact]
    public void XmlDocumentation_MatchesSnapshot() =>
        Snapshot.Verify(GeneratorHarness.Run(DocumentationOn, DocumentedSource));

    [Fact]
    public void XmlDocumentation_CompilesAndSends()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(DocumentationOn, DocumentedSource);

        assembly.InvokeStatic("MyApp.Events", "Run");

        var items = recorder.FlushItems();
        Assert.Collection(
            items,
            item => Assert.Equal("""{"model_type":"rasa"}""", item.Properties.ToString()),
            item => Assert.Equal("""{"count":2}""", item.Properties.ToString()));
    }
}
