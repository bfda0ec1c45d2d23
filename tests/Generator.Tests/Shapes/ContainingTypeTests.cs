using System;
using System.Linq;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Shapes;

[Collection(DefaultClientCollection.Name)]
public sealed class ContainingTypeTests
{
    private const string StructSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public readonly partial struct Meter
        {
            [TelemetryEvent("Meter Read")]
            public partial void MeterRead(int value);

            public static void Run() => new Meter().MeterRead(7);
        }
        """;

    private const string RefStructSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public readonly ref partial struct Reading
        {
            [TelemetryEvent("Reading Taken")]
            public static partial void ReadingTaken(double celsius);
        }

        // Reflection cannot invoke methods declared on a ref struct, so the test calls this one.
        public static class Program
        {
            public static void Run() => Reading.ReadingTaken(21.5);
        }
        """;

    private const string RecordSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public sealed partial record TrainingRun(string Name)
        {
            [TelemetryEvent("Run Started")]
            public partial void RunStarted(int attempt);

            public static void Run() => new TrainingRun("nlu").RunStarted(1);
        }
        """;

    private const string RecordStructSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public partial record struct Checkpoint(int Step)
        {
            [TelemetryEvent("Checkpoint Saved")]
            public static partial void CheckpointSaved(int step, string path);
        }
        """;

    private const string NestedSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Outer
        {
            public partial class Middle
            {
                internal partial struct Inner
                {
                    private static partial class Innermost
                    {
                        [TelemetryEvent("Deeply Nested")]
                        public static partial void DeeplyNested(string level);
                    }

                    public static void Run() => Innermost.DeeplyNested("innermost");
                }
            }
        }
        """;

    private const string GenericSource = """
        using System;
        using MyApp.Shapes;
        using Telemetry.Generators;

        namespace MyApp.Containers;

        public partial class Box<T>
            where T : IComparable<T>, IShape
        {
            [TelemetryEvent("Box Opened")]
            public static partial void BoxOpened(string label);

            [TelemetryEvent("Box Tagged")]
            public static partial void BoxTagged<TTag>(string tag)
                where TTag : class, IShape, new();
        }

        public partial class Box<T1, T2>
            where T1 : notnull
        {
            [TelemetryEvent("Pair Opened")]
            public static partial void PairOpened(string label, int size);
        }

        public static class Program
        {
            public static void Run()
            {
                Box<Square>.BoxOpened("one");
                Box<Square>.BoxTagged<Square>("square");
                Box<string, int>.PairOpened("two", 2);
            }
        }
        """;

    private const string ShapesSource = """
        using System;

        namespace MyApp.Shapes;

        public interface IShape
        {
        }

        public sealed class Square : IShape, IComparable<Square>
        {
            public int CompareTo(Square? other) => other is null ? 1 : 0;
        }
        """;

    private const string SplitFirstPart = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("First Part")]
            public static partial void FirstPart(int order);
        }
        """;

    private const string SplitSecondPart = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Second Part")]
            public static partial void SecondPart(string name);

