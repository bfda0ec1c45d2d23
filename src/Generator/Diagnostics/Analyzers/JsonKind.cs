using Microsoft.CodeAnalysis;
using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Parsing;

namespace Telemetry.Generators.SourceGeneration.Diagnostics.Analyzers;

/// <summary>
/// The JSON value kind a property is sent as, to compare two declarations of one event.
/// </summary>
internal enum JsonKind
{
    /// <summary>The type cannot be sent (TEL0003 reports it), so it is compatible with every kind.</summary>
    Unknown,

    String,

    Number,

    Boolean,

    Array,

    Object,
}

/// <summary>
/// Maps parameter types to <see cref="JsonKind"/> values and describes them for messages.
/// </summary>
internal static class JsonKinds
{
    /// <summary>
    /// Returns the kind <paramref name="type"/> is sent as. A nullable value has the kind of its underlying type,
    /// because JSON null is allowed for every property.
    /// </summary>
    public static JsonKind Of(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return Of(nullable.TypeArguments[0]);
        }

        var value = ValueClassifier.Classify(type);
        if (!value.IsSupported)
        {
            return JsonKind.Unknown;
        }

        return value.Kind switch
        {
            ValueKind.Direct => OfDirect(type, value),
            ValueKind.Enum => JsonKind.String,
            ValueKind.Sequence => JsonKind.Array,
            ValueKind.Dictionary or ValueKind.Object => JsonKind.Object,
            _ => JsonKind.Unknown,
        };
    }

    /// <summary>Returns whether two declarations of a property agree.</summary>
    public static bool AreCompatible(JsonKind first, JsonKind second) =>
        first == second || first == JsonKind.Unknown || second == JsonKind.Unknown;

    /// <summary>Returns the kind with its article, e.g. <c>an array</c>.</summary>
    public static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Boolean => "a boolean",
        JsonKind.Array => "an array",
        JsonKind.Object => "an object",
        _ => "of an unsupported type",
    };

    private static JsonKind OfDirect(ITypeSymbol type, ValueInfo value)
    {
        if (type.SpecialType == SpecialType.System_Boolean)
        {
            return JsonKind.Boolean;
        }

        // Types cast before sending (nint, Half, Int128) are numbers, and TimeSpan is sent as total seconds.
        var isNumber = value.Cast is not null
            || type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_Double
            || (type is INamedTypeSymbol { Name: "TimeSpan", ContainingNamespace.Name: "System" }
                && type.ContainingNamespace.ContainingNamespace.IsGlobalNamespace);

        return isNumber ? JsonKind.Number : JsonKind.String;
    }
}
