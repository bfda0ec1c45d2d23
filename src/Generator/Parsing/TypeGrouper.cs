using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Naming;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// Groups event methods by containing type, one <see cref="TypeToEmit"/> per generated file, with the enums and
/// object types that need helpers in that file.
/// </summary>
internal static class TypeGrouper
{
    /// <summary>
    /// Groups <paramref name="methods"/> by hierarchy, ordered by hint name, with each type's methods in declaration
    /// order. The order keys are cleared afterwards, so that the model still compares equal when only they change.
    /// </summary>
    public static ImmutableArray<TypeToEmit> Group(ImmutableArray<EventMethodInfo> methods, GeneratorOptions options)
    {
        return methods
            .GroupBy(method => method.Hierarchy)
            .Select(group => CreateType(WithCaseUniqueHintName(group.Key, methods), group, options))
            .OrderBy(type => type.Hierarchy.HintName, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>
    /// Adds a hash of the exact type name to the hint name when another type's hint name differs only in case
    /// (<c>Metrics</c> and <c>METRICS</c>), because the compiler requires hint names to be unique ignoring case.
    /// </summary>
    private static HierarchyInfo WithCaseUniqueHintName(HierarchyInfo hierarchy, ImmutableArray<EventMethodInfo> methods)
    {
        var collides = methods
            .Select(method => method.Hierarchy.HintName)
            .Any(other => !string.Equals(other, hierarchy.HintName, StringComparison.Ordinal)
                && string.Equals(other, hierarchy.HintName, StringComparison.OrdinalIgnoreCase));
        if (!collides)
        {
            return hierarchy;
        }

        const string Extension = ".g.cs";
        var stem = hierarchy.HintName.Substring(0, hierarchy.HintName.Length - Extension.Length);
        return hierarchy with { HintName = stem + "." + StableHash(hierarchy.HintName).ToString("x8", CultureInfo.InvariantCulture) + Extension };
    }

    /// <summary>Returns the 32-bit FNV-1a hash of <paramref name="text"/>, which is the same in every process.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    private static TypeToEmit CreateType(
        HierarchyInfo hierarchy,
        IEnumerable<EventMethodInfo> methods,
        GeneratorOptions options)
    {
        var ordered = methods
            .OrderBy(method => method.DeclarationIndex)
            .ThenBy(method => method.MemberIndex)
            .Select(method => method with
            {
                DeclarationIndex = 0,
                MemberIndex = 0,
                IsValid = method.IsValid && HasDistinctKeys(method, options.Naming),
            })
            .ToList();

        var helpers = new HelperTypes();
        foreach (var method in ordered.Where(method => method.IsValid))
        {
            foreach (var parameter in method.Parameters)
            {
                helpers.Collect(parameter.Value);
            }
        }

        return new TypeToEmit(
            hierarchy,
            new EquatableArray<EventMethodInfo>(ordered),
            new EquatableArray<EnumInfo>(SortByName(helpers.Enums)),
            new EquatableArray<ObjectInfo>(SortByName(helpers.Objects)),
            options);
    }

    private static IEnumerable<T> SortByName<T>(Dictionary<string, T> helpers) =>
        helpers.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value);

    /// <summary>
    /// Returns whether every property key is distinct once the naming policy and renames apply. Two parameters such as
    /// <c>modelType</c> and <c>model_type</c> would otherwise send one key, and one value would be lost.
    /// </summary>
    private static bool HasDistinctKeys(EventMethodInfo method, NamingPolicy naming)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        return method.Parameters
            .Where(parameter => !parameter.IsClient)
            .All(parameter => keys.Add(parameter.Rename ?? PropertyNaming.Convert(parameter.Name, naming)));
    }

    /// <summary>The enums and object types that need a helper, by qualified name.</summary>
    private sealed class HelperTypes
    {
        public Dictionary<string, EnumInfo> Enums { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ObjectInfo> Objects { get; } = new(StringComparer.Ordinal);

        /// <summary>Adds the enums and objects in <paramref name="value"/>, including those inside objects.</summary>
        public void Collect(ValueInfo value)
        {
            if (value.Enum is { } enumInfo)
            {
                Enums[enumInfo.QualifiedName] = enumInfo;
            }

            // Each object type is described the same way wherever it occurs, so its members are walked once.
            if (value.Object is { } objectInfo && !Objects.ContainsKey(objectInfo.QualifiedName))
            {
                Objects.Add(objectInfo.QualifiedName, objectInfo);
                foreach (var member in objectInfo.Members)
                {
                    Collect(member.Value);
                }
            }

            if (value.Element is { } element)
            {
                Collect(element);
            }
        }
    }
}
