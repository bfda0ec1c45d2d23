using System;
using Telemetry.Generators;
using Xunit;

namespace TrainingCli.Tests.Infrastructure;

/// <summary>
/// Test collection for in-process tests that run the sample's commands, because those send events through the
/// process-wide <c>TelemetryClient.Default</c>. Its tests run one at a time and apart from other collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DefaultClientCollection : ICollectionFixture<DisabledDefaultClient>
{
    public const string Name = "Default telemetry client";
}

/// <summary>
/// Sets <see cref="TelemetryClient.Default"/> to a disabled client before the collection's first test. Reading the
/// property before any client was set would create one that records consent in the real user's profile and prints
/// the first-run notice, so tests set the default and never read a lazily created one.
/// </summary>
public sealed class DisabledDefaultClient : IDisposable
{
    public DisabledDefaultClient()
    {
        TelemetryClient.Default = Client;
    }

    /// <summary>A client that records nothing and never touches a file or the network.</summary>
    public TelemetryClient Client { get; } = new(new TelemetryOptions { Enabled = false });

    public void Dispose() => Client.Dispose();
}
