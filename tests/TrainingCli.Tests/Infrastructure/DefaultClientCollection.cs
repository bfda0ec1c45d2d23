using System;
using System.Collections;
using System.Collections.Generic;
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
/// Prepares the test process for clients created in process: removes the telemetry environment variables and sets
/// <see cref="TelemetryClient.Default"/> to a disabled client, and restores the variables on dispose.
/// </summary>
/// <remarks>
/// Every client reads <c>DO_NOT_TRACK</c> and its <c>&lt;PREFIX&gt;_TELEMETRY_*</c> variables, so a developer's own
/// opt-out would turn off the clients these tests send through. The collection runs apart from the others, so
/// changing the process environment here cannot affect a test in another collection. Reading
/// <see cref="TelemetryClient.Default"/> before any client was set would create one that records consent in the
/// real user's profile and prints the first-run notice, so tests set the default and never read a lazily created one.
/// </remarks>
public sealed class DisabledDefaultClient : IDisposable
{
    private readonly Dictionary<string, string> removedVariables = new(StringComparer.Ordinal);

    public DisabledDefaultClient()
    {
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.Contains("TELEMETRY", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DO_NOT_TRACK", StringComparison.OrdinalIgnoreCase))
            {
                removedVariables[name] = (string)variable.Value!;
            }
        }

        foreach (var name in removedVariables.Keys)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Client = new TelemetryClient(new TelemetryOptions { Enabled = false });
        TelemetryClient.Default = Client;
    }

    /// <summary>A client that records nothing and never touches a file or the network.</summary>
    public TelemetryClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        foreach (var (name, value) in removedVariables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
