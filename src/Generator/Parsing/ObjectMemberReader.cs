using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// Finds the properties an object type sends: public instance properties with a public getter, not indexers and not
/// marked <c>[Obsolete]</c>, including those inherited from base classes or, for an interface, base interfaces.
/// Fields are not sent, as in <c>System.Text.Json</c> by default.
/// </summary>
internal static class ObjectMemberReader
{
    /// <summary>
    /// Returns the properties of <paramref name="type"/>, base class members first and each type's members in
    /// declaration order. <paramref name="problem"/> is set when there are none, or when two of them could send the
    /// same key.
    /// </summary>
    public static IReadOnlyList<IPropertySymbol> Read(INamedTypeSymbol type, out string? problem)
    {
        var properties = type.TypeKind == TypeKind.Interface ? ReadInterface(type) : ReadClassOrStruct(type);
        problem = properties.Count == 0 ? UnsupportedTypeReasons.NoProperties : FindKeyCollision(properties);
        return properties;
    }

    private static List<IPropertySymbol> ReadClassOrStruct(INamedTypeSymbol type)
    {
        // A public member of a derived type hides base members with its name, as member lookup on `value.Name` does.
        var hiddenNames = new HashSet<string>(StringComparer.Ordinal);
        var levels = new List<List<IPropertySymbol>>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            var level = new List<IPropertySymbol>();
            var publicMembers = current.GetMembers()
                .Where(member => member.DeclaredAccessibility == Accessibility.Public)
                .ToList();
            foreach (var member in publicMembers)
            {
                if (member is IPropertySymbol property && IsSent(property) && !hiddenNames.Contains(property.Name))
                {
                    level.Add(property);
                }
            }

            hiddenNames.UnionWith(publicMembers.Select(member => member.Name));
            levels.Add(level);
        }

        levels.Reverse();
        return levels.SelectMany(level => level).ToList();
    }

    /// <summary>
    /// Reads the properties of an interface and its base interfaces. A property is hidden when an interface that
    /// derives from its own declares a public member with the same name. Two properties left with one name are
    /// ambiguous in <c>value.Name</c> and are reported as a key collision.
    /// </summary>
    private static List<IPropertySymbol> ReadInterface(INamedTypeSymbol type)
    {
        var interfaces = type.AllInterfaces.Add(type);
        var properties = new List<IPropertySymbol>();
        foreach (var declaring in interfaces)
        {
            foreach (var property in declaring.GetMembers().OfType<IPropertySymbol>().Where(IsSent))
            {
                var isHidden = interfaces.Any(other =>
                    other.AllInterfaces.Contains(declaring, SymbolEqualityComparer.Default)
                    && other.GetMembers(property.Name).Any(member =>
                        member.DeclaredAccessibility == Accessibility.Public));
                if (!isHidden)
                {
                    properties.Add(property);
                }
            }
        }

        return properties;
    }

    private static bool IsSent(IPropertySymbol property) =>
        !property.IsStatic
        && !property.IsIndexer
        && property.Parameters.Length == 0
        && property.DeclaredAccessibility == Accessibility.Public
        && FindGetter(property)?.DeclaredAccessibility == Accessibility.Public
        && !property.GetAttributes().Any(IsObsoleteAttribute);

    /// <summary>
    /// Returns the getter of <paramref name="property"/>, or of the property it overrides when an override declares
    /// only a setter.
    /// </summary>
    private static IMethodSymbol? FindGetter(IPropertySymbol property)
    {
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if (current.GetMethod is { } getter)
            {
                return getter;
            }
        }

        return null;
    }

    // Reading an obsolete property in generated code would raise CS0618, an error under warnings as errors.
    private static bool IsObsoleteAttribute(AttributeData attribute) =>
        attribute.AttributeClass is { Name: "ObsoleteAttribute", ContainingNamespace.Name: "System" } obsolete
        && obsolete.ContainingNamespace.ContainingNamespace.IsGlobalNamespace;

    /// <summary>
    /// Returns a reason when two properties could send the same key under some naming policy. Every policy keeps the
    /// letters and digits of a name and changes only case and separators, so only names that are equal after
    /// lower-casing and removing <c>_</c> and <c>-</c> can collide.
    /// </summary>
    private static string? FindKeyCollision(IReadOnlyList<IPropertySymbol> properties)
    {
        var seen = new Dictionary<string, IPropertySymbol>(StringComparer.Ordinal);
        foreach (var property in properties)
        {
            var normalized = property.Name.Replace("_", string.Empty).Replace("-", string.Empty).ToLowerInvariant();
            if (seen.TryGetValue(normalized, out var earlier))
            {
                return "has the properties " + Describe(earlier) + " and " + Describe(property)
                    + ", which could send the same key, so rename one of them";
            }

            seen.Add(normalized, property);
        }

        return null;
    }

    private static string Describe(IPropertySymbol property) => property.ContainingType.Name + "." + property.Name;
}
