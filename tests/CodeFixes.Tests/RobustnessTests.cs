using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Verifier = Telemetry.Generators.CodeFixes.Tests.Infrastructure.CodeFixVerifier;

namespace Telemetry.Generators.CodeFixes.Tests;

/// <summary>
/// Code fixes run on code as it is being typed, and on diagnostics computed for an older version of it. They must
/// offer nothing rather than throw.
/// </summary>
public sealed class RobustnessTests
{
    private const string Source = """
        using Telemetry.Generators;

        namespace Sample;

        internal static partial class Events
        {
            [TelemetryEvent("Training Started")]
            public static partial void TrainingStarted(string modelType);
        }
        """;

    /// <summary>Half-typed declarations: each one has a syntax error and at least one telemetry diagnostic.</summary>
    public static TheoryData<string> HalfTypedSources { get; } = new()
    {
        """
        using Telemetry.Generators;
        internal static class Events
        {
            [TelemetryEvent("Training Started")]
            public static void TrainingStarted(string modelType
        }
        """,
        """
        using System.Threading.Tasks;
        using Telemetry.Generators;
        internal static partial class Events
        {
            [TelemetryEvent("Training Started")]
            public static async Task<int> TrainingStarted(out int
        }
        """,
        """
        using Telemetry.Generators;
        internal static partial class Events
        {
            [TelemetryEvent("Training Started")]
            public static int TrainingStarted(string modelType) {
                return 1;
        """,
        """
        using Telemetry.Generators;
        internal static partial class Events
        {
            [TelemetryEvent("Training Started")]
            public static partial void TrainingStarted(string modelType, [TelemetryProperty("model_type")] string kind
        }
        """,
        """
        using Telemetry.Generators;
        internal static partial class Events
        {
            [TelemetryEvent("Training Started")]
            public static partial void TrainingStarted(string modelType, string model_type, ref
        }
        """,
        """
        using Telemetry.Generators;
        internal static class Events
        {
            [TelemetryEvent("Training Started")]
            public static void TrainingStarted(string modelType) =>
        }
        """,
    };

    [Theory]
    [MemberData(nameof(HalfTypedSources))]
    public async Task HalfTypedCodeDoesNotThrow(string source)
    {
        // Each call offers and applies every fix; an exception fails the test.
        var diagnostics = await Verifier.ApplyEveryFixAsync<MakePartialCodeFixProvider>(source)
            + await Verifier.ApplyEveryFixAsync<ReturnVoidCodeFixProvider>(source)
            + await Verifier.ApplyEveryFixAsync<RemoveParameterModifierCodeFixProvider>(source)
            + await Verifier.ApplyEveryFixAsync<RenamePropertyKeyCodeFixProvider>(source);

        Assert.True(diagnostics > 0, "The source has no diagnostic that a code fix handles, so it tests nothing.");
    }

    public static TheoryData<string> FixableIds { get; } = new()
    {
        "TEL0001",
        "TEL0002",
        "TEL0005",
        "TEL0006",
        "TEL0007",
        "TEL0011",
        "CS0751",
    };

    [Theory]
    [MemberData(nameof(FixableIds))]
    public async Task StaleLocationPastEnd(string id)
    {
        await AssertNoFixAsync(id, new TextSpan(Source.Length + 10, 5));
    }

    [Theory]
    [MemberData(nameof(FixableIds))]
    public async Task LocationOnNamespace(string id)
    {
        await AssertNoFixAsync(id, FindSpan("Sample"));
    }

    [Theory]
    [MemberData(nameof(FixableIds))]
    public async Task ValidDeclarationUnchanged(string id)
    {
        // A diagnostic left over on the method name after the user fixed it by hand: there is nothing to change.
        await AssertNoFixAsync(id, FindSpan("TrainingStarted"));
    }

    private static TextSpan FindSpan(string text) =>
        new(Source.IndexOf(text, System.StringComparison.Ordinal), text.Length);

    private static async Task AssertNoFixAsync(string id, TextSpan span)
    {
        await AssertNoFixAsync<MakePartialCodeFixProvider>(id, span);
        await AssertNoFixAsync<ReturnVoidCodeFixProvider>(id, span);
        await AssertNoFixAsync<RemoveParameterModifierCodeFixProvider>(id, span);
        await AssertNoFixAsync<RenamePropertyKeyCodeFixProvider>(id, span);
    }

    private static async Task AssertNoFixAsync<TProvider>(string id, TextSpan span)
        where TProvider : CodeFixProvider, new()
    {
        var titles = await Verifier.OfferFixesForMadeUpDiagnosticAsync<TProvider>(Source, id, span);

        Assert.True(
            titles.Count == 0,
            $"{typeof(TProvider).Name} offered {string.Join(", ", titles)} for {id} at {span}.");
    }
}
