using System;

namespace Telemetry.Generators;

/// <summary>
/// Sets the property key that a parameter of a <see cref="TelemetryEventAttribute"/> method is sent under.
/// </summary>
/// <remarks>
/// Without this attribute the generator derives the key from the parameter name by the naming policy that the
/// MSBuild property <c>TelemetryPropertyNaming</c> selects. The key given here is used exactly as written.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class TelemetryPropertyAttribute : Attribute
{
    /// <summary>
    /// Initializes the attribute with the property key to send.
    /// </summary>
    /// <param name="name">The property key, for example <c>"model_type"</c>.</param>
    public TelemetryPropertyAttribute(string name)
    {
        Name = name;
    }

    /// <summary>
    /// Property key written into the <c>properties</c> object of the track item.
    /// </summary>
    public string Name { get; }
}
