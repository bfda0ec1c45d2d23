namespace Telemetry.Generators;

/// <summary>
/// JSON kind of a <see cref="TelemetryValue"/>, with numbers split by the .NET type they were captured from.
/// </summary>
public enum TelemetryValueKind
{
    /// <summary>JSON <c>null</c>. This is the kind of <c>default(TelemetryValue)</c>.</summary>
    Null,

    /// <summary>A JSON string.</summary>
    String,

    /// <summary>JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A signed integer in the range of <see cref="long"/>.</summary>
    Integer,

    /// <summary>An unsigned integer captured from <see cref="ulong"/>.</summary>
    UnsignedInteger,

    /// <summary>A finite <see cref="float"/>, written with the shortest text that round-trips as a float.</summary>
    Single,

    /// <summary>A finite <see cref="double"/>, written with the shortest text that round-trips as a double.</summary>
    Double,

    /// <summary>A <see cref="decimal"/>, written with its scale, so <c>1.10m</c> is written as <c>1.10</c>.</summary>
    Decimal,

    /// <summary>A JSON array of values.</summary>
    Array,

    /// <summary>A JSON object whose members keep their insertion order.</summary>
    Object,
}
