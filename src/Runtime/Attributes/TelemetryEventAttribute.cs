using System;

namespace Telemetry.Generators;

/// <summary>
/// Marks a <see langword="partial"/> method as a track call for a product-analytics event.
/// The source generator implements the method so that it sends the event with its parameters as properties.
/// </summary>
/// <remarks>
/// The generator reads this attribute at compile time. The runtime never inspects it, so it costs nothing at run time.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TelemetryEventAttribute : Attribute
{
    /// <summary>
    /// Initializes the attribute with the event name that the track call sends.
    /// </summary>
    /// <param name="name">The event name as it appears in Segment, for example <c>"Training Started"</c>.</param>
    public TelemetryEventAttribute(string name)
    {
        Name = name;
    }

    /// <summary>
    /// Event name sent as the <c>event</c> field of the Segment track item.
    /// </summary>
    public string Name { get; }
}
