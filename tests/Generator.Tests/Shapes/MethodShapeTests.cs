using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Shapes;

[Collection(DefaultClientCollection.Name)]
public sealed class MethodShapeTests
{
    private const string StaticSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Training Started")]
            public static partial void TrainingStarted(string modelType, bool isFinetuning, int numStorySteps);
        }
        """;

    private const string InstanceSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public sealed partial class TrainingSession
        {
            [TelemetryEvent("Epoch Finished")]
            public partial void EpochFinished(int epoch, double loss);

            public static void Run() => new TrainingSession().EpochFinished(3, 0.25);
        }
        """;

    private const string CSharp73Source = """
        using Telemetry.Generators;

        namespace MyApp
        {
            public static partial class Events
            {
                [TelemetryEvent("Legacy Event")]
                static partial void LegacyEvent(string modelType, int count);

                public static void Run()
                {
                    LegacyEvent("rasa", 2);
                }
            }
        }
        """;

    private const string AccessibilitySource = """
        using Telemetry.Generators;

        namespace MyApp
        {
            public partial class Events
            {
                [TelemetryEvent("Public Event")]
                public static partial void PublicEvent(int order);

                [TelemetryEvent("Internal Event")]
                internal static partial void InternalEvent(int order);

                [TelemetryEvent("Private Event")]
                private static partial void PrivateEvent(int order);

                [TelemetryEvent("Protected Internal Event")]
                protected internal static partial void ProtectedInternalEvent(int order);

                public static void Run()
                {
                    PublicEvent(1);
                    InternalEvent(2);
                    PrivateEvent(3);
                    ProtectedInternalEvent(4);
                }
            }
        }
        """;

    private const string OverloadSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Button Clicked")]
            public static partial void ButtonClicked(string button);

            [TelemetryEvent("Button Clicked")]
            public static partial void ButtonClicked(string button, int count);

            public static void Run()
            {
                ButtonClicked("save");
                ButtonClicked("save", 2);
            }
        }
        """;

    private const string KeywordParameterSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Dialog Opened")]
            public static partial void DialogOpened(string @event, string @class, int @int);
        }
        """;

    private const string ReadOnlyReferenceSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Step Measured")]
            public static partial void StepMeasured(in double seconds, ref readonly int count);

            public static void Run()
            {
                var seconds = 1.5;
                var count = 4;
                StepMeasured(in seconds, in count);
            }
        }
        """;

    private const string DefaultValueSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Data Exported")]
            public static partial void DataExported(
                string format = "csv",
                int rows = 10,
                bool compressed = false,
                string? label = null);

            public static void Run() => DataExported();
        }
        """;

    private const string NullableAnnotationSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Story Reviewed")]
            public static partial void StoryReviewed(string? comment, int? score, string reviewer);

            public static void Run()
            {
                StoryReviewed(null, null, "ana");
                StoryReviewed("clear", 5, "ben");
            }
        }
        """;

    private const string ExtensionMethodSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class ModelExtensions
        {
            [TelemetryEvent("Model Loaded")]
            public static partial void ModelLoaded(this string modelName, int sizeInMegabytes);

            public static void Run() => "nlu-large".ModelLoaded(512);
        }
        """;

    private const string EscapedTextSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Path \"C:\\temp\" Opened é")]
            public static partial void PathOpened([TelemetryProperty("say \"hi\"\\")] string greeting);
        }
        """;

    private static readonly ProjectSettings CSharp73 = ProjectSettings.Default with
    {
        LanguageVersion = LanguageVersion.CSharp7_3,
        Nullable = NullableContextOptions.Disable,
    };

    private static readonly ProjectSettings CSharp9 = ProjectSettings.Default with
    {
        LanguageVersion = LanguageVersion.CSharp9,
    };

    private static readonly ProjectSettings CSharp12 = ProjectSettings.Default with
    {
        LanguageVersion = LanguageVersion.CSharp12,
    };

    [Fact]
    public void StaticMethod_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(StaticSource));

    [Fact]
    public void StaticMethod_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(StaticSource);

        assembly.InvokeStatic("MyApp.Events", "TrainingStarted", "rasa", false, 12);

        var item = recorder.FlushSingleItem();
        Assert.Equal("Training Started", item.Event);
        Assert.Equal(
            """{"model_type":"rasa","is_finetuning":false,"num_story_steps":12}""",
            item.Properties.ToString());
        Assert.Equal(TelemetryRecorder.FixedMessageId.ToString("D"), item.MessageId);
        Assert.Equal(TelemetryRecorder.FixedTime, item.Timestamp);
        Assert.Equal(TelemetryRecorder.AnonymousId, item.AnonymousId);
    }

    [Fact]
    public void InstanceMethod_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(InstanceSource));

    [Fact]
    public void InstanceMethod_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(InstanceSource);

        assembly.InvokeStatic("MyApp.TrainingSession", "Run");

        var item = recorder.FlushSingleItem();
        Assert.Equal("Epoch Finished", item.Event);
        Assert.Equal("""{"epoch":3,"loss":0.25}""", item.Properties.ToString());
    }

    [Fact]
    public void NoAccessibilityCSharp73_MatchesSnapshot() =>
        Snapshot.Verify(GeneratorHarness.Run(CSharp73, CSharp73Source));

    [Fact]
    public void NoAccessibilityCSharp73_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(CSharp73, CSharp73Source);

        assembly.InvokeStatic("MyApp.Events", "Run");

        var item = recorder.FlushSingleItem();
        Assert.Equal("Legacy Event", item.Event);
        Assert.Equal("""{"model_type":"rasa","count":2}""", item.Properties.ToString());
    }

    [Fact]
    public void ExtendedPartialAccessibility_MatchesSnapshot() =>
        Snapshot.Verify(GeneratorHarness.Run(CSharp9, AccessibilitySource));

    [Fact]
    public void ExtendedPartialAccessibility_SendsEachEvent()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(CSharp9, AccessibilitySource);

        assembly.InvokeStatic("MyApp.Events", "Run");

        var items = recorder.FlushItems();
        Assert.Collection(
            items,
            item => Assert.Equal(("Public Event", """{"order":1}"""), (item.Event, item.Properties.ToString())),
            item => Assert.Equal(("Internal Event", """{"order":2}"""), (item.Event, item.Properties.ToString())),
            item => Assert.Equal(("Private Event", """{"order":3}"""), (item.Event, item.Properties.ToString())),
            item => Assert.Equal(
                ("Protected Internal Event", """{"order":4}"""),
                (item.Event, item.Properties.ToString())));
    }

    [Fact]
    public void Overloads_MatchSnapshot() => Snapshot.Verify(GeneratorHarness.Run(OverloadSource));

    [Fact]
    public void Overloads_SendTheirOwnProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(OverloadSource);

        assembly.InvokeStatic("MyApp.Events", "Run");

        var items = recorder.FlushItems();
        Assert.Collection(
            items,
            item => Assert.Equal("""{"button":"save"}""", item.Properties.ToString()),
            item => Assert.Equal("""{"button":"save","count":2}""", item.Properties.ToString()));
        Assert.All(items, item => Assert.Equal("Button Clicked", item.Event));
    }

    [Fact]
    public void KeywordParameters_MatchSnapshot() => Snapshot.Verify(GeneratorHarness.Run(KeywordParameterSource));

    [Fact]
    public void KeywordParameters_SendKeysWithoutAt()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(KeywordParameterSource);

        assembly.InvokeStatic("MyApp.Events", "DialogOpened", "opened", "Dialog", 1);

        var item = recorder.FlushSingleItem();
        Assert.Equal("""{"event":"opened","class":"Dialog","int":1}""", item.Properties.ToString());
    }

    [Fact]
    public void ReadOnlyReferenceParameters_MatchSnapshot() =>
        Snapshot.Verify(GeneratorHarness.Run(CSharp12, ReadOnlyReferenceSource));

    [Fact]
    public void ReadOnlyReferenceParameters_SendValues()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(CSharp12, ReadOnlyReferenceSource);

        assembly.InvokeStatic("MyApp.Events", "Run");

        var item = recorder.FlushSingleItem();
        Assert.Equal("""{"seconds":1.5,"count":4}""", item.Properties.ToString());
    }

    [Fact]
    public void DefaultValues_MatchSnapshot() => Snapshot.Verify(GeneratorHarness.Run(DefaultValueSource));

    [Fact]
    public void DefaultValues_SendDefaults()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(DefaultValueSource);

        assembly.InvokeStatic("MyApp.Events", "Run");

        var item = recorder.FlushSingleItem();
        Assert.Equal("""{"format":"csv","rows":10,"compressed":false,"label":null}""", item.Properties.ToString());
    }

    [Fact]
    public void NullableAnnotations_MatchSnapshot() => Snapshot.Verify(GeneratorHarness.Run(NullableAnnotationSource));

    [Fact]
    public void NullableAnnotations_SendNullAndValues()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(NullableAnnotationSource);

        assembly.InvokeStatic("MyApp.Events", "Run");

        var items = recorder.FlushItems();
        Assert.Collection(
            items,
            item => Assert.Equal("""{"comment":null,"score":null,"reviewer":"ana"}""", item.Properties.ToString()),
            item => Assert.Equal("""{"comment":"clear","score":5,"reviewer":"ben"}""", item.Properties.ToString()));
    }

    [Fact]
    public void ExtensionMethod_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(ExtensionMethodSource));

    [Fact]
    public void ExtensionMethod_SendsReceiverAsProperty()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(ExtensionMethodSource);

        assembly.InvokeStatic("MyApp.ModelExtensions", "Run");

        var item = recorder.FlushSingleItem();
        Assert.Equal("Model Loaded", item.Event);
        Assert.Equal("""{"model_name":"nlu-large","size_in_megabytes":512}""", item.Properties.ToString());
    }

    [Fact]
    public void QuotesAndBackslashes_MatchSnapshot() => Snapshot.Verify(GeneratorHarness.Run(EscapedTextSource));

    [Fact]
    public void QuotesAndBackslashes_SendExactText()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(EscapedTextSource);

        assembly.InvokeStatic("MyApp.Events", "PathOpened", "hello");

        var item = recorder.FlushSingleItem();
        Assert.Equal("Path \"C:\\temp\" Opened \u00e9", item.Event);
        var property = Assert.Single(item.Properties);
        Assert.Equal("say \"hi\"\\", property.Key);
    }
}
