using System.Linq;

namespace Telemetry.Generators.SourceGeneration.Model;

/// <summary>
/// The ways the generated code turns a parameter value into a <c>TelemetryValue</c>.
/// </summary>
internal enum ValueKind
{
    /// <summary>The type cannot be written as JSON; the method gets a body that sends nothing.</summary>
    Unsupported,

    /// <summary>A type with its own <c>TelemetryValue.From</c> overload (string, numbers, Guid, dates, ...).</summary>
    Direct,

    /// <summary>An enum, sent as its member name through a generated switch.</summary>
    Enum,

    /// <summary>A <c>Nullable&lt;T&gt;</c>; <see cref="ValueInfo.Element"/> describes <c>T</c>.</summary>
    Nullable,

    /// <summary>An array or <c>IEnumerable&lt;T&gt;</c>, sent as a JSON array.</summary>
    Sequence,

    /// <summary>A dictionary with string keys, sent as a JSON object.</summary>
    Dictionary,

    /// <summary>A class, struct, record or interface sent as a JSON object of the properties listed in
    /// <see cref="ValueInfo.Object"/>.</summary>
    Object,
}

/// <summary>
/// How one value is converted, recursively for nullable values, sequences, dictionaries and objects.
/// </summary>
/// <param name="Kind">The conversion.</param>
/// <param name="ElementType">For sequences and dictionaries, the element or value type as written in code: with
/// nullable annotations for a parameter, and without them inside an object, whose helper is compiled with
/// nullable annotations disabled.</param>
/// <param name="Element">For nullable values, sequences and dictionaries, how the inner value is converted.</param>
/// <param name="Enum">For enums, the enum's members.</param>
/// <param name="Cast">For direct values with no <c>From</c> overload of their own, the type to cast to first, e.g.
/// <c>long</c> for <c>nint</c>.</param>
/// <param name="Object">For objects, the type's properties and how each is converted.</param>
internal sealed record ValueInfo(
    ValueKind Kind,
    string? ElementType,
    ValueInfo? Element,
    EnumInfo? Enum,
    string? Cast = null,
    ObjectInfo? Object = null,
    string? Format = null)
{
    public static ValueInfo Unsupported { get; } = new(ValueKind.Unsupported, null, null, null);

    public static ValueInfo Direct { get; } = new(ValueKind.Direct, null, null, null);

    /// <summary>Creates a direct value sent through the <c>From</c> overload of <paramref name="cast"/>.</summary>
    public static ValueInfo Converted(string cast) => new(ValueKind.Direct, null, null, null, cast);

    /// <summary>
    /// Creates a direct value sent as the string of <c>ToString(<paramref name="format"/>, InvariantCulture)</c>, for
    /// types with no <c>From</c> overload because the runtime's netstandard2.0 build lacks them.
    /// </summary>
    public static ValueInfo Formatted(string format) => new(ValueKind.Direct, null, null, null, Format: format);

    /// <summary>Creates an object value sent through the generated helper of <paramref name="objectInfo"/>.</summary>
    public static ValueInfo ForObject(ObjectInfo objectInfo) =>
        new(ValueKind.Object, null, null, null, Object: objectInfo);

    /// <summary>Gets whether this value and every inner value can be written.</summary>
    public bool IsSupported => Kind switch
    {
        ValueKind.Unsupported => false,
        ValueKind.Nullable or ValueKind.Sequence or ValueKind.Dictionary => Element?.IsSupported == true,
        ValueKind.Object => Object?.Members.All(member => member.Value.IsSupported) == true,
        _ => true,
    };
}

/// <summary>
/// An enum type whose values are sent as member names.
/// </summary>
/// <param name="QualifiedName">The enum as written in code, e.g. <c>global::MyApp.ModelKind</c>.</param>
/// <param name="UnderlyingType">The keyword of the underlying integral type, e.g. <c>int</c> or <c>ulong</c>.</param>
/// <param name="Members">The members, one per distinct value, in declaration order.</param>
internal sealed record EnumInfo(string QualifiedName, string UnderlyingType, EquatableArray<EnumMemberInfo> Members);

/// <summary>
/// One enum member.
/// </summary>
/// <param name="Name">The member name before the naming policy applies.</param>
/// <param name="Value">The member's constant as an invariant-culture C# literal, e.g. <c>-5000000000</c>. Generated
/// code matches on the value rather than the member, so an <c>[Obsolete]</c> member raises no warning there.</param>
internal sealed record EnumMemberInfo(string Name, string Value);
