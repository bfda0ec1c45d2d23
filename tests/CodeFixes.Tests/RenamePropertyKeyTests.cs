using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;
using Verifier = Telemetry.Generators.CodeFixes.Tests.Infrastructure.CodeFixVerifier;

namespace Telemetry.Generators.CodeFixes.Tests;

public sealed class RenamePropertyKeyTests
{
    [Fact]
    public async Task AddsAttribute()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    [TelemetryProperty("model_type")] string kind,
                    string {|TEL0011:modelType|});
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    [TelemetryProperty("model_type")] string kind,
                    [TelemetryProperty("model_type_2")] string modelType);
            }
            """;

        await Verifier.VerifyFixAsync<RenamePropertyKeyCodeFixProvider>(
            before,
            after,
            "Send 'model_type' as 'model_type_2'");
    }

    [Fact]
    public async Task ReplacesExistingKey()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    [TelemetryProperty("model_type")] string {|TEL0011:kind|});
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
                    [TelemetryProperty("model_type_2")] string kind);
            }
            """;

        await Verifier.VerifyFixAsync<RenamePropertyKeyCodeFixProvider>(
            before,
            after,
            "Send 'model_type' as 'model_type_2'");
    }

    [Fact]
    public async Task SkipsTakenSuffix()
    {
        // modelType2 sends model_type2, which does not collide; "model_type_2" given explicitly does.
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    string modelType2,
                    [TelemetryProperty("model_type_2")] string previous,
                    string {|TEL0011:model_type|});
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
                    string modelType2,
                    [TelemetryProperty("model_type_2")] string previous,
                    [TelemetryProperty("model_type_3")] string model_type);
            }
            """;

        await Verifier.VerifyFixAsync<RenamePropertyKeyCodeFixProvider>(
            before,
            after,
            "Send 'model_type' as 'model_type_3'");
    }

    [Fact]
    public async Task ThirdDuplicateGetsThree()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    [TelemetryProperty("model_type")] string {|TEL0011:kind|},
                    [TelemetryProperty("model_type")] string {|TEL0011:type|});
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
                    [TelemetryProperty("model_type")] string {|TEL0011:kind|},
                    [TelemetryProperty("model_type_3")] string type);
            }
            """;

        await Verifier.VerifyFixAsync<RenamePropertyKeyCodeFixProvider>(
            before,
            after,
            "Send 'model_type' as 'model_type_3'",
            diagnosticIndex: 1);
    }

    [Fact]
    public async Task KeepsOtherAttributes()
    {
        const string before = """
            using System.Diagnostics.CodeAnalysis;
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string? modelType,
                    [AllowNull] string {|TEL0011:model_type|});
            }
            """;
        const string after = """
            using System.Diagnostics.CodeAnalysis;
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string? modelType,
                    [AllowNull] [TelemetryProperty("model_type_2")] string model_type);
            }
            """;

        await Verifier.VerifyFixAsync<RenamePropertyKeyCodeFixProvider>(
            before,
            after,
            "Send 'model_type' as 'model_type_2'");
    }

    [Fact]
    public async Task KebabCasePolicy()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    string {|TEL0011:model_type|});
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
                    [TelemetryProperty("model-type-2")] string model_type);
            }
            """;

        await Verifier.VerifyFixAsync<RenamePropertyKeyCodeFixProvider>(
            before,
            after,
            "Send 'model-type' as 'model-type-2'",
            buildProperties: new Dictionary<string, string> { ["TelemetryPropertyNaming"] = "KebabCase" });
    }

    [Fact]
    public async Task AddsUsingDirective()
    {
        const string before = """
            namespace Sample;

            internal static partial class Events
            {
                [Telemetry.Generators.TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    string {|TEL0011:model_type|});
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [Telemetry.Generators.TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    [TelemetryProperty("model_type_2")] string model_type);
            }
            """;

        await Verifier.VerifyFixAsync<RenamePropertyKeyCodeFixProvider>(
            before,
            after,
            "Send 'model_type' as 'model_type_2'");
    }

    [Fact]
    public async Task QualifiesNameOnConflict()
    {
        // Importing Telemetry.Generators here would make TelemetryClient ambiguous (CS0104).
        const string before = """
            using Other;

            namespace Other
            {
                public sealed class TelemetryClient
                {
                }
            }

            namespace Sample
            {
                internal static partial class Events
                {
                    public static TelemetryClient? LastClient;

                    [Telemetry.Generators.TelemetryEvent("Training Started")]
                    public static partial void TrainingStarted(
                        string modelType,
                        string {|TEL0011:model_type|});
                }
            }
            """;
        const string after = """
            using Other;

            namespace Other
            {
                public sealed class TelemetryClient
                {
                }
            }

            namespace Sample
            {
                internal static partial class Events
                {
                    public static TelemetryClient? LastClient;

                    [Telemetry.Generators.TelemetryEvent("Training Started")]
                    public static partial void TrainingStarted(
                        string modelType,
                        [Telemetry.Generators.TelemetryProperty("model_type_2")] string model_type);
                }
            }
            """;

        await Verifier.VerifyFixAsync<RenamePropertyKeyCodeFixProvider>(
            before,
            after,
            "Send 'model_type' as 'model_type_2'");
    }
}
