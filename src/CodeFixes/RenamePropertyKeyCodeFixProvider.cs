using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Telemetry.Generators.CodeFixes.Editing;
using Telemetry.Generators.CodeFixes.Keys;

namespace Telemetry.Generators.CodeFixes;

/// <summary>
/// Gives the parameter that TEL0011 points at a property key no other parameter of the method sends, through
/// <c>[TelemetryProperty("model_type_2")]</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenamePropertyKeyCodeFixProvider))]
[Shared]
public sealed class RenamePropertyKeyCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.DuplicatePropertyKey);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var cancellationToken = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var propertyAttribute = model?.Compilation.GetTypeByMetadataName(PropertyKeys.PropertyAttributeName);
        if (root is null || model is null || propertyAttribute is null)
        {
            return;
        }

        var policy = PropertyKeys.ReadPolicy(document.Project.AnalyzerOptions);
        foreach (var diagnostic in context.Diagnostics)
        {
            var parameter = DiagnosticTargets.FindNode(root, diagnostic)?.FirstAncestorOrSelf<ParameterSyntax>();
            if (parameter is null
                || model.GetDeclaredSymbol(parameter, cancellationToken) is not IParameterSymbol symbol
                || symbol.ContainingSymbol is not IMethodSymbol method)
            {
                continue;
            }

            var keys = PropertyKeys.Read(method, model.Compilation, propertyAttribute, policy);
            var newKey = PropertyKeys.ChooseReplacement(keys, symbol.Ordinal);
            if (newKey is null)
            {
                continue;
            }

            var canImport = ImportConflicts.CanImportRuntimeNamespace(model, parameter.SpanStart, propertyAttribute);
            var fixedParameter = PropertyAttributeEditing.SetKey(
                parameter,
                newKey,
                model,
                propertyAttribute,
                canImport,
                cancellationToken);

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Send '{keys[symbol.Ordinal]}' as '{newKey}'",
                    _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(parameter, fixedParameter))),
                    EquivalenceKeys.RenamePropertyKey),
                diagnostic);
        }
    }
}
