using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace Telemetry.Generators.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Applies a code fix or a fix-all to marked source (see <see cref="Markup"/>) and compares the result.
/// </summary>
/// <remarks>
/// Before the fix, the diagnostics the provider can fix must be exactly the marked ones. After it, the text must match
/// exactly, and the project must report exactly the diagnostics marked in the expected text: every error and every
/// analyzer diagnostic counts, so unmarked fixed code compiles cleanly with the generator's output.
/// </remarks>
internal static class CodeFixVerifier
{
    private static readonly ImmutableHashSet<string> KnownEquivalenceKeys = typeof(EquivalenceKeys)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (string)field.GetValue(null)!)
        .ToImmutableHashSet();

    /// <summary>
    /// Offers the fixes for the marked diagnostic at <paramref name="diagnosticIndex"/> (in source order), applies
    /// the one titled <paramref name="title"/>, and checks the result against <paramref name="after"/>.
    /// </summary>
    public static async Task VerifyFixAsync<TProvider>(
        string before,
        string after,
        string title,
        int diagnosticIndex = 0,
        IReadOnlyDictionary<string, string>? buildProperties = null)
        where TProvider : CodeFixProvider, new()
    {
        var provider = new TProvider();
        var beforeMarkup = Markup.Parse(before);
        var afterMarkup = Markup.Parse(after);
        var test = TestSolution.Create([[beforeMarkup.Text]], buildProperties);
        var document = test.Document(0, 0);

        var diagnostics = await CheckFixableDiagnosticsAsync(provider, test, [[beforeMarkup]]);
        var actions = await OfferFixesAsync(provider, document, diagnostics[diagnosticIndex]);
        var action = actions.FirstOrDefault(candidate => candidate.Title == title)
            ?? throw new XunitException(
                $"No fix titled \"{title}\" was offered; offered: {FormatTitles(actions)}.");

        var changed = await ApplyAsync(action, test.Solution);
        await CheckResultAsync(changed, test, [[afterMarkup]]);
    }

    /// <summary>
    /// Returns the titles of the fixes offered for the marked diagnostic at <paramref name="diagnosticIndex"/>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> GetOfferedTitlesAsync<TProvider>(
        string source,
        int diagnosticIndex = 0)
        where TProvider : CodeFixProvider, new()
    {
        var provider = new TProvider();
        var markup = Markup.Parse(source);
        var test = TestSolution.Create([[markup.Text]]);

        var diagnostics = await CheckFixableDiagnosticsAsync(provider, test, [[markup]]);
        var actions = await OfferFixesAsync(provider, test.Document(0, 0), diagnostics[diagnosticIndex]);
        return actions.Select(action => action.Title).ToList();
    }

    /// <summary>
    /// Offers and applies every fix for each diagnostic the provider can fix in <paramref name="source"/>, which
    /// need not be marked or even parse, and returns the number of such diagnostics. A fix that throws fails the
    /// test.
    /// </summary>
    public static async Task<int> ApplyEveryFixAsync<TProvider>(string source)
        where TProvider : CodeFixProvider, new()
    {
        var provider = new TProvider();
        var test = TestSolution.Create([[source]]);
        var document = test.Document(0, 0);
        var reported = await DiagnosticCollector.CollectAsync(document.Project, CancellationToken.None);
        var fixable = reported.Where(diagnostic => provider.FixableDiagnosticIds.Contains(diagnostic.Id)).ToList();

        foreach (var diagnostic in fixable)
        {
            foreach (var action in await OfferFixesAsync(provider, document, diagnostic))
            {
                await ApplyAsync(action, test.Solution);
            }
        }

        return fixable.Count;
    }

    /// <summary>
    /// Checks that the provider offers no fix for any marked diagnostic, and does not throw.
    /// </summary>
    public static async Task VerifyNoFixAsync<TProvider>(string source)
        where TProvider : CodeFixProvider, new()
    {
        var provider = new TProvider();
        var markup = Markup.Parse(source);
        var test = TestSolution.Create([[markup.Text]]);

        var diagnostics = await CheckFixableDiagnosticsAsync(provider, test, [[markup]]);
        foreach (var diagnostic in diagnostics)
        {
            var actions = await OfferFixesAsync(provider, test.Document(0, 0), diagnostic);
            if (actions.Count > 0)
            {
                throw new XunitException(
                    $"Expected no fix for {diagnostic.Id} at {diagnostic.Location.SourceSpan}, but got: "
                    + $"{FormatTitles(actions)}.");
            }
        }
    }

    /// <summary>
    /// Returns the titles of the fixes offered for a diagnostic that the test makes up, with
    /// <paramref name="id"/> and <paramref name="span"/>, such as one left over from an older version of the text.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OfferFixesForMadeUpDiagnosticAsync<TProvider>(
        string source,
        string id,
        TextSpan span)
        where TProvider : CodeFixProvider, new()
    {
        var test = TestSolution.Create([[source]]);
        var document = test.Document(0, 0);
        var tree = await document.GetSyntaxTreeAsync();
        var descriptor = new DiagnosticDescriptor(
            id,
            "Made-up diagnostic",
            "Made-up diagnostic",
            "Test",
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);
        var diagnostic = Diagnostic.Create(descriptor, Location.Create(tree!, span));

        var actions = await OfferFixesAsync(new TProvider(), document, diagnostic);
        foreach (var action in actions)
        {
            await ApplyAsync(action, test.Solution);
        }

        return actions.Select(action => action.Title).ToList();
    }

    /// <summary>
    /// Runs fix-all in <paramref name="scope"/>, starting from the first marked diagnostic of the first document of
    /// the first project, for the actions with <paramref name="equivalenceKey"/>. Each inner list is one project's
    /// documents.
    /// </summary>
    public static async Task VerifyFixAllAsync<TProvider>(
        FixAllScope scope,
        string equivalenceKey,
        string[][] before,
        string[][] after,
        IReadOnlyDictionary<string, string>? buildProperties = null)
        where TProvider : CodeFixProvider, new()
    {
        var provider = new TProvider();
        var beforeMarkup = before.Select(project => project.Select(Markup.Parse).ToList()).ToList();
        var afterMarkup = after.Select(project => project.Select(Markup.Parse).ToList()).ToList();
        var sources = beforeMarkup
            .Select(project => (IReadOnlyList<string>)project.Select(markup => markup.Text).ToList())
            .ToList();
        var test = TestSolution.Create(sources, buildProperties);

        await CheckFixableDiagnosticsAsync(provider, test, beforeMarkup);
        var fixAllProvider = provider.GetFixAllProvider()
            ?? throw new XunitException($"{typeof(TProvider).Name} has no fix-all provider.");
        if (!fixAllProvider.GetSupportedFixAllScopes().Contains(scope))
        {
            throw new XunitException($"{typeof(TProvider).Name} does not support fix-all in scope {scope}.");
        }

        var context = new FixAllContext(
            test.Document(0, 0),
            provider,
            scope,
            equivalenceKey,
            provider.FixableDiagnosticIds,
            new CollectingDiagnosticProvider(),
            CancellationToken.None);
        var action = await fixAllProvider.GetFixAsync(context)
            ?? throw new XunitException($"Fix-all in scope {scope} returned no action.");

        var changed = await ApplyAsync(action, test.Solution);
        await CheckResultAsync(changed, test, afterMarkup);
    }

    /// <summary>
    /// Checks that the diagnostics the provider can fix are exactly the marked ones, and returns them in order.
    /// </summary>
    private static async Task<IReadOnlyList<Diagnostic>> CheckFixableDiagnosticsAsync(
        CodeFixProvider provider,
        TestSolution test,
        IReadOnlyList<IReadOnlyList<Markup>> markup)
    {
        var fixable = new List<Diagnostic>();
        for (var i = 0; i < markup.Count; i++)
        {
            var project = test.Document(i, 0).Project;
            var reported = await DiagnosticCollector.CollectAsync(project, CancellationToken.None);
            var projectFixable = reported
                .Where(diagnostic => provider.FixableDiagnosticIds.Contains(diagnostic.Id))
                .ToList();
            await CompareAsync(
                $"Fixable diagnostics of {project.Name} before the fix",
                test.Solution,
                test.DocumentIds[i],
                markup[i],
                id => provider.FixableDiagnosticIds.Contains(id),
                projectFixable);
            fixable.AddRange(projectFixable);
        }

        if (fixable.Count == 0)
        {
            throw new XunitException("The source has no diagnostic to fix; mark at least one.");
        }

        return fixable;
    }

    /// <summary>
    /// Compares each document's text with the expected markup text, then each project's reported diagnostics with
    /// the marks.
    /// </summary>
    private static async Task CheckResultAsync(
        Solution changed,
        TestSolution test,
        IReadOnlyList<IReadOnlyList<Markup>> expected)
    {
        for (var i = 0; i < expected.Count; i++)
        {
            for (var j = 0; j < expected[i].Count; j++)
            {
                var document = changed.GetDocument(test.DocumentIds[i][j])!;
                var text = (await document.GetTextAsync()).ToString();
                TextComparison.AssertEqual(expected[i][j].Text, text, document.FilePath!);
            }
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var project = changed.GetDocument(test.DocumentIds[i][0])!.Project;
            var reported = await DiagnosticCollector.CollectAsync(project, CancellationToken.None);
            var relevant = reported
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error
                    || TelemetryAnalyzers.SupportedIds.Contains(diagnostic.Id))
                .ToList();
            await CompareAsync(
                $"Diagnostics of {project.Name} after the fix",
                changed,
                test.DocumentIds[i],
                expected[i],
                _ => true,
                relevant);
        }
    }

    private static async Task CompareAsync(
        string what,
        Solution solution,
        IReadOnlyList<DocumentId> documentIds,
        IReadOnlyList<Markup> markup,
        Func<string, bool> compareId,
        IReadOnlyList<Diagnostic> actual)
    {
        var expectedLines = new List<string>();
        for (var j = 0; j < documentIds.Count; j++)
        {
            var document = solution.GetDocument(documentIds[j])!;
            var text = await document.GetTextAsync();
            expectedLines.AddRange(markup[j].Diagnostics
                .Where(expected => compareId(expected.Id))
                .Select(expected => DiagnosticLine.Format(expected.Id, document.FilePath!, text, expected.Span)));
        }

        var actualLines = new List<string>();
        var actualDescriptions = new List<string>();
        foreach (var diagnostic in actual)
        {
            var tree = diagnostic.Location.SourceTree;
            var line = tree is null
                ? $"{diagnostic.Id} (no location)"
                : DiagnosticLine.Format(
                    diagnostic.Id,
                    tree.FilePath,
                    await tree.GetTextAsync(),
                    diagnostic.Location.SourceSpan);
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            actualLines.Add(line);
            actualDescriptions.Add($"{line}: {message}");
        }

        expectedLines.Sort(StringComparer.Ordinal);
        actualLines.Sort(StringComparer.Ordinal);
        if (!expectedLines.SequenceEqual(actualLines))
        {
            throw new XunitException(
                $"{what} differ.\nExpected:\n  {string.Join("\n  ", expectedLines)}\n"
                + $"Actual:\n  {string.Join("\n  ", actualDescriptions)}");
        }
    }

    private static async Task<IReadOnlyList<CodeAction>> OfferFixesAsync(
        CodeFixProvider provider,
        Document document,
        Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(
            document,
            diagnostic,
            (action, _) => actions.Add(action),
            CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);

        foreach (var action in actions)
        {
            if (action.EquivalenceKey is null || !KnownEquivalenceKeys.Contains(action.EquivalenceKey))
            {
                throw new XunitException(
                    $"Fix \"{action.Title}\" has the equivalence key '{action.EquivalenceKey}', which is not one of "
                    + "the EquivalenceKeys constants.");
            }
        }

        return actions;
    }

    private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = operations.OfType<ApplyChangesOperation>().SingleOrDefault()
            ?? throw new XunitException($"Fix \"{action.Title}\" changed nothing.");
        return apply.ChangedSolution;
    }

    private static string FormatTitles(IReadOnlyList<CodeAction> actions) =>
        actions.Count == 0 ? "none" : string.Join(", ", actions.Select(action => $"\"{action.Title}\""));

    /// <summary>Supplies fix-all with the diagnostics a build of each project reports.</summary>
    private sealed class CollectingDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(
            Document document,
            CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            var diagnostics = await DiagnosticCollector.CollectAsync(document.Project, cancellationToken);
            return diagnostics.Where(diagnostic => diagnostic.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(
            Project project,
            CancellationToken cancellationToken)
        {
            var diagnostics = await DiagnosticCollector.CollectAsync(project, cancellationToken);
            return diagnostics.Where(diagnostic => !diagnostic.Location.IsInSource);
        }

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(
            Project project,
            CancellationToken cancellationToken)
        {
            return await DiagnosticCollector.CollectAsync(project, cancellationToken);
        }
    }
}
