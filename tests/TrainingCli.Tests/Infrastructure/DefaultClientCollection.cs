using Xunit;

namespace TrainingCli.Tests.Infrastructure;

/// <summary>
/// Test collection for in-process tests that run the sample's commands, because those send events through the
/// process-wide <c>TelemetryClient.Default</c>. Its tests run one at a time and apart from other collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DefaultClientCollection
{
    public const string Name = "Default telemetry client";
}
