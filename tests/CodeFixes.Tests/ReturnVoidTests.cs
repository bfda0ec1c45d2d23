using System.Threading.Tasks;
using Xunit;
using Verifier = Telemetry.Generators.CodeFixes.Tests.Infrastructure.CodeFixVerifier;

namespace Telemetry.Generators.CodeFixes.Tests;

public sealed class ReturnVoidTests
{
    [Fact]
    public async Task TaskReturningDefinition()
    {
        const string before = """
            using System.Threading.Tasks;
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial {|TEL0002:Task|} TrainingStarted(string modelType);
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

        await Verifier.VerifyFixAsync<ReturnVoidCodeFixProvider>(before, after, "Return void");
    }

    [Fact]
    public async Task ValueReturnedFromBody()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static {|TEL0002:bool|} TrainingStarted(string modelType)
                {
                    if (modelType.Length == 0)
                    {
                        return false;
                    }

                    return true;
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

        await Verifier.VerifyFixAsync<ReturnVoidCodeFixProvider>(before, after, "Return void");
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
                public static {|TEL0002:int|} TrainingStarted(string modelType) => modelType.Length;
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

        await Verifier.VerifyFixAsync<ReturnVoidCodeFixProvider>(before, after, "Return void");
    }

    [Fact]
    public async Task AsyncTaskWithBody()
    {
        const string before = """
            using System.Threading.Tasks;
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static {|TEL0001:async|} Task<int> TrainingStarted(string modelType)
                {
                    await Task.Delay(1);
                    return modelType.Length;
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

        await Verifier.VerifyFixAsync<ReturnVoidCodeFixProvider>(before, after, "Return void");
    }

    [Fact]
    public async Task AsyncFirstModifier()
    {
        const string before = """
            using System.Threading.Tasks;
            using Telemetry.Generators;

            namespace Sample;

            internal partial class Events
            {
                [TelemetryEvent("Training Started")]
                {|TEL0001:async|} Task TrainingStarted(string modelType)
                {
                    await Task.Yield();
                }
            }
            """;
        const string after = """
            using System.Threading.Tasks;
            using Telemetry.Generators;

            namespace Sample;

            internal partial class Events
            {
                [TelemetryEvent("Training Started")]
                partial void TrainingStarted(string modelType);
            }
            """;

        await Verifier.VerifyFixAsync<ReturnVoidCodeFixProvider>(before, after, "Return void");
    }

    [Fact]
    public async Task AsyncVoid()
    {
        const string before = """
            using System.Threading.Tasks;
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static {|TEL0001:async|} void TrainingStarted(string modelType)
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

        await Verifier.VerifyFixAsync<ReturnVoidCodeFixProvider>(before, after, "Remove 'async'");
    }

    [Fact]
    public async Task AsyncIterator()
    {
        const string before = """
            using System.Collections.Generic;
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial {|TEL0001:IAsyncEnumerable<int>|} TrainingStarted(string modelType);
            }
            """;
        const string after = """
            using System.Collections.Generic;
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType);
            }
            """;

        await Verifier.VerifyFixAsync<ReturnVoidCodeFixProvider>(before, after, "Return void");
    }

    [Fact]
    public async Task RefReturn()
    {
        const string before = """
            using Telemetry.Generators;

            namespace Sample;

            internal static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial {|TEL0002:ref int|} TrainingStarted(string modelType);
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

        await Verifier.VerifyFixAsync<ReturnVoidCodeFixProvider>(before, after, "Return void");
    }
}
