using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0007: a parameter is declared <c>out</c>, <c>ref</c>, <c>params</c> or <c>scoped</c>.
/// </summary>
public sealed class ParameterModifierTests
{
    [Fact]
    public void Out_ReportedOnModifier()
    {
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded({|TEL0007:out|} int result);
            }
            """);

        Assert.Equal(
            "Parameter 'result' of event method 'ModelLoaded' is declared 'out'; remove the modifier, because event "
                + "parameters are only read",
            AnalyzerVerifier.Message(run.Single("TEL0007")));
    }

    [Theory]
    [InlineData("{|TEL0007:ref|} int value")]
    [InlineData("{|TEL0007:params|} int[] value")]
    [InlineData("{|TEL0007:scoped|} in int value")]
    [InlineData("{|TEL0007:scoped|} {|TEL0007:ref|} int value")]
    [InlineData("{|TEL0007:ref|} TelemetryClient client")]
    public void RejectedModifier_ReportedOnEachToken(string parameter)
    {
        AnalyzerVerifier.Verify($$"""
            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded({{parameter}});
            }
            """);
    }

    [Fact]
    public void ReadOnlyReferences_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(
                    in int first,
                    ref readonly int second,
                    in TelemetryClient client);
            }
            """);
    }

    [Fact]
    public void ExtensionReceiver_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public sealed class Model
            {
            }

            public static partial class ModelEvents
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(this TelemetryClient client, int count);
            }
            """);
    }
}
