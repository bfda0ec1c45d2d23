using System;
using System.IO;
using System.Text.Json;
using Telemetry.Generators;
using TrainingCli.CommandLine;
using TrainingCli.Telemetry;

namespace TrainingCli.Commands;

/// <summary>
/// <c>telemetry</c>, <c>telemetry enable</c> and <c>telemetry disable</c>: show whether the tool sends usage data
/// and why, and record the user's decision in the per-user config file.
/// </summary>
/// <remarks>
/// Each of them sets <see cref="CommandDefinition.HandlesConsent"/>, so on a fresh install none of them prints the
/// first-run notice or records consent on its own, and <c>telemetry disable</c> sends nothing.
/// </remarks>
internal static class TelemetryCommands
{
    private const string NoStoredId = "none stored yet";

    /// <summary>Maximum wait for the last event before <c>telemetry disable</c> records the opt-out.</summary>
    private static readonly TimeSpan DisableTimeout = TimeSpan.FromSeconds(2);

    public static CommandDefinition Enable { get; } = new(
        "telemetry enable",
        "Turn telemetry on: record your consent in the config file.",
        [],
        RunEnable)
    {
        HandlesConsent = true,
    };

    public static CommandDefinition Disable { get; } = new(
        "telemetry disable",
        "Turn telemetry off: send a last Telemetry Disabled event if telemetry is on, then record the opt-out.",
        [],
        RunDisable)
    {
        HandlesConsent = true,
    };

    // Static initializers run in the order written, so Status comes after the subcommands that it lists.
    public static CommandDefinition Status { get; } = new(
        "telemetry",
        "Show whether telemetry is on and why, the telemetry id, the config file and how to change them.",
        [],
        RunStatus)
    {
        Subcommands = [Enable, Disable],
        HandlesConsent = true,
    };

    private static int RunStatus(CommandContext context, CommandArguments arguments)
    {
        WriteState(context.Messages, context.Telemetry);
        context.Messages.WriteLine();
        WriteHowToChange(context.Messages);
        return ExitCodes.Success;
    }

    private static int RunEnable(CommandContext context, CommandArguments arguments)
    {
        var client = context.Telemetry;
        client.Enable();

        if (client.ConsentState == TelemetryConsentState.ConfigUnavailable)
        {
            throw new CommandFailedException(
                $"Could not record your consent in {DescribeConfigPath(client)}. Check that the folder is writable, "
                + $"or set {TelemetrySetup.ConfigVariable} to a writable path.");
        }

        context.Messages.WriteLine($"Recorded your consent in {DescribeConfigPath(client)}.");
        WriteState(context.Messages, client);
        return ExitCodes.Success;
    }

    private static int RunDisable(CommandContext context, CommandArguments arguments)
    {
        var client = context.Telemetry;
        var stateBefore = client.ConsentState;

        // Command handlers are synchronous. DisableAsync awaits with ConfigureAwait(false), so blocking on it cannot
        // deadlock.
        var delivered = client.DisableAsync(DisableTimeout).GetAwaiter().GetResult();

        if (client.ConsentState == TelemetryConsentState.ConfigUnavailable)
        {
            throw new CommandFailedException(
                $"Could not record the opt-out in {DescribeConfigPath(client)}, so telemetry is off for this run "
                + $"only. Check that the folder is writable, or set {TelemetrySetup.DoNotTrackVariable}=1.");
        }

        if (delivered)
        {
            context.Messages.WriteLine("Sent the last event, Telemetry Disabled.");
        }
        else if (stateBefore is TelemetryConsentState.Enabled or TelemetryConsentState.EnabledByEnvironment)
        {
            context.Messages.WriteLine(
                $"The last event, Telemetry Disabled, could not be sent within {DisableTimeout.TotalSeconds:0} "
                + "seconds, so it was dropped.");
        }

        context.Messages.WriteLine($"Recorded the opt-out in {DescribeConfigPath(client)}. Telemetry is off.");
        if (stateBefore == TelemetryConsentState.EnabledByEnvironment)
        {
            context.Messages.WriteLine(
                $"{TelemetrySetup.EnabledVariable} is true in this environment, and turns telemetry on again in "
                + "every run where it is set.");
        }

        return ExitCodes.Success;
    }

