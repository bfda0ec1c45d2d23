using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0008: an event method has more than one <c>TelemetryClient</c> source.
/// </summary>
public sealed class ClientSourceTests
{
    [Fact]
    public void TwoParameters_ReportedOnSecond()
    {
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Deployed")]
                public static partial void ModelDeployed(TelemetryClient first, TelemetryClient {|TEL0008:second|});
            }
            """);

        Assert.Equal(
            "Event method 'ModelDeployed' can send through the parameters 'first' and 'second'; keep exactly one "
                + "TelemetryClient parameter, field or property",
            AnalyzerVerifier.Message(run.Single("TEL0008")));
    }

    [Fact]
    public void ThreeParameters_ReportedOnce()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Deployed")]
                public static partial void ModelDeployed(
                    TelemetryClient a,
                    TelemetryClient {|TEL0008:b|},
                    TelemetryClient c,
                    int count);
            }
            """);
    }

    [Fact]
    public void TwoMembers_ReportedOnMethod()
    {
        var run = AnalyzerVerifier.Verify("""
            public sealed partial class Reporter
            {
                private readonly TelemetryClient telemetry;

                public Reporter(TelemetryClient telemetry)
                {
                    this.telemetry = telemetry;
                }

                public TelemetryClient Telemetry => telemetry;

                [TelemetryEvent("Report Written")]
                public partial void {|TEL0008:ReportWritten|}(int pages);
            }
            """);

        Assert.Equal(
            "Event method 'ReportWritten' can send through the members 'telemetry' and 'Telemetry' of 'Reporter'; keep "
                + "exactly one TelemetryClient parameter, field or property",
            AnalyzerVerifier.Message(run.Single("TEL0008")));
    }

    [Fact]
    public void TwoStaticMembers_ReportedForStaticMethod()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                public static TelemetryClient? Primary { get; set; }

                public static TelemetryClient? Secondary { get; set; }

                [TelemetryEvent("Model Deployed")]
                public static partial void {|TEL0008:ModelDeployed|}(int count);
            }
            """);
    }

    [Fact]
    public void TwoPrimaryConstructorParameters_ReportedOnMethod()
    {
        var run = AnalyzerVerifier.Verify("""
            public sealed partial class Reporter(TelemetryClient first, TelemetryClient second)
            {
                public bool IsSame => ReferenceEquals(first, second);

                [TelemetryEvent("Report Written")]
                public partial void {|TEL0008:ReportWritten|}(int pages);
            }
            """);

        Assert.Contains(
            "the primary constructor parameters 'first' and 'second'",
            AnalyzerVerifier.Message(run.Single("TEL0008")));
    }

    [Fact]
    public void UnreadPrimaryConstructorParameters_AlsoGetCompilerWarning()
    {
        // NOTE: the body that sends nothing reads neither parameter, so CS9113 follows unless other code reads them.
        AnalyzerVerifier.Verify("""
            public sealed partial class Reporter(TelemetryClient {|CS9113:first|}, TelemetryClient {|CS9113:second|})
            {
                [TelemetryEvent("Report Written")]
                public partial void {|TEL0008:ReportWritten|}(int pages);
            }
            """);
    }

    [Fact]
    public void StaticMethod_IgnoresInstanceMembers()
    {
        AnalyzerVerifier.Verify("""
            public sealed partial class Reporter
            {
                public static TelemetryClient? Shared { get; set; }

                public TelemetryClient? Own { get; set; }

                [TelemetryEvent("Report Written")]
                public static partial void ReportWritten(int pages);
            }
            """);
    }

    [Fact]
    public void NearestType_Wins()
    {
        AnalyzerVerifier.Verify("""
            public abstract class ReporterBase
            {
                protected TelemetryClient? First { get; set; }

                protected TelemetryClient? Second { get; set; }
            }

            public sealed partial class Reporter : ReporterBase
            {
                private TelemetryClient? Own { get; set; }

                [TelemetryEvent("Report Written")]
                public partial void ReportWritten(int pages);
            }
            """);
    }

    [Fact]
    public void Parameter_DecidesOverMembers()
    {
        AnalyzerVerifier.Verify("""
            public sealed partial class Reporter
            {
                public TelemetryClient? First { get; set; }

                public TelemetryClient? Second { get; set; }

                [TelemetryEvent("Report Written")]
                public partial void ReportWritten(TelemetryClient client, int pages);
            }
            """);
    }

    [Fact]
    public void OneSource_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                public static TelemetryClient? Client { get; set; }

                [TelemetryEvent("Model Deployed")]
                public static partial void ModelDeployed(int count);
            }
            """);
    }
}
