using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// Reads the chain of types that contain an event method.
/// </summary>
internal static class HierarchyParser
{
    /// <summary>
    /// Builds the hierarchy of <paramref name="type"/>, or returns null when a type in the chain is not declared
    /// <c>partial</c> or is file-local. A generated part would then only add compiler errors, because a file-local
    /// type cannot have a part in another file.
    /// </summary>
    public static HierarchyInfo? Parse(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (!IsPartial(current) || current.IsFileLocal)
            {
                return null;
            }

            chain.Insert(0, current);
        }

        var namespaceName = type.ContainingNamespace is { IsGlobalNamespace: false } containing
            ? containing.ToDisplayString()
            : string.Empty;
        var metadataPath = string.Join("+", chain.Select(t => t.MetadataName));
        var hintName = (namespaceName.Length == 0 ? metadataPath : namespaceName + "." + metadataPath) + ".g.cs";

        return new HierarchyInfo(
            namespaceName,
            new EquatableArray<TypeDeclarationInfo>(chain.Select(Describe)),
            hintName,
            type.ToDisplayString(SymbolFormats.Type));
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax() is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static bool IsUnsafe(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax() is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.UnsafeKeyword));

    private static TypeDeclarationInfo Describe(INamedTypeSymbol type)
    {
        // An unsafe declaration makes the whole type an unsafe context. The generated part repeats the modifier,
        // because pointer parameters would not compile otherwise.
        var modifiers = IsUnsafe(type) ? "unsafe " : string.Empty;
        if (type.TypeKind == TypeKind.Struct)
        {
            modifiers += (type.IsReadOnly ? "readonly " : string.Empty) + (type.IsRefLikeType ? "ref " : string.Empty);
        }

        var keyword = type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            TypeKind.Interface => "interface",
            _ => type.IsRecord ? "record" : "class",
        };

        return new TypeDeclarationInfo(
            modifiers.TrimEnd(),
            keyword,
            SymbolFormats.EscapeIdentifier(type.Name),
            FormatTypeParameters(type.TypeParameters));
    }

    /// <summary>
    /// Writes a type parameter list such as <c>&lt;T, out TResult&gt;</c>, or an empty string for none.
    /// </summary>
    public static string FormatTypeParameters(IEnumerable<ITypeParameterSymbol> parameters)
    {
        var names = parameters.Select(parameter => parameter.Variance switch
        {
            VarianceKind.In => "in ",
            VarianceKind.Out => "out ",
            _ => string.Empty,
        } + SymbolFormats.EscapeIdentifier(parameter.Name)).ToList();

        return names.Count == 0 ? string.Empty : "<" + string.Join(", ", names) + ">";
    }
}
