namespace Telemetry.Generators;

/// <summary>
/// Data residency region of a Segment workspace, which decides the base address that batches are sent to.
/// </summary>
/// <remarks>
/// A write key is accepted only in the region of the workspace that owns its source, so pick the region shown in
/// the workspace settings. <see cref="SegmentHttpSink.GetBaseAddress"/> returns the address of each region.
/// </remarks>
public enum SegmentRegion
{
    /// <summary>The United States region, with the base address <c>https://api.segment.io/</c>.</summary>
    UnitedStates = 0,

    /// <summary>The European Union region, with the base address <c>https://events.eu1.segmentapis.com/</c>.</summary>
    Europe = 1,
}
