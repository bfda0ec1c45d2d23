using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit.Sdk;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// Checks sources with diagnostic markup against what a build reports.
/// </summary>
internal static class AnalyzerVerifier
{
    /// <summary>The comment the generator writes into a body that sends nothing.</summary>
    private const string UntrackedBodyComment = "cannot be tracked as written";

    /// <summary>The usings every test source starts with, so that the markup offsets stay readable.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Telemetry.Generators;

        namespace MyApp;

        """;

    /// <inheritdoc cref="Verify(ProjectSettings, string[])"/>
    public static AnalyzerRun Verify(params string[] markups) => Verify(ProjectSettings.Default, markups);

    /// <summary>
    /// Runs the generator and every analyzer over the sources, each prefixed with <see cref="Usings"/>, and fails
    /// unless the build reports exactly the marked diagnostics (analyzer and compiler ones alike, above hidden) and
    /// nothing in generated files. It also checks that the generator agrees with the analyzers: code with no expected
    /// error gets no body that sends nothing.
    /// </summary>
    public static AnalyzerRun Verify(ProjectSettings settings, params string[] markups)
    {
        var parsed = markups.Select(markup => MarkupSource.Parse(Usings + markup)).ToList();
        var run = AnalyzerHarness.Run(settings, parsed.Select(source => source.Source));
        var expected = parsed
            .SelectMany((source, index) => source.Spans.Select(span =>
                new ExpectedDiagnostic(span.Id, $"Input{index}.cs", span.Span)))
            .ToList();

        AssertDiagnostics(run, expected);
        AssertGeneratorAgrees(run, expected);
        return run;
    }

    /// <summary>Fails unless <paramref name="run"/> reported exactly <paramref name="expected"/>.</summary>
    public static void AssertDiagnostics(AnalyzerRun run, IReadOnlyCollection<ExpectedDiagnostic> expected)
    {
        var actual = run.Reported.Select(ToExpected).ToList();
        var missing = expected.Except(actual).ToList();
        var unexpected = run.Reported.Where(diagnostic => !expected.Contains(ToExpected(diagnostic))).ToList();
        var duplicates = actual.GroupBy(item => item).Where(group => group.Count() > 1).Select(group => group.Key);

        if (missing.Count == 0 && unexpected.Count == 0 && !duplicates.Any())
        {
            return;
        }

        var message = new StringBuilder("The build did not report exactly the marked diagnostics.\n");
        foreach (var item in missing)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"  missing:    {item.Id} {item.Path} {item.Span}");
        }

        foreach (var diagnostic in unexpected)
        {
            var text = diagnostic.Location.SourceTree?.GetText().ToString(diagnostic.Location.SourceSpan);
            var line = DiagnosticLine.Format(diagnostic);
            message.AppendLine(CultureInfo.InvariantCulture, $"  unexpected: [{text}] {line}");
        }

        foreach (var item in duplicates)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"  repeated:   {item.Id} {item.Path} {item.Span}");
        }

        throw new XunitException(message.ToString());
    }

    /// <summary>
    /// Fails when the generator and the analyzers disagree. A body that sends nothing needs an expected error to
    /// explain it (a TEL error, or a compiler error such as CS7036 for a missing event name). An expected TEL error
    /// inside an event method means that method's generated body, if there is one, must send nothing.
    /// </summary>
    public static void AssertGeneratorAgrees(AnalyzerRun run, IReadOnlyCollection<ExpectedDiagnostic> expected)
    {
        var untracked = run.GeneratorRun.GeneratedSources
            .Where(source => source.SourceText.ToString().Contains(UntrackedBodyComment, StringComparison.Ordinal))
            .Select(source => source.HintName)
            .ToList();

        if (untracked.Count > 0 && !expected.Any(item => item.Id != "TEL0013"))
        {
            throw new XunitException(
                "The generator wrote a body that sends nothing, but no expected error explains it, in: "
                + string.Join(", ", untracked));
        }

        foreach (var item in expected.Where(item => item.Id.StartsWith("TEL", StringComparison.Ordinal)
            && item.Id is not ("TEL0005" or "TEL0006" or "TEL0013")))
        {
            var implementation = FindGeneratedImplementation(run.GeneratorRun, item);
            var sendsEvent = implementation is not null
                && !implementation.ToString().Contains(UntrackedBodyComment, StringComparison.Ordinal);
            if (sendsEvent)
            {
                throw new XunitException(
                    $"{item.Id} is expected at {item.Path} {item.Span}, but the generated body of its method still "
                    + $"sends the event:\n{implementation}");
            }
        }
    }

    /// <summary>
    /// Returns the generated implementation of the method declaration that contains <paramref name="item"/>, or null
    /// when the span is outside a method or the method has no generated implementation.
    /// </summary>
    private static SyntaxNode? FindGeneratedImplementation(GeneratorRun run, ExpectedDiagnostic item)
    {
        var compilation = run.OutputCompilation;
        var tree = compilation.SyntaxTrees.FirstOrDefault(tree => tree.FilePath == item.Path);
        var declaration = tree?.GetRoot().FindNode(item.Span).FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (tree is null || declaration is null)
        {
            return null;
        }

        var method = compilation.GetSemanticModel(tree).GetDeclaredSymbol(declaration);
        var implementation = method?.PartialImplementationPart?.DeclaringSyntaxReferences.FirstOrDefault();
        var generatedTrees = run.GeneratedSources.Select(source => source.SyntaxTree).ToList();
        return implementation is not null && generatedTrees.Contains(implementation.SyntaxTree)
            ? implementation.GetSyntax()
            : null;
    }

    private static ExpectedDiagnostic ToExpected(Diagnostic diagnostic) => new(
        diagnostic.Id,
        diagnostic.Location.SourceTree?.FilePath ?? "(no file)",
        diagnostic.Location.SourceSpan);

    /// <summary>Returns the message in the invariant culture.</summary>
    public static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>Creates settings for a consumer that sets <c>TelemetryPropertyNaming</c>.</summary>
    public static ProjectSettings WithNaming(string policy) =>
        ProjectSettings.Default.WithBuildProperty("TelemetryPropertyNaming", policy);
}
