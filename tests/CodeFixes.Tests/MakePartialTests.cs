using System.Threading.Tasks;
using Telemetry.Generators.CodeFixes.Tests.Infrastructure;
using Xunit;
using Verifier = Telemetry.Generators.CodeFixes.Tests.Infrastructure.CodeFixVerifier;

namespace Telemetry.Generators.CodeFixes.Tests;

public sealed class MakePartialTests
{
    [Fact]
    public async Task MethodAndContainingType()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static class {|TEL0006:Events|}
            {
                [TelemetryEvent("Training Started")]
                public static void {|TEL0005:TrainingStarted|}(string modelType, int numStorySteps);
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType, int numStorySteps);
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(
            before,
            after,
            "Make 'Events' and 'TrainingStarted' partial",
            diagnosticIndex: 1);
    }

    [Fact]
    public async Task EveryNestingLevel()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            public sealed class {|TEL0006:Outer|}
            {
                internal readonly struct {|TEL0006:Middle|}
                {
                    private static class {|TEL0006:Events|}
                    {
                        [TelemetryEvent("Nested")]
                        internal static void {|TEL0005:Send|}(string name);
                    }
                }
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            public sealed partial class Outer
            {
                internal readonly partial struct Middle
                {
                    private static partial class Events
                    {
                        [TelemetryEvent("Nested")]
                        internal static partial void Send(string name);
                    }
                }
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(
            before,
            after,
            "Make 'Outer', 'Middle', 'Events' and 'Send' partial",
            diagnosticIndex: 3);
    }

    [Fact]
    public async Task TypeDiagnosticCoversNestedTypes()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            public sealed class {|TEL0006:Outer|}
            {
                internal readonly struct {|TEL0006:Middle|}
                {
                    private static class {|TEL0006:Events|}
                    {
                        [TelemetryEvent("Nested")]
                        internal static void {|TEL0005:Send|}(string name);
                    }
                }
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            public sealed partial class Outer
            {
                internal readonly partial struct Middle
                {
                    private static partial class Events
                    {
                        [TelemetryEvent("Nested")]
                        internal static void {|TEL0005,CS0501:Send|}(string name);
                    }
                }
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(
            before,
            after,
            "Make 'Outer', 'Middle' and 'Events' partial");
    }

    [Fact]
    public async Task DeclarationsWithoutModifiers()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            /// <summary>Events of the editor.</summary>
            [System.Obsolete("Use the new editor.")]
            class {|TEL0006:Events|}
            {
                [TelemetryEvent("File Opened")]
                void {|TEL0005:FileOpened|}(string path);
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            /// <summary>Events of the editor.</summary>
            [System.Obsolete("Use the new editor.")]
            partial class Events
            {
                [TelemetryEvent("File Opened")]
                partial void FileOpened(string path);
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(
            before,
            after,
            "Make 'Events' and 'FileOpened' partial",
            diagnosticIndex: 1);
    }

    [Fact]
    public async Task RecordStructModifierOrder()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            public readonly record struct {|TEL0006:Session|}(string Id)
            {
                [TelemetryEvent("Session Closed")]
                public void {|TEL0005:Closed|}(int seconds);
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            public readonly partial record struct Session(string Id)
            {
                [TelemetryEvent("Session Closed")]
                public partial void Closed(int seconds);
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(
            before,
            after,
            "Make 'Session' and 'Closed' partial",
            diagnosticIndex: 1);
    }

    [Fact]
    public async Task RefStructModifierOrder()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            public readonly ref struct {|TEL0006:Scope|}
            {
                [TelemetryEvent("Scope Entered")]
                public static void {|TEL0005:Entered|}(string name);
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            public readonly ref partial struct Scope
            {
                [TelemetryEvent("Scope Entered")]
                public static partial void Entered(string name);
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(
            before,
            after,
            "Make 'Scope' and 'Entered' partial",
            diagnosticIndex: 1);
    }

    [Fact]
    public async Task CompilerErrorOnPartialMethod()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void {|CS0751:TrainingStarted|}(string modelType);
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

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(before, after, "Make 'Events' partial");
    }

    [Fact]
    public async Task CompilerErrorWithOuterType()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal class {|TEL0006:Shell|}
            {
                internal static class Events
                {
                    [TelemetryEvent("Shell Started")]
                    public static partial void {|CS0751:Started|}();
                }
            }
            """;
        const string after = """
            using Telemetry.Generators;

            namespace Sample;

            internal partial class Shell
            {
                internal static partial class Events
                {
                    [TelemetryEvent("Shell Started")]
                    public static partial void Started();
                }
            }
            """;

        await Verifier.VerifyFixAsync<MakePartialCodeFixProvider>(
            before,
            after,
            "Make 'Shell' and 'Events' partial",
            diagnosticIndex: 1);
    }

    [Fact]
    public async Task CompilerErrorOnOrdinaryPartialMethod()
    {
        // CS0751 on a method without [TelemetryEvent] is not a telemetry problem, so no fix is offered.
        const string source = """
            namespace Sample;

            internal class Widget
            {
                partial void {|CS0751:OnChanged|}();
            }
            """;

        await Verifier.VerifyNoFixAsync<MakePartialCodeFixProvider>(source);
    }

    [Fact]
    public async Task LocalFunctionGetsNoFix()
    {
        // A local function cannot be partial. Above all, the fix must not take the enclosing method for the event.
        const string source = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                public static void Run()
                {
                    [TelemetryEvent("Local")]
                    static void {|TEL0005:Local|}(string name)
                    {
                    }

                    Local("x");
                }
            }
            """;

        await Verifier.VerifyNoFixAsync<MakePartialCodeFixProvider>(source);
    }
}