            public static void Run()
            {
                FirstPart(1);
                SecondPart("two");
            }
        }
        """;

    private const string SameNameSource = """
        using Telemetry.Generators;

        namespace MyApp.Training
        {
            public static partial class Events
            {
                [TelemetryEvent("Training Event")]
                public static partial void Happened(int order);
            }
        }

        namespace MyApp.Serving
        {
            public static partial class Events
            {
                [TelemetryEvent("Serving Event")]
                public static partial void Happened(int order);
            }
        }

        namespace MyApp
        {
            public static class Program
            {
                public static void Run()
                {
                    MyApp.Training.Events.Happened(1);
                    MyApp.Serving.Events.Happened(2);
                }
            }
        }
        """;

    [Fact]
    public void ReadOnlyStruct_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(StructSource));

    [Fact]
    public void ReadOnlyStruct_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(StructSource);

        assembly.InvokeStatic("MyApp.Meter", "Run");

        var item = recorder.FlushSingleItem();
        Assert.Equal("Meter Read", item.Event);
        Assert.Equal("""{"value":7}""", item.Properties.ToString());
    }

    [Fact]
    public void ReadOnlyRefStruct_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(RefStructSource));

    [Fact]
    public void ReadOnlyRefStruct_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(RefStructSource);

        assembly.InvokeStatic("MyApp.Program", "Run");

        var item = recorder.FlushSingleItem();
        Assert.Equal(("Reading Taken", """{"celsius":21.5}"""), (item.Event, item.Properties.ToString()));
    }

    [Fact]
    public void Record_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(RecordSource));

    [Fact]
    public void Record_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(RecordSource);

        assembly.InvokeStatic("MyApp.TrainingRun", "Run");

        var item = recorder.FlushSingleItem();
        Assert.Equal("Run Started", item.Event);
        Assert.Equal("""{"attempt":1}""", item.Properties.ToString());
    }

    [Fact]
    public void RecordStruct_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(RecordStructSource));

    [Fact]
    public void RecordStruct_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(RecordStructSource);

        assembly.InvokeStatic("MyApp.Checkpoint", "CheckpointSaved", 40, "models/40.tar.gz");

        var item = recorder.FlushSingleItem();
        Assert.Equal("Checkpoint Saved", item.Event);
        Assert.Equal("""{"step":40,"path":"models/40.tar.gz"}""", item.Properties.ToString());
    }

    [Fact]
    public void NestedFourTypesDeep_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(NestedSource));

    [Fact]
    public void NestedFourTypesDeep_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(NestedSource);

        assembly.InvokeStatic("MyApp.Outer+Middle+Inner", "Run");

        var item = recorder.FlushSingleItem();
        Assert.Equal("Deeply Nested", item.Event);
        Assert.Equal("""{"level":"innermost"}""", item.Properties.ToString());
    }

    [Fact]
    public void GenericContainers_MatchSnapshot() =>
        Snapshot.Verify(GeneratorHarness.Run(GenericSource, ShapesSource));

    [Fact]
    public void GenericContainers_HaveDistinctHintNames()
    {
        var run = GeneratorHarness.Run(GenericSource, ShapesSource);

        Assert.Equal(
            ["MyApp.Containers.Box`1.g.cs", "MyApp.Containers.Box`2.g.cs"],
            run.GeneratedSources.Select(source => source.HintName));
    }

    [Fact]
    public void GenericContainers_SendProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(GenericSource, ShapesSource);

        assembly.InvokeStatic("MyApp.Containers.Program", "Run");

        var items = recorder.FlushItems();
        Assert.Collection(
            items,
            item => Assert.Equal(("Box Opened", """{"label":"one"}"""), (item.Event, item.Properties.ToString())),
            item => Assert.Equal(("Box Tagged", """{"tag":"square"}"""), (item.Event, item.Properties.ToString())),
            item => Assert.Equal(
                ("Pair Opened", """{"label":"two","size":2}"""),
                (item.Event, item.Properties.ToString())));
    }

    [Fact]
    public void TypeSplitOverTwoFiles_MatchesSnapshot() =>
        Snapshot.Verify(GeneratorHarness.Run(SplitFirstPart, SplitSecondPart));

    [Fact]
    public void TypeSplitOverTwoFiles_GeneratesOneFile()
    {
        var run = GeneratorHarness.Run(SplitFirstPart, SplitSecondPart);

        var source = Assert.Single(run.GeneratedSources);
        Assert.Equal("MyApp.Events.g.cs", source.HintName);
    }

    [Fact]
    public void TypeSplitOverTwoFiles_SendsBothEvents()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(SplitFirstPart, SplitSecondPart);

        assembly.InvokeStatic("MyApp.Events", "Run");

        var items = recorder.FlushItems();
        Assert.Collection(
            items,
            item => Assert.Equal(("First Part", """{"order":1}"""), (item.Event, item.Properties.ToString())),
            item => Assert.Equal(("Second Part", """{"name":"two"}"""), (item.Event, item.Properties.ToString())));
    }

    [Fact]
    public void SameNameInTwoNamespaces_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(SameNameSource));

    [Fact]
    public void SameNameInTwoNamespaces_HaveDistinctHintNames()
    {
        var run = GeneratorHarness.Run(SameNameSource);

        Assert.Equal(
            ["MyApp.Serving.Events.g.cs", "MyApp.Training.Events.g.cs"],
            run.GeneratedSources.Select(source => source.HintName));
    }

    [Fact]
    public void SameNameInTwoNamespaces_SendsBothEvents()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(SameNameSource);

        assembly.InvokeStatic("MyApp.Program", "Run");

        var items = recorder.FlushItems();
        Assert.Collection(
            items,
            item => Assert.Equal(("Training Event", """{"order":1}"""), (item.Event, item.Properties.ToString())),
            item => Assert.Equal(("Serving Event", """{"order":2}"""), (item.Event, item.Properties.ToString())));
    }

    [Fact]
    public void UnsafeClass_CompilesCleanly()
    {
        var run = GeneratorHarness.Run(
            ProjectSettings.Default.WithUnsafe(),
            """
            using Telemetry.Generators;

            namespace MyApp;

            public static unsafe partial class Native
            {
                [TelemetryEvent("Pointer Seen")]
                public static partial void PointerSeen(int* pointer);

                [TelemetryEvent("Count Seen")]
                public static partial void CountSeen(int count);
            }
            """);

        run.AssertCompilesCleanly();
        Assert.Contains("unsafe partial class Native", run.GetGeneratedText("MyApp.Native.g.cs"));
    }

    [Fact]
    public void FileLocalType_GetsNoBodyAndOthersStillDo()
    {
        var run = GeneratorHarness.Run("""
            using Telemetry.Generators;

            namespace MyApp;

            file static partial class FileLocal
            {
                [TelemetryEvent("File Local")]
                static partial void Sent(int count);
            }

            public static partial class Events
            {
                [TelemetryEvent("Shared")]
                public static partial void Sent(int count);
            }
            """);

        run.ThrowIfGeneratorFailed();
        Assert.Equal(["MyApp.Events.g.cs"], run.GeneratedSources.Select(source => source.HintName));
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void NamesDifferingInCase_GetDistinctHintNames()
    {
        var run = GeneratorHarness.Run("""
            using Telemetry.Generators;

            namespace App;

            public static partial class Metrics
            {
                [TelemetryEvent("Lower")]
                public static partial void Sent(int count);
            }

            public static partial class METRICS
            {
                [TelemetryEvent("Upper")]
                public static partial void Sent(int count);
            }
            """);

        run.ThrowIfGeneratorFailed();
        var hintNames = run.GeneratedSources.Select(source => source.HintName).ToList();
        Assert.Equal(2, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(hintNames, name => Assert.Matches(@"^App\.(Metrics|METRICS)\.[0-9a-f]{8}\.g\.cs$", name));
        run.AssertCompilesCleanly();
    }
}
