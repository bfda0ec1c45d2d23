using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Verifier = Telemetry.Generators.CodeFixes.Tests.Infrastructure.CodeFixVerifier;

namespace Telemetry.Generators.CodeFixes.Tests;

public sealed class RemoveParameterModifierTests
{
    [Theory]
    [InlineData("out", "int count")]
    [InlineData("ref", "int count")]
    [InlineData("params", "int[] counts")]
    public async Task RemovesModifier(string modifier, string parameter)
    {
        var before = $$"""
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType, {|TEL0007:{{modifier}}|} {{parameter}});
            }
            """;
        var after = $$"""
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType, {{parameter}});
            }
            """;

        await Verifier.VerifyFixAsync<RemoveParameterModifierCodeFixProvider>(before, after, $"Remove '{modifier}'");
    }

    [Fact]
    public async Task ScopedBeforeIn()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted({|TEL0007:scoped|} in int numStorySteps);
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(in int numStorySteps);
            }
            """;

        await Verifier.VerifyFixAsync<RemoveParameterModifierCodeFixProvider>(before, after, "Remove 'scoped'");
    }

    [Fact]
    public async Task AttributeAndLineBreakKept()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    [TelemetryProperty("steps")] {|TEL0007:ref|} int numStorySteps,
                    {|TEL0007:params|} string[] tags);
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    [TelemetryProperty("steps")] int numStorySteps,
                    {|TEL0007:params|} string[] tags);
            }
            """;

        await Verifier.VerifyFixAsync<RemoveParameterModifierCodeFixProvider>(before, after, "Remove 'ref'");
    }

    [Fact]
    public async Task FirstTokenOnItsLine()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    {|TEL0007:params|} string[] tags);
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    string[] tags);
            }
            """;

        await Verifier.VerifyFixAsync<RemoveParameterModifierCodeFixProvider>(before, after, "Remove 'params'");
    }

    [Fact]
    public async Task RefReadonlyKept()
    {
        // The analyzer accepts "ref readonly", and removing "ref" alone would leave "readonly", which does not compile.
        const string source = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(ref readonly int numStorySteps);
            }
            """;
        var span = new TextSpan(source.IndexOf("ref", System.StringComparison.Ordinal), "ref".Length);

        var titles = await Verifier.OfferFixesForMadeUpDiagnosticAsync<RemoveParameterModifierCodeFixProvider>(
            source,
            "TEL0007",
            span);

        Assert.Empty(titles);
    }
}
