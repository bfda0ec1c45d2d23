using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Telemetry.Generators.CodeFixes.Editing;
using Telemetry.Generators.CodeFixes.Keys;
using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.CodeFixes;

/// <summary>
/// Gives the parameter that TEL0011 points at a property key no other parameter of the method sends, through
/// <c>[TelemetryProperty("model_type_2")]</c>.
/// </summary>
/// <remarks>
/// Fix-all edits every parameter of a document in one pass and adds <c>using Telemetry.Generators;</c> once. The
/// batch fixer would merge text changes instead, and it drops a fix whose change (the same <c>using</c>) is
/// identical to the changes of two earlier fixes.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenamePropertyKeyCodeFixProvider))]
[Shared]
public sealed class RenamePropertyKeyCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.DuplicatePropertyKey);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var state = await DocumentState.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var rename = state.PlanRename(diagnostic, context.CancellationToken);
            if (rename is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Send '{rename.OldKey}' as '{rename.NewKey}'",
                    cancellationToken => state.ApplyAsync([rename], cancellationToken),
                    EquivalenceKeys.RenamePropertyKey),
                diagnostic);
        }
    }

    private static async Task<Document?> FixAllAsync(
        FixAllContext context,
        Document document,
        ImmutableArray<Diagnostic> diagnostics)
    {
        var state = await DocumentState.CreateAsync(document, context.CancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return document;
        }

        var renames = diagnostics
            .Select(diagnostic => state.PlanRename(diagnostic, context.CancellationToken))
            .OfType<KeyRename>()
            .ToList();
        if (renames.Count == 0)
        {
            return document;
        }

        return await state.ApplyAsync(renames, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>A parameter, the key it sends now, and the key the fix gives it.</summary>
    private sealed record KeyRename(ParameterSyntax Parameter, string OldKey, string NewKey);

    /// <summary>What every fix in one document needs: its syntax, semantic model and naming policy.</summary>
    private sealed class DocumentState
    {
        private readonly Document document;
        private readonly SyntaxNode root;
        private readonly SemanticModel model;
        private readonly INamedTypeSymbol propertyAttribute;
        private readonly NamingPolicy policy;

        private DocumentState(
            Document document,
            SyntaxNode root,
            SemanticModel model,
            INamedTypeSymbol propertyAttribute)
        {
            this.document = document;
            this.root = root;
            this.model = model;
            this.propertyAttribute = propertyAttribute;
            policy = PropertyKeys.ReadPolicy(document.Project.AnalyzerOptions);
        }

        /// <summary>Returns null when the document has no syntax or does not reference the telemetry runtime.</summary>
        public static async Task<DocumentState?> CreateAsync(Document document, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var propertyAttribute = model?.Compilation.GetTypeByMetadataName(PropertyKeys.PropertyAttributeName);
            return root is null || model is null || propertyAttribute is null
                ? null
                : new DocumentState(document, root, model, propertyAttribute);
        }

        public KeyRename? PlanRename(Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var parameter = DiagnosticTargets.FindNode(root, diagnostic)?.FirstAncestorOrSelf<ParameterSyntax>();
            if (parameter is null
                || model.GetDeclaredSymbol(parameter, cancellationToken) is not IParameterSymbol symbol
                || symbol.ContainingSymbol is not IMethodSymbol method)
            {
                return null;
            }

            var keys = PropertyKeys.Read(method, model.Compilation, propertyAttribute, policy);
            var newKey = PropertyKeys.ChooseReplacement(keys, symbol.Ordinal);
            return newKey is null ? null : new KeyRename(parameter, keys[symbol.Ordinal]!, newKey);
        }

        /// <summary>
        /// Sets the new keys, then adds <c>using Telemetry.Generators;</c> where a new attribute needs it and
        /// shortens the attribute names that the import or an existing one allows.
        /// </summary>
        public async Task<Document> ApplyAsync(IReadOnlyList<KeyRename> renames, CancellationToken cancellationToken)
        {
            var keysByParameter = new Dictionary<ParameterSyntax, string>();
            foreach (var rename in renames)
            {
                keysByParameter[rename.Parameter] = rename.NewKey;
            }

            var newRoot = root.ReplaceNodes(keysByParameter.Keys, (original, _) =>
            {
                var canImport = ImportConflicts.CanImportRuntimeNamespace(model, original.SpanStart, propertyAttribute);
                return PropertyAttributeEditing.SetKey(
                    original,
                    keysByParameter[original],
                    model,
                    propertyAttribute,
                    canImport,
                    cancellationToken);
            });

            var changed = document.WithSyntaxRoot(newRoot);
            changed = await ImportAdder.AddImportsAsync(
                changed,
                Simplifier.AddImportsAnnotation,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
