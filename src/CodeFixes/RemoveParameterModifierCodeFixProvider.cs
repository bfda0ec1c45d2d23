using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Telemetry.Generators.CodeFixes.Editing;

namespace Telemetry.Generators.CodeFixes;

/// <summary>
/// Removes the <c>out</c>, <c>ref</c>, <c>params</c> or <c>scoped</c> modifier that TEL0007 points at, because event
/// parameters are only read.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveParameterModifierCodeFixProvider))]
[Shared]
public sealed class RemoveParameterModifierCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.InvalidParameterModifier);

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
            if (!TryFindModifier(root, diagnostic, out var parameter, out var index))
            {
                continue;
            }

            // "ref readonly" reads like "in"; removing only "ref" would leave "readonly", which does not compile.
            var count = parameter.Modifiers[index].IsKind(SyntaxKind.RefKeyword)
                && index + 1 < parameter.Modifiers.Count
                && parameter.Modifiers[index + 1].IsKind(SyntaxKind.ReadOnlyKeyword)
                    ? 2
                    : 1;
            var text = string.Join(" ", parameter.Modifiers.Skip(index).Take(count).Select(token => token.Text));
            var fixedParameter = ModifierEditing.RemoveModifiers(parameter, index, count);

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove '{text}'",
                    _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(parameter, fixedParameter))),
                    EquivalenceKeys.RemoveParameterModifier),
                diagnostic);
        }
    }

    /// <summary>
    /// Finds the modifier token the diagnostic points at. When it points at the parameter as a whole, takes the
    /// parameter's first modifier that event methods reject.
    /// </summary>
    private static bool TryFindModifier(
        SyntaxNode root,
        Diagnostic diagnostic,
        out ParameterSyntax parameter,
        out int index)
    {
        parameter = null!;
        index = -1;

        var token = DiagnosticTargets.FindToken(root, diagnostic);
        if (token is { Parent: ParameterSyntax tokenParameter } modifier && IsRejected(modifier))
        {
            parameter = tokenParameter;
            index = tokenParameter.Modifiers.IndexOf(modifier);
            return index >= 0;
        }

        var enclosing = DiagnosticTargets.FindNode(root, diagnostic)?.FirstAncestorOrSelf<ParameterSyntax>();
        if (enclosing is null)
        {
            return false;
        }

        parameter = enclosing;
        for (var i = 0; i < enclosing.Modifiers.Count; i++)
        {
            if (IsRejected(enclosing.Modifiers[i]))
            {
                index = i;
                return true;
            }
        }

        return false;
    }

    private static bool IsRejected(SyntaxToken modifier) =>
        modifier.IsKind(SyntaxKind.OutKeyword)
        || modifier.IsKind(SyntaxKind.RefKeyword)
        || modifier.IsKind(SyntaxKind.ParamsKeyword)
        || modifier.IsKind(SyntaxKind.ScopedKeyword);
}
