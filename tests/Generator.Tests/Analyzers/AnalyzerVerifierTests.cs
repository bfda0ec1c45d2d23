using System;
using Microsoft.CodeAnalysis.Text;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// The markup parser and the verifier fail when they should, so that a passing analyzer test means something.
/// </summary>
public sealed class AnalyzerVerifierTests
{
    [Fact]
    public void Parse_StripsMarkupAndRecordsSpans()
    {
        var markup = MarkupSource.Parse("void {|TEL0005:M|}({|TEL0003,CS0246:X|} x);");

        Assert.Equal("void M(X x);", markup.Source);
        Assert.Equal(
            [("TEL0005", new TextSpan(5, 1)), ("TEL0003", new TextSpan(7, 1)), ("CS0246", new TextSpan(7, 1))],
            markup.Spans);
    }

    [Theory]
    [InlineData("{|TEL0005 M|}")]
    [InlineData("{|TEL0005:M")]
    [InlineData("{|:M|}")]
    [InlineData("{|TEL0005:{|TEL0003:M|}|}")]
    public void Parse_MalformedMarkup_Throws(string markup)
    {
        Assert.Throws<FormatException>(() => MarkupSource.Parse(markup));
    }

    [Fact]
    public void Verify_UnmarkedDiagnostic_Fails()
    {
        var exception = Assert.Throws<XunitException>(() => AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(object payload);
            }
            """));

        Assert.Contains("unexpected: [object] TEL0003", exception.Message);
    }

    [Fact]
    public void Verify_WrongSpan_Fails()
    {
        var exception = Assert.Throws<XunitException>(() => AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void {|TEL0003:ModelLoaded|}(object payload);
            }
            """));

        Assert.Contains("missing:    TEL0003", exception.Message);
        Assert.Contains("unexpected: [object] TEL0003", exception.Message);
    }

    [Fact]
    public void Verify_UnexplainedEmptyBody_Fails()
    {
        // The pragma hides the only explanation, so the verifier finds an empty body that nothing explains.
        var exception = Assert.Throws<XunitException>(() => AnalyzerVerifier.Verify("""
            public static partial class Events
            {
            #pragma warning disable TEL0003
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(object payload);
            #pragma warning restore TEL0003
            }
            """));

        Assert.Contains("no expected error explains it", exception.Message);
    }

    [Fact]
    public void AgreementCheck_ErrorOnSendingMethod_Fails()
    {
        // An expected TEL0003 on a method whose generated body still sends imitates an analyzer rule that the
        // generator does not apply.
        var source = AnalyzerVerifier.Usings + """
            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(int count);
            }
            """;
        var run = AnalyzerHarness.Run(ProjectSettings.Default, [source]);
        var typeSpan = new TextSpan(source.IndexOf("int count", StringComparison.Ordinal), 3);

        var exception = Assert.Throws<XunitException>(() =>
            AnalyzerVerifier.AssertGeneratorAgrees(run, [new ExpectedDiagnostic("TEL0003", "Input0.cs", typeSpan)]));

        Assert.Contains("still sends the event", exception.Message);
    }
}
