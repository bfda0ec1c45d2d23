using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Naming;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// Groups event methods by containing type, one <see cref="TypeToEmit"/> per generated file.
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
            .OrderBy(method => method.DeclarationIndex)
            .ThenBy(method => method.MemberIndex)
            .Select(method => method with
            {
                DeclarationIndex = 0,
                MemberIndex = 0,
                IsValid = method.IsValid && HasDistinctKeys(method, options.Naming),
            })
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
