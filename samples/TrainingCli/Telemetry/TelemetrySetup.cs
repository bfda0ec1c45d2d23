using System;
using System.IO;
using Telemetry.Generators;
using TrainingCli.CommandLine;

namespace TrainingCli.Telemetry;

/// <summary>
/// Creates the tool's telemetry client, which uses opt-out consent: the first run prints a notice to standard
/// error and records consent in the per-user config file. The <c>telemetry</c> commands are the exception, so that
/// a user can read the state or opt out before anything is recorded or sent. The client sends to Segment when a
/// write key is found and else prints the batches it would send.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>Application name sent in every event's context, and the name of the config file's folder.</summary>
    public const string AppName = "TrainingCli";

    /// <summary>
    /// Prefix of the tool's environment variables, such as <c>TRAINING_CLI_TELEMETRY_ENABLED</c>.
    /// </summary>
    public const string EnvironmentPrefix = "TRAINING_CLI";

    /// <summary>Variable that turns telemetry on or off for a run, overriding the config file.</summary>
    public const string EnabledVariable = EnvironmentPrefix + "_TELEMETRY_ENABLED";

    /// <summary>Variable that prints each batch to standard error instead of sending it.</summary>
    public const string DebugVariable = EnvironmentPrefix + "_TELEMETRY_DEBUG";

    /// <summary>Variable that sets another path for the config file.</summary>
    public const string ConfigVariable = EnvironmentPrefix + "_TELEMETRY_CONFIG";

    /// <summary>Variable shared with other tools that turns telemetry off when it is <c>1</c> or <c>true</c>.</summary>
    public const string DoNotTrackVariable = "DO_NOT_TRACK";

    /// <summary>Command that turns telemetry off, shown in the first-run notice.</summary>
    public const string OptOutCommand = "TrainingCli telemetry disable";

    /// <summary>Page that lists what is collected and every setting, shown in the first-run notice.</summary>
    public const string MoreInfoUrl =
        "https://github.com/telemetry-generators/Telemetry.Generators/blob/main/docs/configuration.md";

    /// <summary>
    /// Creates a client that sends to Segment with the first write key found: <c>--write-key</c>, then the
    /// environment variable, then the key built into the assembly. Without a key, the client prints each batch
    /// to <paramref name="printOutput"/> as indented JSON.
    /// </summary>
    /// <param name="command">
    /// The command about to run. When <see cref="CommandDefinition.HandlesConsent"/> is set, the client uses
    /// <see cref="ConsentMode.OptIn"/>, which prints no notice and writes nothing until the command records a
    /// decision. Every other command uses <see cref="ConsentMode.OptOut"/>.
    /// </param>
    /// <param name="messages">
    /// Writer for the runtime's warnings, such as a config file that cannot be written. The first-run notice goes
    /// to standard error, the runtime's default.
    /// </param>
    /// <exception cref="UsageException"><c>--endpoint</c> was given but no write key was found.</exception>
    public static TelemetryClient CreateClient(
        GlobalOptions options,
        CommandDefinition command,
        TextWriter printOutput,
        TextWriter messages,
        TimeProvider clock)
    {
        var client = new TelemetryClient(new TelemetryOptions
        {
            AppName = AppName,
            EnvironmentPrefix = EnvironmentPrefix,
            WriteKey = options.WriteKey,
            Endpoint = options.Endpoint,
            FallbackSink = new PrintSink(printOutput, clock),
            TimeProvider = clock,
            Logger = new WarningLogger(messages),
            Consent = new ConsentOptions
            {
                Mode = command.HandlesConsent ? ConsentMode.OptIn : ConsentMode.OptOut,
                OptOutCommand = OptOutCommand,
                MoreInfoUrl = MoreInfoUrl,
            },
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
