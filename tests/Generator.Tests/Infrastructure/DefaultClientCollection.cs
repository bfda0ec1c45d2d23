using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// The test collection for tests that run generated code against <see cref="TelemetryClient.Default"/>. The
/// default client is process-wide, so these tests run one at a time and apart from every other collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DefaultClientCollection
{
    public const string Name = "Default telemetry client";
}
