using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;
using Verifier = Telemetry.Generators.CodeFixes.Tests.Infrastructure.CodeFixVerifier;

namespace Telemetry.Generators.CodeFixes.Tests;

public sealed class FixAllTests
{
    private const string TrainingBefore = """
        using Telemetry.Generators;

        namespace Sample;

        internal static class {|TEL0006:Training|}
        {
            [TelemetryEvent("Training Started")]
            public static void {|TEL0005:Started|}(string modelType);

            [TelemetryEvent("Training Completed")]
            public static void {|TEL0005:Completed|}(string modelType, int numStorySteps);
        }

        internal class {|TEL0006:Shell|}
        {
            internal static class Events
            {
                [TelemetryEvent("Shell Started")]
                public static partial void {|CS0751:Started|}();
            }
        }
        """;

    private const string TrainingAfter = """
        using Telemetry.Generators;

        namespace Sample;

        internal static partial class Training
        {
            [TelemetryEvent("Training Started")]
            public static partial void Started(string modelType);

            [TelemetryEvent("Training Completed")]
            public static partial void Completed(string modelType, int numStorySteps);
        }

        internal partial class Shell
        {
            internal static partial class Events
            {
                [TelemetryEvent("Shell Started")]
                public static partial void Started();
            }
        }
        """;

    // The compiler reports CS0501 (no body) as well, which is not fixable here and shows only in unfixed text.
    private const string DataBefore = """
        using Telemetry.Generators;

        namespace Sample.Data;

        public sealed class {|TEL0006:DataEvents|}
        {
            [TelemetryEvent("Data Split")]
            public static void {|TEL0005,CS0501:Split|}(double fraction);
        }
        """;

    private const string DataAfter = """
        using Telemetry.Generators;

        namespace Sample.Data;

        public sealed partial class DataEvents
        {
            [TelemetryEvent("Data Split")]
            public static partial void Split(double fraction);
        }
        """;

    [Fact]
    public async Task MakePartialInDocument()
    {
        await Verifier.VerifyFixAllAsync<MakePartialCodeFixProvider>(
            FixAllScope.Document,
            EquivalenceKeys.MakePartial,
            [[TrainingBefore, DataBefore]],
            [[TrainingAfter, DataBefore]]);
    }

    [Fact]
    public async Task MakePartialInProject()
    {
        await Verifier.VerifyFixAllAsync<MakePartialCodeFixProvider>(
            FixAllScope.Project,
            EquivalenceKeys.MakePartial,
            [[TrainingBefore, DataBefore], [DataBefore]],
            [[TrainingAfter, DataAfter], [DataBefore]]);
    }

    [Fact]
    public async Task MakePartialInSolution()
    {
        await Verifier.VerifyFixAllAsync<MakePartialCodeFixProvider>(
            FixAllScope.Solution,
            EquivalenceKeys.MakePartial,
            [[TrainingBefore, DataBefore], [DataBefore]],
            [[TrainingAfter, DataAfter], [DataAfter]]);
    }

    [Fact]
    public async Task RemoveBodiesInDocument()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static class {|TEL0006:Events|}
            {
                [TelemetryEvent("Training Started")]
                public static void {|TEL0005:TrainingStarted|}(string modelType)
                {
                    System.Console.WriteLine(modelType);
                }

                [TelemetryEvent("Training Completed")]
                public static void {|TEL0005:TrainingCompleted|}(string modelType) =>
                    System.Console.WriteLine(modelType);

                [TelemetryEvent("Training Failed")]
                public static void {|TEL0005:TrainingFailed|}(string reason)
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

                [TelemetryEvent("Training Completed")]
                public static partial void TrainingCompleted(string modelType);

                [TelemetryEvent("Training Failed")]
                public static partial void TrainingFailed(string reason);
            }
            """;

        await Verifier.VerifyFixAllAsync<MakePartialCodeFixProvider>(
            FixAllScope.Document,
            EquivalenceKeys.RemoveEventMethodBody,
            [[before]],
            [[after]]);
    }

    [Fact]
    public async Task ReturnVoidInProject()
    {
        const string first = """
            using System.Threading.Tasks;
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static {|TEL0001:async|} Task TrainingStarted(string modelType)
                {
                    await Task.Yield();
                }

                [TelemetryEvent("Training Completed")]
                public static partial {|TEL0002:int|} TrainingCompleted(string modelType);
            }
            """;
        const string second = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class ShellEvents
            {
                [TelemetryEvent("Shell Started")]
                public static partial {|TEL0002:bool|} ShellStarted();
            }
            """;
        const string firstFixed = """
            using System.Threading.Tasks;
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType);

                [TelemetryEvent("Training Completed")]
                public static partial void TrainingCompleted(string modelType);
            }
            """;
        const string secondFixed = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class ShellEvents
            {
                [TelemetryEvent("Shell Started")]
                public static partial void ShellStarted();
            }
            """;

        await Verifier.VerifyFixAllAsync<ReturnVoidCodeFixProvider>(
            FixAllScope.Project,
            EquivalenceKeys.ReturnVoid,
            [[first, second]],
            [[firstFixed, secondFixed]]);
    }

    [Fact]
    public async Task RemoveModifiersInDocument()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    {|TEL0007:out|} int a, {|TEL0007:ref|} int b, {|TEL0007:params|} int[] c);

                [TelemetryEvent("Training Completed")]
                public static partial void TrainingCompleted({|TEL0007:scoped|} in int steps);
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    int a, int b, int[] c);

                [TelemetryEvent("Training Completed")]
                public static partial void TrainingCompleted(in int steps);
            }
            """;

        await Verifier.VerifyFixAllAsync<RemoveParameterModifierCodeFixProvider>(
            FixAllScope.Document,
            EquivalenceKeys.RemoveParameterModifier,
            [[before]],
            [[after]]);
    }

    [Fact]
    public async Task RenameKeysInProject()
    {
        const string first = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    [TelemetryProperty("model_type")] string {|TEL0011:kind|},
                    string {|TEL0011:model_type|});
            }
            """;
        const string second = """
            namespace Sample;

            internal static partial class ShellEvents
            {
                [Telemetry.Generators.TelemetryEvent("Shell Started")]
                public static partial void ShellStarted(int port, int {|TEL0011:Port|});

                [Telemetry.Generators.TelemetryEvent("Shell Stopped")]
                public static partial void ShellStopped(
                    int port,
                    int {|TEL0011:Port|},
                    int {|TEL0011:PORT|});
            }
            """;
        const string firstFixed = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    [TelemetryProperty("model_type_2")] string kind,
                    [TelemetryProperty("model_type_3")] string model_type);
            }
            """;
        const string secondFixed = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class ShellEvents
            {
                [Telemetry.Generators.TelemetryEvent("Shell Started")]
                public static partial void ShellStarted(int port, [TelemetryProperty("port_2")] int Port);

                [Telemetry.Generators.TelemetryEvent("Shell Stopped")]
                public static partial void ShellStopped(
                    int port,
                    [TelemetryProperty("port_2")] int Port,
                    [TelemetryProperty("port_3")] int PORT);
            }
            """;

        await Verifier.VerifyFixAllAsync<RenamePropertyKeyCodeFixProvider>(
            FixAllScope.Project,
            EquivalenceKeys.RenamePropertyKey,
            [[first, second]],
            [[firstFixed, secondFixed]]);
    }
}
