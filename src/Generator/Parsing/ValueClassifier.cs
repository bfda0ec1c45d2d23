using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// Decides how a parameter type becomes JSON: an allow-list of types with a <c>TelemetryValue.From</c> overload,
/// enums, and nullable values, sequences and string-keyed dictionaries of those.
/// </summary>
internal static class ValueClassifier
{
    // Nesting deeper than this (e.g. a list of lists of lists ...) is not supported, which also bounds recursion.
    private const int MaxDepth = 8;

    private static readonly HashSet<string> DirectTypes = new()
    {
        "System.Guid",
        "System.DateTimeOffset",
        "System.TimeSpan",
        "System.Uri",
        "System.Version",
    };

    /// <summary>
    /// Classifies <paramref name="type"/>; <see cref="ValueInfo.IsSupported"/> is false when it cannot be written.
    /// </summary>
    public static ValueInfo Classify(ITypeSymbol type) => Classify(type, depth: 0);

    /// <summary>
    /// Explains why <paramref name="type"/> cannot be sent, or returns null when it can.
    /// </summary>
    // TODO: name the offending inner type and detect cycles once nested objects are supported.
    public static ValueProblem? FindProblem(ITypeSymbol type) =>
        Classify(type).IsSupported
            ? null
            : new ValueProblem(ValueProblemKind.Unsupported, "it has no JSON form", null);

    private static ValueInfo Classify(ITypeSymbol type, int depth)
    {
        if (depth > MaxDepth || type.TypeKind == TypeKind.Error)
        {
            return ValueInfo.Unsupported;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return new ValueInfo(ValueKind.Nullable, null, Classify(nullable.TypeArguments[0], depth + 1), null);
        }

        if (IsDirect(type))
        {
            return ValueInfo.Direct;
        }

        if (FindCast(type) is { } cast)
        {
            return ValueInfo.Converted(cast);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            return new ValueInfo(ValueKind.Enum, null, null, DescribeEnum(enumType));
        }

        if (type is IArrayTypeSymbol { IsSZArray: true } array)
        {
            return Container(ValueKind.Sequence, array.ElementType, depth);
        }

        if (type is not INamedTypeSymbol named || type.IsRefLikeType)
        {
            return ValueInfo.Unsupported;
        }

        if (FindDictionaryValueType(named) is { } valueType)
        {
            return Container(ValueKind.Dictionary, valueType, depth);
        }

        var sequenceTypes = SelfAndInterfaces(named)
            .Where(candidate => candidate.OriginalDefinition.SpecialType
                == SpecialType.System_Collections_Generic_IEnumerable_T)
            .Select(candidate => candidate.TypeArguments[0])
            .Distinct<ITypeSymbol>(SymbolEqualityComparer.Default)
            .ToList();

        return sequenceTypes.Count == 1
            ? Container(ValueKind.Sequence, sequenceTypes[0], depth)
            : ValueInfo.Unsupported;
    }

    private static bool IsDirect(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
                return true;
        }

        return type is INamedTypeSymbol { Arity: 0, ContainingType: null } named
            && named.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }
            && DirectTypes.Contains("System." + named.Name);
    }

    /// <summary>
    /// Returns the type to cast numbers without a <c>From</c> overload to: <c>nint</c> and <c>nuint</c> widen to 64
    /// bits, <c>Half</c> widens to <c>float</c>, and <c>Int128</c> and <c>UInt128</c> become <c>double</c>, which keeps
    /// about 15 significant digits, as most JSON readers do anyway.
    /// </summary>
    private static string? FindCast(ITypeSymbol type)
    {
        if (type.IsNativeIntegerType)
        {
            return type.SpecialType == SpecialType.System_IntPtr ? "long" : "ulong";
        }

        if (type is not INamedTypeSymbol { Arity: 0, ContainingType: null } named
            || named.ContainingNamespace is not { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
        {
            return null;
        }

        return named.Name switch
        {
            "Half" => "float",
            "Int128" or "UInt128" => "double",
            _ => null,
        };
    }

    private static ValueInfo Container(ValueKind kind, ITypeSymbol elementType, int depth) =>
        new(kind, elementType.ToDisplayString(SymbolFormats.Type), Classify(elementType, depth + 1), null);

    private static ITypeSymbol? FindDictionaryValueType(INamedTypeSymbol type)
    {
        foreach (var candidate in SelfAndInterfaces(type))
        {
            var definition = candidate.OriginalDefinition;
            var isDictionary = definition is { Arity: 2, Name: "IDictionary" or "IReadOnlyDictionary" }
                && definition.ContainingNamespace.ToDisplayString() == "System.Collections.Generic";
            if (isDictionary && candidate.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                return candidate.TypeArguments[1];
            }
        }

        return null;
    }

    private static IEnumerable<INamedTypeSymbol> SelfAndInterfaces(INamedTypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Interface)
        {
            yield return type;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            yield return implemented;
        }
    }

    private static EnumInfo DescribeEnum(INamedTypeSymbol enumType)
    {
        // Aliases share a value, and a switch may not repeat a case, so the first member declared for a value wins.
        var seen = new HashSet<object>();
        var members = new List<EnumMemberInfo>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && field.ConstantValue is { } value && seen.Add(value))
            {
                members.Add(new EnumMemberInfo(SymbolFormats.EscapeIdentifier(field.Name), field.Name));
            }
        }

        return new EnumInfo(
            enumType.ToDisplayString(SymbolFormats.Type),
            enumType.EnumUnderlyingType?.ToDisplayString() ?? "int",
            new EquatableArray<EnumMemberInfo>(members));
    }
}
