using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.SourceGeneration.Parsing;

// The single values: types with a From overload, numbers cast to one, and enums.
internal sealed partial class ValueClassifier
{
    private static readonly HashSet<string> DirectTypes = new()
    {
        "System.Guid",
        "System.DateTimeOffset",
        "System.TimeSpan",
        "System.Uri",
        "System.Version",
    };

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

    /// <summary>
    /// Returns the invariant format for dates and times without a <c>From</c> overload: <c>DateOnly</c> as
    /// <c>2026-12-04</c> and <c>TimeOnly</c> as <c>15:58:12.120</c>, the ISO-8601 forms without a time zone.
    /// </summary>
    private static string? FindFormat(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { Arity: 0, ContainingType: null } named
            || named.ContainingNamespace is not { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
        {
            return null;
        }

        return named.Name switch
        {
            "DateOnly" => "yyyy-MM-dd",
            "TimeOnly" => "HH:mm:ss.fff",
            _ => null,
        };
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
                var literal = System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "0";
                members.Add(new EnumMemberInfo(field.Name, literal));
            }
        }

        return new EnumInfo(
            enumType.ToDisplayString(SymbolFormats.Type),
            enumType.EnumUnderlyingType?.ToDisplayString() ?? "int",
            new EquatableArray<EnumMemberInfo>(members));
    }
}
