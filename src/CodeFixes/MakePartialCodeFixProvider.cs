using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Telemetry.Generators.CodeFixes.Editing;

namespace Telemetry.Generators.CodeFixes;

/// <summary>
/// Adds <c>partial</c> to an event method and to every type that contains it (TEL0005, TEL0006, and the
/// compiler's CS0751 on an event method). When the method has a body, the fix instead offers to remove the body, so
/// that the generator writes it.
/// </summary>
/// <remarks>
/// Fix-all combines the edits of a document before applying them. The batch fixer would instead merge text changes,
/// and it drops a fix whose change is identical to the changes of two earlier fixes: the third method of a type
/// that is not partial would stay as it was.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider))]
[Shared]
public sealed class MakePartialCodeFixProvider : CodeFixProvider
{
    private const string EventAttributeName = "Telemetry.Generators.TelemetryEventAttribute";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.EventMethodNotPartial,
        DiagnosticIds.ContainingTypeNotPartial,
        DiagnosticIds.PartialMethodInNonPartialType);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var fix = PlanFix(root, model, diagnostic, context.CancellationToken);
            if (fix is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    fix.Title,
                    _ => Task.FromResult(document.WithSyntaxRoot(fix.Edit.Apply(root))),
                    fix.EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllAsync(
        FixAllContext context,
        Document document,
        ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var combined = new PartialEdit();
        foreach (var diagnostic in diagnostics)
        {
            var fix = PlanFix(root, model, diagnostic, context.CancellationToken);
            if (fix is not null && fix.EquivalenceKey == context.CodeActionEquivalenceKey)
            {
                combined.UnionWith(fix.Edit);
            }
        }

        return combined.IsEmpty ? document : document.WithSyntaxRoot(combined.Apply(root));
    }

    /// <summary>Returns the fix for one diagnostic, or null when the location does not lead to a declaration.</summary>
    private static PlannedFix? PlanFix(
        SyntaxNode root,
        SemanticModel model,
        Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        var node = DiagnosticTargets.FindNode(root, diagnostic);
        switch (node is null ? null : DiagnosticTargets.FindEnclosingDeclaration(node))
        {
            case MethodDeclarationSyntax method:
                // CS0751 is reported for every partial method; only event methods are this fix's business.
                if (diagnostic.Id == DiagnosticIds.PartialMethodInNonPartialType
                    && !IsEventMethod(model, method, cancellationToken))
                {
                    return null;
                }

                return EventMethodEditing.HasBody(method)
                    ? PlanBodyRemoval(model, method, cancellationToken)
                    : PlanMethodPartial(method);

            // TEL0006 points at the identifier of the type that is not partial.
            case TypeDeclarationSyntax type when diagnostic.Id == DiagnosticIds.ContainingTypeNotPartial:
                return PlanTypePartial(model, type, cancellationToken);

            default:
                return null;
        }
    }

    private static PlannedFix? PlanMethodPartial(MethodDeclarationSyntax method)
    {
        var edit = new PartialEdit();
        var names = new List<string>();
        foreach (var type in EventMethodEditing.FindNonPartialTypes(method))
        {
            edit.AddPartial(type);
            names.Add(type.Identifier.Text);
        }

        if (!method.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            edit.AddPartial(method);
            names.Add(method.Identifier.Text);
        }

        return names.Count == 0
            ? null
            : new PlannedFix($"Make {FormatNames(names)} partial", EquivalenceKeys.MakePartial, edit);
    }

    /// <summary>
    /// Plans removing the body of an event method. Adding <c>partial</c> alone would leave an implementation without
    /// a definition (CS0759), so this is the only fix offered for a method with a body.
    /// </summary>
    private static PlannedFix PlanBodyRemoval(
        SemanticModel model,
        MethodDeclarationSyntax method,
        CancellationToken cancellationToken)
    {
        var edit = new PartialEdit();

        // TEL0005 on a partial method with a body means the user wrote the implementation part of a defined
        // method. The definition stays, and the implementation goes, because the generator writes one.
        if (model.GetDeclaredSymbol(method, cancellationToken)?.PartialDefinitionPart is not null)
        {
            edit.RemoveDeclaration(method);
        }
        else
        {
            edit.RemoveBody(method);
            foreach (var type in EventMethodEditing.FindNonPartialTypes(method))
            {
                edit.AddPartial(type);
            }
        }

        return new PlannedFix("Let the generator write the body", EquivalenceKeys.RemoveEventMethodBody, edit);
    }

    /// <summary>
    /// Plans making the type partial, with the types around it and the types between it and each event method
    /// inside it.
    /// </summary>
    private static PlannedFix? PlanTypePartial(
        SemanticModel model,
        TypeDeclarationSyntax type,
        CancellationToken cancellationToken)
    {
        var types = new HashSet<TypeDeclarationSyntax>(EventMethodEditing.FindNonPartialTypes(type));
        var eventMethods = type.DescendantNodes()
            .OfType<MethodDeclarationSyntax>()
            .Where(method => method.AttributeLists.Count > 0 && IsEventMethod(model, method, cancellationToken));
        foreach (var method in eventMethods)
        {
            types.UnionWith(EventMethodEditing.FindNonPartialTypes(method));
        }

        if (types.Count == 0)
        {
            return null;
        }

        var edit = new PartialEdit();
        var ordered = types.OrderBy(declaration => declaration.SpanStart).ToList();
        foreach (var declaration in ordered)
        {
            edit.AddPartial(declaration);
        }

        var names = ordered.Select(declaration => declaration.Identifier.Text).ToList();
        return new PlannedFix($"Make {FormatNames(names)} partial", EquivalenceKeys.MakePartial, edit);
    }

    private static bool IsEventMethod(
        SemanticModel model,
        MethodDeclarationSyntax method,
        CancellationToken cancellationToken)
    {
        var symbol = model.GetDeclaredSymbol(method, cancellationToken);
        return symbol is not null && symbol.GetAttributes().Any(attribute =>
            attribute.AttributeClass?.ToDisplayString() == EventAttributeName);
    }

    /// <summary>Formats names as <c>'A'</c>, <c>'A' and 'B'</c>, or <c>'A', 'B' and 'C'</c>.</summary>
    private static string FormatNames(IReadOnlyList<string> names)
    {
        var quoted = names.Select(name => "'" + name + "'").ToList();
        if (quoted.Count == 1)
        {
            return quoted[0];
        }

        return string.Join(", ", quoted.Take(quoted.Count - 1)) + " and " + quoted[quoted.Count - 1];
    }

    private sealed record PlannedFix(string Title, string EquivalenceKey, PartialEdit Edit);
}
