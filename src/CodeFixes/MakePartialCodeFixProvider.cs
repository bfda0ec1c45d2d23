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
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var cancellationToken = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = DiagnosticTargets.FindNode(root, diagnostic);
            switch (node is null ? null : DiagnosticTargets.FindEnclosingDeclaration(node))
            {
                case MethodDeclarationSyntax method:
                    // CS0751 is reported for every partial method; only event methods are this fix's business.
                    if (diagnostic.Id != DiagnosticIds.PartialMethodInNonPartialType
                        || IsEventMethod(model, method, cancellationToken))
                    {
                        RegisterForMethod(context, diagnostic, root, model, method);
                    }

                    break;

                // TEL0006 points at the identifier of the type that is not partial.
                case TypeDeclarationSyntax type when diagnostic.Id == DiagnosticIds.ContainingTypeNotPartial:
                    RegisterForType(context, diagnostic, root, model, type);
                    break;
            }
        }
    }

    private static void RegisterForMethod(
        CodeFixContext context,
        Diagnostic diagnostic,
        SyntaxNode root,
        SemanticModel model,
        MethodDeclarationSyntax method)
    {
        var document = context.Document;
        var types = EventMethodEditing.FindNonPartialTypes(method);
        if (!EventMethodEditing.HasBody(method))
        {
            var methodNeedsPartial = !method.Modifiers.Any(SyntaxKind.PartialKeyword);
            var names = types.Select(type => type.Identifier.Text).ToList();
            if (methodNeedsPartial)
            {
                names.Add(method.Identifier.Text);
            }

            RegisterMakePartial(context, diagnostic, names, () => EventMethodEditing.EditDeclarations(
                root,
                types,
                methodNeedsPartial ? method : null,
                ModifierEditing.AddPartial));
            return;
        }

        // TEL0005 on a partial method with a body means the user wrote the implementation part of a defined
        // method. The definition stays, and the implementation goes, because the generator writes one.
        var symbol = model.GetDeclaredSymbol(method, context.CancellationToken);
        var newRoot = symbol?.PartialDefinitionPart is not null
            ? root.RemoveNode(method, SyntaxRemoveOptions.KeepNoTrivia)
            : EventMethodEditing.EditDeclarations(root, types, method, EventMethodEditing.ToPartialDefinition);
        if (newRoot is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Let the generator write the body",
                _ => Task.FromResult(document.WithSyntaxRoot(newRoot)),
                EquivalenceKeys.RemoveEventMethodBody),
            diagnostic);
    }

    /// <summary>
    /// Makes the type partial, with the types around it and the types between it and each event method inside it.
    /// </summary>
    private static void RegisterForType(
        CodeFixContext context,
        Diagnostic diagnostic,
        SyntaxNode root,
        SemanticModel model,
        TypeDeclarationSyntax type)
    {
        var types = new HashSet<TypeDeclarationSyntax>(EventMethodEditing.FindNonPartialTypes(type));
        var eventMethods = type.DescendantNodes()
            .OfType<MethodDeclarationSyntax>()
            .Where(method => method.AttributeLists.Count > 0 && IsEventMethod(model, method, context.CancellationToken));
        foreach (var method in eventMethods)
        {
            types.UnionWith(EventMethodEditing.FindNonPartialTypes(method));
        }

        var ordered = types.OrderBy(declaration => declaration.SpanStart).ToList();
        RegisterMakePartial(
            context,
            diagnostic,
            ordered.Select(declaration => declaration.Identifier.Text).ToList(),
            () => EventMethodEditing.EditDeclarations(root, ordered, method: null, ModifierEditing.AddPartial));
    }

    private static void RegisterMakePartial(
        CodeFixContext context,
        Diagnostic diagnostic,
        IReadOnlyList<string> names,
        System.Func<SyntaxNode> createRoot)
    {
        if (names.Count == 0)
        {
            return;
        }

        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Make {FormatNames(names)} partial",
                _ => Task.FromResult(document.WithSyntaxRoot(createRoot())),
                EquivalenceKeys.MakePartial),
            diagnostic);
    }

    private static bool IsEventMethod(SemanticModel model, MethodDeclarationSyntax method, CancellationToken cancellationToken)
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
}
