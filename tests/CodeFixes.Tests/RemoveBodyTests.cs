using System.Threading.Tasks;
using Xunit;
using Verifier = Telemetry.Generators.CodeFixes.Tests.Infrastructure.CodeFixVerifier;

namespace Telemetry.Generators.CodeFixes.Tests;

public sealed class RemoveBodyTests
{
    private const string Title = "Let the generator write the body";

    [Fact]
    public async Task BlockBody()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static void {|TEL0005:TrainingStarted|}(string modelType)
                {
                    System.Console.WriteLine(modelType);
                }

                public static void Other()
                {
                }
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType);

                public static void Other()
                {
                }
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(before, after, Title);
    }

    [Fact]
    public async Task OnlyFixOffered()
    {
        // Adding partial alone would leave an implementation without a definition (CS0759).
        const string source = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static void {|TEL0005:TrainingStarted|}(string modelType)
                {
                }
            }
            """;

        var titles = await Verifier.GetOfferedTitlesAsync<MakePartialCodeFixProvider>(source);

        Assert.Equal([Title], titles);
    }

    [Fact]
    public async Task ExpressionBody()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static void {|TEL0005:TrainingStarted|}(string modelType) => System.Console.WriteLine(modelType);
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType);
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(before, after, Title);
    }

    [Fact]
    public async Task CommentAfterSignatureKept()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static void {|TEL0005:TrainingStarted|}(string modelType) // one per run
                {
                }
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType); // one per run
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(before, after, Title);
    }

    [Fact]
    public async Task PartialWithBody()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void {|TEL0005:TrainingStarted|}(string modelType)
                {
                }
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType);
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(before, after, Title);
    }

    [Fact]
    public async Task UserWrittenImplementationRemoved()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType);

                public static partial void {|TEL0005:TrainingStarted|}(string modelType)
                {
                    System.Console.WriteLine(modelType);
                }
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType);
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(before, after, Title);
    }

    [Fact]
    public async Task ContainingTypesMadePartial()
    {
        const string before = """
            using System.Threading.Tasks;
            using Telemetry.Generators;

            namespace Sample;

            internal static class {|TEL0006:Events|}
            {
                [TelemetryEvent("Training Started")]
                public static async void {|TEL0005:TrainingStarted|}(string modelType)
                {
                    await Task.Yield();
                }
            }
            """;
        const string after = """
            using System.Threading.Tasks;
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType);
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(before, after, Title, diagnosticIndex: 1);
    }
}
