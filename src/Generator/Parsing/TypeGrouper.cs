using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// Groups event methods by containing type, one <see cref="TypeToEmit"/> per generated file.
/// </summary>
internal static class TypeGrouper
{
    /// <summary>
    /// Groups <paramref name="methods"/> by hierarchy, ordered by hint name, with each type's methods in declaration
    /// order. Positions are cleared afterwards so that an edit that only moves a method leaves the output unchanged.
    /// </summary>
    public static ImmutableArray<TypeToEmit> Group(ImmutableArray<EventMethodInfo> methods, GeneratorOptions options)
    {
        return methods
            .GroupBy(method => method.Hierarchy)
            .OrderBy(group => group.Key.HintName, StringComparer.Ordinal)
            .Select(group => CreateType(group.Key, group, options))
            .ToImmutableArray();
    }

    private static TypeToEmit CreateType(
        HierarchyInfo hierarchy,
        IEnumerable<EventMethodInfo> methods,
        GeneratorOptions options)
    {
        var ordered = methods
            .OrderBy(method => method.FilePath, StringComparer.Ordinal)
            .ThenBy(method => method.Position)
            .Select(method => method with { FilePath = string.Empty, Position = 0 })
            .ToList();

        var enums = new Dictionary<string, EnumInfo>(StringComparer.Ordinal);
        foreach (var method in ordered.Where(method => method.IsValid))
        {
            foreach (var parameter in method.Parameters)
            {
                CollectEnums(parameter.Value, enums);
            }
        }

        return new TypeToEmit(
            hierarchy,
            new EquatableArray<EventMethodInfo>(ordered),
            new EquatableArray<EnumInfo>(enums.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(p => p.Value)),
            options);
    }

    private static void CollectEnums(ValueInfo value, Dictionary<string, EnumInfo> enums)
    {
        if (value.Enum is { } enumInfo)
        {
            enums[enumInfo.QualifiedName] = enumInfo;
        }

        if (value.Element is { } element)
        {
            CollectEnums(element, enums);
        }
    }
}
