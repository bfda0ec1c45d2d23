using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Telemetry.Generators.CodeFixes.Editing;

/// <summary>
/// Sets the key of a parameter's <c>[TelemetryProperty]</c> attribute, adding the attribute when it is missing.
/// </summary>
internal static class PropertyAttributeEditing
{
    private const string ShortName = "TelemetryProperty";
    private const string QualifiedName = "global::Telemetry.Generators.TelemetryProperty";

    /// <summary>
    /// Returns the parameter with <c>[TelemetryProperty("<paramref name="key"/>")]</c>. An existing attribute gets
    /// the new argument. A new attribute uses the short name when it already binds at the parameter, and otherwise
    /// the qualified name, marked so that code action cleanup adds <c>using Telemetry.Generators;</c> and shortens it
    /// when <paramref name="canImport"/> is true.
    /// </summary>
    public static ParameterSyntax SetKey(
        ParameterSyntax parameter,
        string key,
        SemanticModel model,
        INamedTypeSymbol propertyAttribute,
        bool canImport,
        CancellationToken cancellationToken)
    {
        var argumentList = SyntaxFactory.AttributeArgumentList(
            SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key)))));

        var existing = FindAttribute(parameter, model, propertyAttribute, cancellationToken);
        if (existing is not null)
        {
            if (existing.ArgumentList is not null)
            {
                argumentList = argumentList.WithTriviaFrom(existing.ArgumentList);
            }

            return parameter.ReplaceNode(existing, existing.WithArgumentList(argumentList));
        }

        var attribute = CreateAttribute(parameter, model, propertyAttribute, canImport, argumentList);
        var attributeList = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithTrailingTrivia(SyntaxFactory.Space);

        if (parameter.AttributeLists.Count > 0)
        {
            return parameter.WithAttributeLists(parameter.AttributeLists.Add(attributeList));
        }

        // The parameter's leading trivia (a line break and indentation, say) now goes before the attribute.
        return parameter
            .WithoutLeadingTrivia()
            .WithAttributeLists(SyntaxFactory.SingletonList(attributeList.WithLeadingTrivia(parameter.GetLeadingTrivia())));
    }

    private static AttributeSyntax? FindAttribute(
        ParameterSyntax parameter,
        SemanticModel model,
        INamedTypeSymbol propertyAttribute,
        CancellationToken cancellationToken)
    {
        return parameter.AttributeLists
            .SelectMany(list => list.Attributes)
            .FirstOrDefault(attribute =>
                model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol constructor
                && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, propertyAttribute));
    }

    private static AttributeSyntax CreateAttribute(
        ParameterSyntax parameter,
        SemanticModel model,
        INamedTypeSymbol propertyAttribute,
        bool canImport,
        AttributeArgumentListSyntax argumentList)
    {
        var attribute = SyntaxFactory.Attribute(SyntaxFactory.IdentifierName(ShortName), argumentList);
        var bound = model.GetSpeculativeSymbolInfo(parameter.SpanStart, attribute).Symbol;
        if (bound is IMethodSymbol constructor
            && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, propertyAttribute))
        {
            return attribute;
        }

        var qualified = SyntaxFactory.ParseName(QualifiedName).WithAdditionalAnnotations(Simplifier.Annotation);
        return attribute.WithName(canImport ? qualified.WithAdditionalAnnotations(Simplifier.AddImportsAnnotation) : qualified);
    }
}
