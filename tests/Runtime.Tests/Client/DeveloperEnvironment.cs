using System;
using System.Collections;
using System.Runtime.CompilerServices;

namespace Telemetry.Generators.Runtime.Tests.Client;

/// <summary>
/// Removes the telemetry variables of the developer's shell from this test process, so that
/// <c>DO_NOT_TRACK=1</c> or <c>TRAINING_CLI_TELEMETRY_ENABLED=false</c> in a profile cannot turn off the clients
/// that tests create. Consent tests set the variables they need and restore them afterwards.
/// </summary>
internal static class DeveloperEnvironment
{
    private static readonly string[] TelemetrySuffixes =
    {
        EnvironmentSettings.EnabledSuffix,
        EnvironmentSettings.DebugSuffix,
        EnvironmentSettings.ConfigSuffix,
    };

#pragma warning disable CA2255 // The test host loads this assembly once, before any test runs, which is the intent.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RemoveTelemetryVariables()
    {
        Environment.SetEnvironmentVariable(EnvironmentSettings.DoNotTrackVariable, null);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            string name = (string)variable.Key;
            foreach (string suffix in TelemetrySuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    Environment.SetEnvironmentVariable(name, null);
                }
            }
        }
    }
}
