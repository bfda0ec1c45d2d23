using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Shapes;

/// <summary>
/// Where generated code finds its client: a <see cref="TelemetryClient"/> parameter, then a field or property of the
/// containing type, then <see cref="TelemetryClient.Default"/>.
/// </summary>
[Collection(DefaultClientCollection.Name)]
public sealed class ClientSelectionTests
{
    private const string ParameterSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Model Deployed")]
            public static partial void ModelDeployed(TelemetryClient client, string target);
        }
        """;

    private const string FieldSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public sealed partial class Reporter
        {
            private readonly TelemetryClient telemetry;

            public Reporter(TelemetryClient telemetry)
            {
                this.telemetry = telemetry;
            }

            [TelemetryEvent("Report Written")]
            public partial void ReportWritten(int pages);

            public static void Run(TelemetryClient telemetry) => new Reporter(telemetry).ReportWritten(3);
        }
        """;

    private const string PropertySource = """
        using Telemetry.Generators;

        namespace MyApp;

        public sealed partial class Reporter
        {
            public Reporter(TelemetryClient telemetry)
            {
                Telemetry = telemetry;
            }

            public TelemetryClient Telemetry { get; }

            [TelemetryEvent("Report Written")]
            public partial void ReportWritten(int pages);

            public static void Run(TelemetryClient telemetry) => new Reporter(telemetry).ReportWritten(4);
        }
        """;

    private const string InheritedFieldSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public abstract class ReporterBase
        {
            protected readonly TelemetryClient telemetry;

            protected ReporterBase(TelemetryClient telemetry)
            {
                this.telemetry = telemetry;
            }
        }

        public sealed partial class Reporter : ReporterBase
        {
            public Reporter(TelemetryClient telemetry)
                : base(telemetry)
            {
            }

            [TelemetryEvent("Report Written")]
            public partial void ReportWritten(int pages);

            public static void Run(TelemetryClient telemetry) => new Reporter(telemetry).ReportWritten(9);
        }
        """;

    private const string StaticPropertySource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            public static TelemetryClient? Client { get; set; }

            [TelemetryEvent("Static Client Used")]
            public static partial void StaticClientUsed(int order);

            public static void Run(TelemetryClient client)
            {
                Client = client;
                StaticClientUsed(5);
            }
        }
        """;

    private const string PrimaryConstructorSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public sealed partial class Reporter(TelemetryClient telemetry)
        {
            [TelemetryEvent("Report Written")]
            public partial void ReportWritten(int pages);

            public static void Run(TelemetryClient telemetry) => new Reporter(telemetry).ReportWritten(6);
        }
        """;

    private const string DefaultSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Default Client Used")]
            public static partial void DefaultClientUsed(int order);
        }
        """;

    [Fact]
    public void Parameter_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(ParameterSource));

    [Fact]
    public void Parameter_SendsThroughArgumentNotAsProperty()
    {
        using var defaultRecorder = TelemetryRecorder.InstallAsDefault();
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(ParameterSource);

        assembly.InvokeStatic("MyApp.Events", "ModelDeployed", recorder.Client, "production");

        var item = recorder.FlushSingleItem();
        Assert.Equal("Model Deployed", item.Event);
        Assert.Equal("""{"target":"production"}""", item.Properties.ToString());
        Assert.Empty(defaultRecorder.FlushItems());
    }

    [Fact]
    public void Parameter_NullClientSendsNothing()
    {
        using var defaultRecorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(ParameterSource);

        assembly.InvokeStatic("MyApp.Events", "ModelDeployed", null, "production");

        Assert.Empty(defaultRecorder.FlushItems());
    }

    [Fact]
    public void InstanceField_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(FieldSource));

    [Fact]
    public void InstanceField_SendsThroughField()
    {
        using var defaultRecorder = TelemetryRecorder.InstallAsDefault();
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(FieldSource);

        assembly.InvokeStatic("MyApp.Reporter", "Run", recorder.Client);

        var item = recorder.FlushSingleItem();
        Assert.Equal(("Report Written", """{"pages":3}"""), (item.Event, item.Properties.ToString()));
        Assert.Empty(defaultRecorder.FlushItems());
    }

    [Fact]
    public void InstanceProperty_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(PropertySource));

    [Fact]
    public void InstanceProperty_SendsThroughProperty()
    {
        using var defaultRecorder = TelemetryRecorder.InstallAsDefault();
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(PropertySource);

        assembly.InvokeStatic("MyApp.Reporter", "Run", recorder.Client);

        var item = recorder.FlushSingleItem();
        Assert.Equal(("Report Written", """{"pages":4}"""), (item.Event, item.Properties.ToString()));
        Assert.Empty(defaultRecorder.FlushItems());
    }

    [Fact]
    public void InheritedField_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(InheritedFieldSource));

    [Fact]
    public void InheritedField_SendsThroughBaseField()
    {
        using var defaultRecorder = TelemetryRecorder.InstallAsDefault();
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(InheritedFieldSource);

        assembly.InvokeStatic("MyApp.Reporter", "Run", recorder.Client);

        var item = recorder.FlushSingleItem();
        Assert.Equal(("Report Written", """{"pages":9}"""), (item.Event, item.Properties.ToString()));
        Assert.Empty(defaultRecorder.FlushItems());
    }

    [Fact]
    public void StaticProperty_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(StaticPropertySource));

    [Fact]
    public void StaticProperty_SendsThroughProperty()
    {
        using var defaultRecorder = TelemetryRecorder.InstallAsDefault();
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(StaticPropertySource);

        assembly.InvokeStatic("MyApp.Events", "Run", recorder.Client);

        var item = recorder.FlushSingleItem();
        Assert.Equal(("Static Client Used", """{"order":5}"""), (item.Event, item.Properties.ToString()));
        Assert.Empty(defaultRecorder.FlushItems());
    }

    [Fact]
    public void DefaultClient_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(DefaultSource));

    [Fact]
    public void DefaultClient_SendsThroughDefault()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(DefaultSource);

        assembly.InvokeStatic("MyApp.Events", "DefaultClientUsed", 6);

        var item = recorder.FlushSingleItem();
        Assert.Equal(("Default Client Used", """{"order":6}"""), (item.Event, item.Properties.ToString()));
    }

    [Fact]
    public void DisabledClient_RecordsNothing()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault(enabled: false);
        using var assembly = GeneratorHarness.CompileAndLoad(DefaultSource);

        assembly.InvokeStatic("MyApp.Events", "DefaultClientUsed", 7);

        Assert.False(recorder.Client.IsEnabled);
        Assert.Empty(recorder.FlushItems());
    }

    [Fact]
    public void PrimaryConstructor_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(PrimaryConstructorSource));

    [Fact]
    public void PrimaryConstructor_SendsThroughParameter()
    {
        using var defaultRecorder = TelemetryRecorder.InstallAsDefault();
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(PrimaryConstructorSource);

        assembly.InvokeStatic("MyApp.Reporter", "Run", recorder.Client);

        var item = recorder.FlushSingleItem();
        Assert.Equal(("Report Written", """{"pages":6}"""), (item.Event, item.Properties.ToString()));
        Assert.Empty(defaultRecorder.FlushItems());
    }
}