    private static void WriteState(TextWriter output, TelemetryClient client)
    {
        output.WriteLine($"Telemetry is {DescribeState(client.ConsentState)}");
        output.WriteLine($"Telemetry id: {DescribeTelemetryId(client)}");
        output.WriteLine($"Config file:  {DescribeConfigPath(client)}");

        // The telemetry commands create the client in opt-in mode, so this state means that the config file records
        // no decision and that no environment variable decides. The client of any other command is in opt-out mode.
        // NOTE: the client in opt-in mode only reads the file, so a folder where the file cannot be created shows
        // this state too, and the next command then stays off with a warning instead.
        if (client.ConsentState == TelemetryConsentState.NotYetGranted)
        {
            output.WriteLine();
            output.WriteLine(
                $"The next {TelemetrySetup.AppName} command other than 'telemetry' records your consent in the "
                + "config file,");
            output.WriteLine(
                "shows the first-run notice and turns telemetry on, because the tool uses opt-out consent.");
            output.WriteLine($"To opt out now, without sending anything, run '{TelemetrySetup.OptOutCommand}'.");
        }
    }

    /// <summary>
    /// Returns the client's anonymous id when the config file stores it, or "none stored yet". Without a stored id,
    /// for example after an opt-out on a fresh install, the client uses a random id that lasts for one run.
    /// </summary>
    // NOTE: the runtime does not expose whether its anonymous id is the stored one, so this reads the file's
    // "telemetryId" key, which docs/configuration.md documents.
    private static string DescribeTelemetryId(TelemetryClient client)
    {
        if (client.ConfigPath is null || client.ConsentState == TelemetryConsentState.ConfigUnavailable)
        {
            return NoStoredId;
        }

        try
        {
            using var config = JsonDocument.Parse(File.ReadAllBytes(client.ConfigPath));
            var stored = config.RootElement.ValueKind == JsonValueKind.Object
                && config.RootElement.TryGetProperty("telemetryId", out var id)
                && id.ValueKind == JsonValueKind.String
                && string.Equals(id.GetString(), client.AnonymousId, StringComparison.OrdinalIgnoreCase);
            return stored ? client.AnonymousId : NoStoredId;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            return NoStoredId;
        }
    }

    private static void WriteHowToChange(TextWriter output)
    {
        output.WriteLine("To change it:");
        output.WriteLine($"  {TelemetrySetup.AppName} telemetry disable");
        output.WriteLine("      Stop sending usage data, after a last event if telemetry is on.");
        output.WriteLine($"  {TelemetrySetup.AppName} telemetry enable");
        output.WriteLine("      Send usage data again.");
        output.WriteLine($"  {TelemetrySetup.DoNotTrackVariable}=1");
        output.WriteLine("      Turn telemetry off in this environment, whatever the config file records.");
        output.WriteLine($"  {TelemetrySetup.EnabledVariable}=false (or true)");
        output.WriteLine("      Turn telemetry off (or on) in this environment, whatever the config file records.");
        output.WriteLine($"  {TelemetrySetup.DebugVariable}=true");
        output.WriteLine("      Print each batch to standard error instead of sending it.");
        output.WriteLine($"  {TelemetrySetup.ConfigVariable}=PATH");
        output.WriteLine("      Keep the config file at PATH.");
        output.WriteLine($"Read more: {TelemetrySetup.MoreInfoUrl}");
    }

    /// <summary>Returns "on" or "off" and the reason, as a sentence that ends with a full stop.</summary>
    private static string DescribeState(TelemetryConsentState state) => state switch
    {
        TelemetryConsentState.Enabled => "on: the config file records your consent.",
        TelemetryConsentState.EnabledByEnvironment => $"on: {TelemetrySetup.EnabledVariable} is true.",
        TelemetryConsentState.DisabledByDoNotTrack => $"off: {TelemetrySetup.DoNotTrackVariable} is set.",
        TelemetryConsentState.DisabledByEnvironment => $"off: {TelemetrySetup.EnabledVariable} is false.",
        TelemetryConsentState.DisabledByOptions => "off: the tool turned it off.",
        TelemetryConsentState.DisabledInContinuousIntegration =>
            "off: this run is on a continuous integration server.",
        TelemetryConsentState.DisabledByUser => "off: you opted out, and the config file records it.",
        TelemetryConsentState.NotYetGranted => "off: no choice is recorded yet.",
        TelemetryConsentState.ConfigUnavailable =>
            "off: the config file could not be read or written, so no consent is recorded.",
        TelemetryConsentState.NoSink => "off: there is nowhere to send events to.",
        _ => $"in state {state}.",
    };

    private static string DescribeConfigPath(TelemetryClient client) =>
        client.ConfigPath ?? "(none: no home folder was found)";
}
