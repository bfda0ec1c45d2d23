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
    /// the qualified name with <see cref="Simplifier.Annotation"/>, so that the simplifier shortens it where it can.
    /// When <paramref name="canImport"/> is true, the name also gets <see cref="Simplifier.AddImportsAnnotation"/>,
    /// so that <c>ImportAdder</c> adds <c>using Telemetry.Generators;</c>.
    /// </summary>
    public static ParameterSyntax SetKey(
        ParameterSyntax parameter,
        string key,
        SemanticModel model,
        INamedTypeSymbol propertyAttribute,
        bool canImport,
        CancellationToken cancellationToken)
    {
        // NormalizeWhitespace replaces the elastic trivia of new tokens, which code action cleanup would otherwise
        // reformat, for example by removing the space between two attribute lists.
        var argumentList = SyntaxFactory.AttributeArgumentList(
                SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(key)))))
            .NormalizeWhitespace();

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
            .NormalizeWhitespace()
            .WithTrailingTrivia(SyntaxFactory.Space);

        if (parameter.AttributeLists.Count > 0)
        {
            return parameter.WithAttributeLists(parameter.AttributeLists.Add(attributeList));
        }

        // The parameter's leading trivia (a line break and indentation, say) now goes before the attribute.
        var firstList = attributeList.WithLeadingTrivia(parameter.GetLeadingTrivia());
        return parameter
            .WithoutLeadingTrivia()
            .WithAttributeLists(SyntaxFactory.SingletonList(firstList));
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
        if (canImport)
        {
            qualified = qualified.WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
        }

        return attribute.WithName(qualified);
    }
}
