using System.Linq;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Shapes;

[Collection(DefaultClientCollection.Name)]
public sealed class NamespaceTests
{
    private const string FileScopedSource = """
        using Telemetry.Generators;

        namespace MyApp.Analytics;

        public static partial class Events
        {
            [TelemetryEvent("File Scoped")]
            public static partial void FileScoped(int order);
        }
        """;

    private const string BlockScopedSource = """
        using Telemetry.Generators;

        namespace MyApp
        {
            namespace Analytics
            {
                public static partial class Events
                {
                    [TelemetryEvent("Block Scoped")]
                    public static partial void BlockScoped(int order);
                }
            }
        }
        """;

    private const string GlobalSource = """
        using Telemetry.Generators;

        public static partial class Events
        {
            [TelemetryEvent("Global Namespace")]
            public static partial void GlobalNamespace(int order);
        }
        """;

    [Fact]
    public void FileScoped_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(FileScopedSource));

    [Fact]
    public void FileScoped_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(FileScopedSource);

        assembly.InvokeStatic("MyApp.Analytics.Events", "FileScoped", 1);

        var item = recorder.FlushSingleItem();
        Assert.Equal(("File Scoped", """{"order":1}"""), (item.Event, item.Properties.ToString()));
    }

    [Fact]
    public void BlockScoped_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(BlockScopedSource));

    [Fact]
    public void BlockScoped_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(BlockScopedSource);

        assembly.InvokeStatic("MyApp.Analytics.Events", "BlockScoped", 2);

        var item = recorder.FlushSingleItem();
        Assert.Equal(("Block Scoped", """{"order":2}"""), (item.Event, item.Properties.ToString()));
    }

    [Fact]
    public void GlobalNamespace_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(GlobalSource));

    [Fact]
    public void GlobalNamespace_UsesTypeNameAsHintName()
    {
        var run = GeneratorHarness.Run(GlobalSource);

        Assert.Equal(["Events.g.cs"], run.GeneratedSources.Select(source => source.HintName));
    }

    [Fact]
    public void GlobalNamespace_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(GlobalSource);

        assembly.InvokeStatic("Events", "GlobalNamespace", 3);

        var item = recorder.FlushSingleItem();
        Assert.Equal(("Global Namespace", """{"order":3}"""), (item.Event, item.Properties.ToString()));
    }
}
