using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0006: a type that contains an event method, at any nesting level, is not partial.
/// </summary>
public sealed class NotPartialTypeTests
{
    [Fact]
    public void OuterType_ReportedOnIdentifier()
    {
        // Without accessibility the partial method needs no implementation, so only TEL0006 remains.
        var run = AnalyzerVerifier.Verify("""
            public class {|TEL0006:Trainer|}
            {
                public static partial class Events
                {
                    [TelemetryEvent("Training Started")]
                    static partial void TrainingStarted(int count);
                }
            }
            """);

        Assert.Equal(
            "Type 'Trainer' must be declared 'partial', because it contains the event method "
                + "'Trainer.Events.TrainingStarted'",
            AnalyzerVerifier.Message(run.Single("TEL0006")));
    }

    [Fact]
    public void OuterTypeWithAccessibleMethod_AlsoMissesImplementation()
    {
        // The generator cannot re-declare a type inside a type that is not partial, so CS8795 follows.
        AnalyzerVerifier.Verify("""
            public class {|TEL0006:Trainer|}
            {
                public static partial class Events
                {
                    [TelemetryEvent("Training Started")]
                    public static partial void {|CS8795:TrainingStarted|}(int count);
                }
            }
            """);
    }

    [Fact]
    public void EveryLevel_ReportedOncePerType()
    {
        AnalyzerVerifier.Verify("""
            public record {|TEL0006:Trainer|}
            {
                public struct {|TEL0006:Options|}
                {
                    public partial class Events
                    {
                        [TelemetryEvent("Training Started")]
                        static partial void TrainingStarted(int count);

                        [TelemetryEvent("Training Completed")]
                        static partial void TrainingCompleted(int count);
                    }
                }
            }
            """);
    }

    [Fact]
    public void ImmediateTypeWithPartialMethod_LeftToCompiler()
    {
        // CS0751 already names the problem, and the code fix for TEL0006 is also offered on CS0751.
        AnalyzerVerifier.Verify("""
            public static class Events
            {
                [TelemetryEvent("Training Started")]
                static partial void {|CS0751:TrainingStarted|}(int count);
            }
            """);
    }

    [Fact]
    public void ImmediateTypeWithMethodNotPartial_Reported()
    {
        AnalyzerVerifier.Verify("""
            public static class {|TEL0006:Events|}
            {
                [TelemetryEvent("Training Started")]
                public static void {|TEL0005:TrainingStarted|}(int count)
                {
                }
            }
            """);
    }

    [Fact]
    public void PartialAtEveryLevel_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public partial class Trainer
            {
                public static partial class Events
                {
                    [TelemetryEvent("Training Started")]
                    public static partial void TrainingStarted(int count);
                }
            }
            """);
    }

    [Fact]
    public void TypeWithoutEvents_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public class Trainer
            {
                public static class Helpers
                {
                    public static int Twice(int value) => value * 2;
                }
            }
            """);
    }
}
