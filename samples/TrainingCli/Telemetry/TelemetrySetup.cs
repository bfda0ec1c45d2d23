using System;
using System.IO;
using Telemetry.Generators;
using TrainingCli.CommandLine;

namespace TrainingCli.Telemetry;

/// <summary>
/// Creates the tool's telemetry client, which sends to Segment when a write key is found and else prints the
/// batches it would send.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>Application name sent in every event's context.</summary>
    public const string AppName = "TrainingCli";

    /// <summary>Prefix of the write key's environment variable, <c>TRAINING_CLI_TELEMETRY_WRITE_KEY</c>.</summary>
    public const string EnvironmentPrefix = "TRAINING_CLI";

    /// <summary>
    /// Creates a client that sends to Segment with the first write key found: <c>--write-key</c>, then the
    /// environment variable, then the key built into the assembly. Without a key, the client prints each batch
    /// to <paramref name="printOutput"/> as indented JSON.
    /// </summary>
    /// <exception cref="UsageException"><c>--endpoint</c> was given but no write key was found.</exception>
    public static TelemetryClient CreateClient(GlobalOptions options, TextWriter printOutput, TimeProvider clock)
    {
        var client = new TelemetryClient(new TelemetryOptions
        {
            AppName = AppName,
            EnvironmentPrefix = EnvironmentPrefix,
            WriteKey = options.WriteKey,
            Endpoint = options.Endpoint,
            FallbackSink = new PrintSink(printOutput, clock),
            TimeProvider = clock,
        });

        if (options.Endpoint is not null && client.WriteKeySource == TelemetryWriteKeySource.None)
        {
            client.Dispose();
            throw new UsageException(
                $"Option {GlobalOptions.EndpointOption} needs a write key. Pass {GlobalOptions.WriteKeyOption} or "
                + $"set {client.WriteKeyEnvironmentVariable}.");
        }

        return client;
    }
}
