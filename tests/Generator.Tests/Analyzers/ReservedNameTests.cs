using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0009: a member of a type with event methods, or a parameter of an event method, starts with
/// <c>__Telemetry</c>.
/// </summary>
public sealed class ReservedNameTests
{
    [Fact]
    public void Field_ReportedOnIdentifier()
    {
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                public static int {|TEL0009:__TelemetryCount|};

                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(int count);
            }
            """);

        Assert.Equal(
            "Name '__TelemetryCount' starts with '__Telemetry', which generated code reserves in types with event "
                + "methods and in their parameters; rename it",
            AnalyzerVerifier.Message(run.Single("TEL0009")));
    }

    [Fact]
    public void EveryMemberKind_Reported()
    {
        AnalyzerVerifier.Verify("""
            public partial class Session
            {
                public int {|TEL0009:__TelemetryValue|} { get; set; }

                public event EventHandler? {|TEL0009:__TelemetryChanged|}
                {
                    add { }
                    remove { }
                }

                public static void {|TEL0009:__TelemetryReset|}()
                {
                }

                public sealed class {|TEL0009:__TelemetryState|}
                {
                }

                [TelemetryEvent("Session Started")]
                public static partial void SessionStarted(int count);
            }
            """);
    }

    [Fact]
    public void NameOfGeneratedHelper_ReportedWithoutCollision()
    {
        // The event gets a body that sends nothing, so no helper is generated to collide with the field.
        AnalyzerVerifier.Verify("""
            public enum ModelKind
            {
                Core,
            }

            public static partial class Events
            {
                public static int {|TEL0009:__TelemetryEnum0|};

                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(ModelKind kind);
            }
            """);
    }

    [Fact]
    public void Parameter_ReportedOnIdentifier()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(int count, string {|TEL0009:__TelemetryName|});
            }
            """);
    }

    [Fact]
    public void MemberInOtherPart_ReportedInThatFile()
    {
        AnalyzerVerifier.Verify(
            """
            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(int count);
            }
            """,
            """
            public static partial class Events
            {
                public const int {|TEL0009:__TelemetryLimit|} = 3;
            }
            """);
    }

    [Fact]
    public void TypeWithoutEvents_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public static class Helpers
            {
                public static int __TelemetryCount;
            }
            """);
    }

    [Fact]
    public void GeneratedHelpers_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public enum ModelKind
            {
                Core,
                NluOnly,
            }

            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(ModelKind kind, ModelKind[] others);
            }
            """);
    }
}
