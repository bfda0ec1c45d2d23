using System;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// How a snapshot comparison treats differences: report them, or accept them as the new verified files.
/// </summary>
/// <param name="AcceptRequested">Whether differences overwrite the verified files instead of failing.</param>
/// <param name="IsContinuousIntegration">Whether the run is a CI build, where accepting is rejected.</param>
internal sealed record SnapshotSettings(bool AcceptRequested, bool IsContinuousIntegration)
{
    public const string AcceptVariable = "TELEMETRY_GENERATORS_ACCEPT_SNAPSHOTS";

    public static SnapshotSettings FromEnvironment()
    {
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        return new SnapshotSettings(accept, ci);
    }
}
