using System;
using System.IO;
using Telemetry.Generators;
using TrainingCli.CommandLine;

namespace TrainingCli.Telemetry;

/// <summary>
/// Creates the tool's telemetry client: one that sends to Segment when a write key is found, else one that prints
/// the batches it would send.
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
        var sendingClient = new TelemetryClient(new TelemetryOptions
        {
            AppName = AppName,
            EnvironmentPrefix = EnvironmentPrefix,
            WriteKey = options.WriteKey,
            Endpoint = options.Endpoint,
            TimeProvider = clock,
        });

        if (sendingClient.WriteKeySource != TelemetryWriteKeySource.None)
        {
            return sendingClient;
        }

        sendingClient.Dispose();
        if (options.Endpoint is not null)
        {
            throw new UsageException(
                $"Option {GlobalOptions.EndpointOption} needs a write key. Pass {GlobalOptions.WriteKeyOption} or "
                + $"set {sendingClient.WriteKeyEnvironmentVariable}.");
        }

        return new TelemetryClient(new TelemetryOptions
        {
            AppName = AppName,
            Sink = new PrintSink(printOutput, clock),
            TimeProvider = clock,
        });
    }
}
