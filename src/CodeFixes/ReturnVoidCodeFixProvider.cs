using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Telemetry.Generators.CodeFixes.Editing;

namespace Telemetry.Generators.CodeFixes;

/// <summary>
/// Declares an async or value-returning event method (TEL0001, TEL0002) as <c>partial void M(...);</c>. The body
/// goes too, because the generator writes it and a <c>return x;</c> has nothing left to return.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnVoidCodeFixProvider))]
[Shared]
public sealed class ReturnVoidCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.AsyncEventMethod,
        DiagnosticIds.EventMethodMustReturnVoid);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = DiagnosticTargets.FindNode(root, diagnostic);
            if (node is null || DiagnosticTargets.FindEnclosingDeclaration(node) is not MethodDeclarationSyntax method)
            {
                continue;
            }

            var fixedMethod = EventMethodEditing.ToPartialVoidDefinition(method);
            if (fixedMethod.IsEquivalentTo(method))
            {
                continue;
            }

            // An async void method already returns void; what the user sees change is the modifier.
            var title = EventMethodEditing.ReturnsVoid(method) ? "Remove 'async'" : "Return void";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(method, fixedMethod))),
                    EquivalenceKeys.ReturnVoid),
                diagnostic);
        }
    }
}
