using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// Walks an object graph through every instance field and array element, and finds the compiler objects that an
/// incremental step output must not hold: they keep whole compilations alive and defeat the step cache.
/// </summary>
internal static class CompilerObjectFinder
{
    private static readonly Type[] ForbiddenTypes =
    [
        typeof(ISymbol),
        typeof(Compilation),
        typeof(SyntaxNode),
        typeof(SyntaxTree),
        typeof(SemanticModel),
        typeof(Location),
    ];

    /// <summary>
    /// Returns the path of each compiler object reachable from <paramref name="root"/>, such as
    /// <c>Methods[0].Value.Parameters.array[1]._symbol (SourceParameterSymbol)</c>. Shared and cyclic references
    /// are visited once.
    /// </summary>
    public static IReadOnlyList<string> FindPaths(object? root, string rootName)
    {
        var found = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object Value, string Path)>();
        if (root is not null)
        {
            pending.Push((root, rootName));
        }

        while (pending.Count > 0)
        {
            var (value, path) = pending.Pop();
            var type = value.GetType();

            if (ForbiddenTypes.Any(forbidden => forbidden.IsAssignableFrom(type)))
            {
                found.Add($"{path} ({type.Name})");
                continue;
            }

            if (IsLeaf(type) || (!type.IsValueType && !visited.Add(value)))
            {
                continue;
            }

            if (value is Array array)
            {
                var index = 0;
                foreach (var element in array)
                {
                    if (element is not null)
                    {
                        pending.Push((element, $"{path}[{index}]"));
                    }

                    index++;
                }

                continue;
            }

            // Fields rather than enumeration, so that ImmutableArray<T>, List<T>, dictionaries and closures are
            // all covered without running any enumerator code.
            foreach (var field in InstanceFields(type))
            {
                if (field.GetValue(value) is { } fieldValue)
                {
                    pending.Push((fieldValue, $"{path}.{field.Name}"));
                }
            }
        }

        return found;
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive
        || type.IsEnum
        || type.IsPointer
        || type == typeof(string)
        || type == typeof(decimal)
        || type == typeof(Pointer)
        || typeof(MemberInfo).IsAssignableFrom(type);

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        const BindingFlags flags =
            BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var field in current.GetFields(flags))
            {
                yield return field;
            }
        }
    }
}
