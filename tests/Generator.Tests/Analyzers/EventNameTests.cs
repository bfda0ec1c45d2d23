using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0010: an event name is null, empty, padded, too long or contains a control character.
/// </summary>
public sealed class EventNameTests
{
    [Theory]
    [InlineData("\"\"", "it is empty")]
    [InlineData("\"   \"", "it contains only whitespace")]
    [InlineData("\" Training Started\"", "it starts or ends with whitespace")]
    [InlineData("\"Training Started \"", "it starts or ends with whitespace")]
    [InlineData("\"Training\\nStarted\"", "it contains the control character U+000A")]
    [InlineData("\"Training\\u0000Started\"", "it contains the control character U+0000")]
    public void InvalidName_ReportedOnArgument(string literal, string reason)
    {
        var run = AnalyzerVerifier.Verify($$"""
            public static partial class Events
            {
                [TelemetryEvent({|TEL0010:{{literal}}|})]
                public static partial void TrainingStarted(int count);
            }
            """);

        Assert.EndsWith(
            "of method 'TrainingStarted' is invalid: " + reason,
            AnalyzerVerifier.Message(run.Single("TEL0010")));
    }

    [Fact]
    public void ControlCharacter_ShownEscaped()
    {
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent({|TEL0010:"Line\nBreak"|})]
                public static partial void LineBreak(int count);
            }
            """);

        Assert.Equal(
            "Event name \"Line\\nBreak\" of method 'LineBreak' is invalid: it contains the control character U+000A",
            AnalyzerVerifier.Message(run.Single("TEL0010")));
    }

    [Fact]
    public void NullName_ReportedAsMissing()
    {
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent({|TEL0010,CS8625:null|})]
                public static partial void TrainingStarted(int count);
            }
            """);

        Assert.Equal(
            "Event name null of method 'TrainingStarted' is invalid: it is missing",
            AnalyzerVerifier.Message(run.Single("TEL0010")));
    }

    [Fact]
    public void TooLongName_ReportedWithLength()
    {
        var name = new string('a', 201);
        var run = AnalyzerVerifier.Verify($$"""
            public static partial class Events
            {
                [TelemetryEvent(name: {|TEL0010:"{{name}}"|})]
                public static partial void TrainingStarted(int count);
            }
            """);

        Assert.Equal(
            $"Event name \"{new string('a', 60)}\"... of method 'TrainingStarted' is invalid: it is 201 characters "
                + "long, and the maximum is 200",
            AnalyzerVerifier.Message(run.Single("TEL0010")));
    }

    [Fact]
    public void MissingArgument_LeftToCompiler()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [{|CS7036:TelemetryEvent|}]
                public static partial void TrainingStarted(int count);
            }
            """);
    }

    [Fact]
    public void NonConstantArgument_LeftToCompiler()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                public static readonly string Name = "Training Started";

                [TelemetryEvent({|CS0182:Name|})]
                public static partial void TrainingStarted(int count);
            }
            """);
    }

    [Fact]
    public void ValidNames_NotReported()
    {
        var longest = new string('a', 200);
        AnalyzerVerifier.Verify($$"""
            public static partial class Events
            {
                private const string Prefix = "Training ";

                [TelemetryEvent("{{longest}}")]
                public static partial void Longest(int count);

                [TelemetryEvent(Prefix + "Started")]
                public static partial void TrainingStarted(int count);

                [TelemetryEvent("Ünïcödé — ok")]
                public static partial void Unicode(int count);
            }
            """);
    }
}
