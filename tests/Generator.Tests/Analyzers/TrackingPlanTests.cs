using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0013: one event name is declared by several methods that send different keys or value kinds.
/// </summary>
public sealed class TrackingPlanTests
{
    private const string MessageEnd = "; declarations of one event should send the same keys with the same types, or "
        + "analytics will see conflicting schemas";

    [Fact]
    public void KindDifference_ReportedOnLaterMethod()
    {
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Completed")]
                public static partial void TrainingCompleted(string type, int runtime);

                [TelemetryEvent("Training Completed")]
                public static partial void {|TEL0013:TrainingCompletedAgain|}(string type, string runtime);
            }
            """);

        Assert.Equal(
            "Event \"Training Completed\" is also declared by 'Events.TrainingCompleted' with different properties "
                + "(key 'runtime' is a number there and a string here)" + MessageEnd,
            AnalyzerVerifier.Message(run.Single("TEL0013")));
    }

    [Theory]
    [InlineData("int runtime", "keys differ: 'type' is missing here")]
    [InlineData("string type, int runtime, bool extra", "keys differ: 'extra' is not sent there")]
    [InlineData("bool extra", "keys differ: 'type' and 'runtime' are missing here and 'extra' is not sent there")]
    [InlineData("bool type, int[] runtime", "key 'type' is a string there and a boolean here, key 'runtime' is a "
        + "number there and an array here")]
    [InlineData("string[] type, int runtime, Dictionary<string, int> extra", "keys differ: 'extra' is not sent "
        + "there, key 'type' is a string there and an array here")]
    public void Difference_Described(string parameters, string difference)
    {
        var run = AnalyzerVerifier.Verify($$"""
            public static partial class Events
            {
                [TelemetryEvent("Training Completed")]
                public static partial void TrainingCompleted(string type, int runtime);

                [TelemetryEvent("Training Completed")]
                public static partial void {|TEL0013:TrainingCompletedAgain|}({{parameters}});
            }
            """);

        Assert.Contains("(" + difference + ")", AnalyzerVerifier.Message(run.Single("TEL0013")));
    }

    [Fact]
    public void LaterFile_ReportedAgainstFirstFile()
    {
        var run = AnalyzerVerifier.Verify(
            """
            public static partial class TrainingEvents
            {
                [TelemetryEvent("Training Completed")]
                public static partial void TrainingCompleted(string type, int runtime);
            }
            """,
            """
            public static partial class ShellEvents
            {
                [TelemetryEvent("Training Completed")]
                public static partial void {|TEL0013:Completed|}(string type);

                [TelemetryEvent("Training Completed")]
                public static partial void {|TEL0013:CompletedWithFlag|}(string type, int runtime, bool flag);
            }
            """);

        Assert.All(
            run.Reported,
            diagnostic => Assert.Contains("'TrainingEvents.TrainingCompleted'", AnalyzerVerifier.Message(diagnostic)));
    }

    [Fact]
    public void CompatibleDeclarations_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public enum ModelKind
            {
                Core,
            }

            public sealed class Settings
            {
                public int Epochs { get; set; }
            }

            public static partial class Events
            {
                [TelemetryEvent("Training Completed")]
                public static partial void TrainingCompleted(
                    string type,
                    int runtime,
                    List<string> tags,
                    Dictionary<string, int> counts,
                    DateTime at);

                [TelemetryEvent("Training Completed")]
                public static partial void TrainingCompletedAgain(
                    TelemetryClient client,
                    double? runtime,
                    [TelemetryProperty("type")] ModelKind kind,
                    string[] tags,
                    Settings counts,
                    string at);
            }
            """);
    }

    [Fact]
    public void DifferentEventNames_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Completed")]
                public static partial void TrainingCompleted(string type, int runtime);

                [TelemetryEvent("Training Failed")]
                public static partial void TrainingFailed(bool retried);
            }
            """);
    }

    [Fact]
    public void NamingPolicy_AppliesToKeys()
    {
        AnalyzerVerifier.Verify(
            AnalyzerVerifier.WithNaming("CamelCase"),
            """
            public static partial class Events
            {
                [TelemetryEvent("Training Completed")]
                public static partial void TrainingCompleted(int numSteps);

                [TelemetryEvent("Training Completed")]
                public static partial void TrainingCompletedAgain([TelemetryProperty("numSteps")] long steps);
            }
            """);
    }
}
