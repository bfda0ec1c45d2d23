using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// Collection for tests that change process-wide state, such as the time zone or
/// <see cref="TelemetryClient.Default"/>. Its tests run one at a time and apart from all other collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateCollection
{
    public const string Name = "Process-wide state";
}
