using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0012: a <c>[TelemetryProperty]</c> key is null, empty or whitespace.
/// </summary>
public sealed class EmptyKeyTests
{
    [Theory]
    [InlineData("{|TEL0012:\"\"|}", "empty")]
    [InlineData("{|TEL0012:\"  \"|}", "only whitespace")]
    [InlineData("{|TEL0012,CS8625:null|}", "null")]
    public void BlankKey_ReportedOnArgument(string argument, string description)
    {
        var run = AnalyzerVerifier.Verify($$"""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted([TelemetryProperty({{argument}})] int count);
            }
            """);

        Assert.Equal(
            $"The [TelemetryProperty] key of parameter 'count' is {description}; give a key or remove the attribute",
            AnalyzerVerifier.Message(run.Single("TEL0012")));
    }

    [Fact]
    public void MissingArgument_LeftToCompiler()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted([{|CS7036:TelemetryProperty|}] int count);
            }
            """);
    }

    [Fact]
    public void NonBlankKey_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted([TelemetryProperty("num_steps")] int count);
            }
            """);
    }
}
