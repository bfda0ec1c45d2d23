using System.Collections.Immutable;
using System.Composition;
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

            var modifier = parameter.Modifiers[index];
            var fixedParameter = ModifierEditing.RemoveModifiers(parameter, index, count: 1);

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove '{modifier.Text}'",
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
        if (token is { Parent: ParameterSyntax tokenParameter } modifier)
        {
            var tokenIndex = tokenParameter.Modifiers.IndexOf(modifier);
            if (tokenIndex >= 0 && IsRejected(tokenParameter.Modifiers, tokenIndex))
            {
                parameter = tokenParameter;
                index = tokenIndex;
                return true;
            }
        }

        var enclosing = DiagnosticTargets.FindNode(root, diagnostic)?.FirstAncestorOrSelf<ParameterSyntax>();
        if (enclosing is null)
        {
            return false;
        }

        for (var i = 0; i < enclosing.Modifiers.Count; i++)
        {
            if (IsRejected(enclosing.Modifiers, i))
            {
                parameter = enclosing;
                index = i;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns whether the analyzer rejects the modifier at <paramref name="index"/>: <c>out</c>, <c>params</c>,
    /// <c>scoped</c>, or <c>ref</c> unless <c>readonly</c> follows it, because <c>ref readonly</c> is only read.
    /// </summary>
    private static bool IsRejected(SyntaxTokenList modifiers, int index)
    {
        var modifier = modifiers[index];
        if (modifier.IsKind(SyntaxKind.RefKeyword))
        {
            return index + 1 >= modifiers.Count || !modifiers[index + 1].IsKind(SyntaxKind.ReadOnlyKeyword);
        }

        return modifier.IsKind(SyntaxKind.OutKeyword)
            || modifier.IsKind(SyntaxKind.ParamsKeyword)
            || modifier.IsKind(SyntaxKind.ScopedKeyword);
    }
}
