using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using TrainingCli.Tests.Infrastructure;
using Xunit;
using static TrainingCli.Tests.Infrastructure.ConsentRuns;

namespace TrainingCli.Tests;

/// <summary>Runs <c>telemetry</c>, <c>telemetry enable</c> and <c>telemetry disable</c> as processes.</summary>
public sealed class TelemetryCommandTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task Disable_SendsEventBeforeRecordingOptOut()
    {
        var telemetryId = await GrantConsentAsync(sandbox);

        // The collector reads the config file while the sample still waits for the response, which shows what the
        // file contained when the event arrived.
        var configAtRequest = new ConcurrentQueue<string>();
        await using var collector = new LoopbackCollector(_ => configAtRequest.Enqueue(ReadTextOrEmpty()));

        var result = await TrainingCliProcess.RunAsync(SendingTo(collector, "telemetry", "disable"), sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        var request = Assert.Single(collector.Requests);
        using var body = JsonDocument.Parse(request.Body);
        var item = Assert.Single(SegmentBatches.Items([body.RootElement]));
        Assert.Equal("Telemetry Disabled", item.GetProperty("event").GetString());
        EventCatalogue.AssertConforms(item);
        Assert.Equal(telemetryId, item.GetProperty("anonymousId").GetString());

        using var configThen = JsonDocument.Parse(Assert.Single(configAtRequest));
        Assert.True(configThen.RootElement.GetProperty("enabled").GetBoolean());

        Assert.False(StoredEnabled(sandbox));
        Assert.Equal(telemetryId, StoredTelemetryId(sandbox));
        Assert.Contains("Sent the last event, Telemetry Disabled.", result.StandardError, StringComparison.Ordinal);
        Assert.Contains($"Recorded the opt-out in {sandbox.ConfigPath}.", result.StandardError);
    }

    [Fact]
    public async Task Disable_FreshHome_SendsNothing()
    {
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(SendingTo(collector, "telemetry", "disable"), sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(collector.Requests);
        Assert.Equal(0, CountNotices(result.StandardError));
        Assert.DoesNotContain("Sent the last event", result.StandardError, StringComparison.Ordinal);
        Assert.Contains($"Recorded the opt-out in {sandbox.ConfigPath}.", result.StandardError);
        var config = sandbox.ReadConfig();
        Assert.Equal(JsonValueKind.False, config.GetProperty("enabled").ValueKind);
        Assert.False(config.TryGetProperty("telemetryId", out _), config.ToString());
        Assert.False(config.TryGetProperty("secret", out _), config.ToString());
        Assert.NotEqual(
            JsonValueKind.True,
            config.TryGetProperty("noticeShown", out var noticeShown) ? noticeShown.ValueKind : JsonValueKind.Undefined);
    }

    [Fact]
    public async Task Enable_FreshHome_RecordsConsentWithoutNotice()
    {
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(SendingTo(collector, "telemetry", "enable"), sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, CountNotices(result.StandardError));
        Assert.Contains($"Recorded your consent in {sandbox.ConfigPath}.", result.StandardError);
        Assert.Contains("Telemetry is on: the config file records your consent.", result.StandardError);
        Assert.Empty(collector.Requests);
        var config = sandbox.ReadConfig();
        Assert.Equal(JsonValueKind.True, config.GetProperty("enabled").ValueKind);
        var telemetryId = config.GetProperty("telemetryId").GetString()!;
        Assert.True(Guid.TryParseExact(telemetryId, "D", out _), telemetryId);
    }

    [Fact]
    public async Task Status_FreshHome_RecordsNothing()
    {
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(SendingTo(collector, "telemetry"), sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(sandbox.ConfigExists, result.ToString());
        Assert.Equal(0, CountNotices(result.StandardError));
        Assert.Empty(collector.Requests);
        Assert.Empty(PrintedItems(result));
        var output = result.StandardError;
        Assert.Contains("Telemetry is off: no choice is recorded yet.", output);
        Assert.Contains("Telemetry id: none stored yet", output);
        Assert.Contains("command other than 'telemetry' records your consent in the config file,", output);
        Assert.Contains("shows the first-run notice and turns telemetry on", output);
        Assert.Contains("To opt out now, without sending anything, run 'TrainingCli telemetry disable'.", output);
    }

    [Fact]
    public async Task Status_FreshHome_NextCommandShowsNotice()
    {
        var status = await TrainingCliProcess.RunAsync(["telemetry"], sandbox);
        Assert.True(status.ExitCode == 0, status.ToString());

        var result = await TrainingCliProcess.RunAsync(["train"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, CountNotices(result.StandardError));
        Assert.True(StoredEnabled(sandbox));
        Assert.Equal(
            ["Training Started", "Training Completed"],
            SegmentBatches.EventNames(PrintedItems(result)));
    }

    [Fact]
    public async Task Disable_UnreachableEndpoint_StillRecordsOptOut()
    {
        await GrantConsentAsync(sandbox);

        var endpoint = LoopbackCollector.AddressWithoutListener().ToString();

        var result = await TrainingCliProcess.RunAsync(
            ["--write-key", WriteKey, "--endpoint", endpoint, "telemetry", "disable"],
            sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(StoredEnabled(sandbox));
        Assert.DoesNotContain("Sent the last event", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("could not be sent", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ShowsStateIdAndHowToChange()
    {
        var telemetryId = await GrantConsentAsync(sandbox);
        var before = sandbox.SnapshotConfig();

        var result = await TrainingCliProcess.RunAsync(["telemetry"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        var output = result.StandardError;
        Assert.Contains("Telemetry is on: the config file records your consent.", output);
        Assert.Contains($"Telemetry id: {telemetryId}", output);
        Assert.Contains($"Config file:  {sandbox.ConfigPath}", output);
        foreach (var setting in new[]
                 {
                     "TrainingCli telemetry disable", "TrainingCli telemetry enable", "DO_NOT_TRACK=1",
                     "TRAINING_CLI_TELEMETRY_ENABLED=false", "TRAINING_CLI_TELEMETRY_DEBUG=true",
                     "TRAINING_CLI_TELEMETRY_CONFIG=PATH",
                 })
        {
            Assert.Contains(setting, output);
        }

        Assert.Empty(PrintedItems(result));
        Assert.Equal(before.Content, sandbox.SnapshotConfig().Content);
    }

    [Theory]
    [InlineData("DO_NOT_TRACK", "1", "Telemetry is off: DO_NOT_TRACK is set.")]
    [InlineData("TRAINING_CLI_TELEMETRY_ENABLED", "false", "Telemetry is off: TRAINING_CLI_TELEMETRY_ENABLED is false")]
    [InlineData("TRAINING_CLI_TELEMETRY_ENABLED", "yes", "Telemetry is on: TRAINING_CLI_TELEMETRY_ENABLED is true")]
    public async Task Status_NamesEnvironmentReason(string name, string value, string expectedLine)
    {
        await GrantConsentAsync(sandbox);

        var result = await TrainingCliProcess.RunAsync(
            ["telemetry"],
            sandbox,
            new Dictionary<string, string?> { [name] = value });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(expectedLine, result.StandardError);
    }

    [Fact]
    public async Task Status_AfterDisable_SaysUserOptedOut()
    {
        await TrainingCliProcess.RunAsync(["telemetry", "disable"], sandbox);

        var result = await TrainingCliProcess.RunAsync(["telemetry"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Telemetry is off: you opted out, and the config file records it.", result.StandardError);
    }

    [Fact]
    public async Task Enable_AfterDisable_SendsAgain()
    {
        var telemetryId = await GrantConsentAsync(sandbox);
        var disable = await TrainingCliProcess.RunAsync(["telemetry", "disable"], sandbox);
        Assert.True(disable.ExitCode == 0, disable.ToString());
        var disabledRun = await TrainingCliProcess.RunAsync(["train"], sandbox);
        Assert.Empty(PrintedItems(disabledRun));

        var enable = await TrainingCliProcess.RunAsync(["telemetry", "enable"], sandbox);

        Assert.True(enable.ExitCode == 0, enable.ToString());
        Assert.Contains($"Recorded your consent in {sandbox.ConfigPath}.", enable.StandardError);
        Assert.True(StoredEnabled(sandbox));
        Assert.Equal(telemetryId, StoredTelemetryId(sandbox));

        var result = await TrainingCliProcess.RunAsync(["train"], sandbox);
        Assert.True(result.ExitCode == 0, result.ToString());
        var items = PrintedItems(result);
        Assert.Equal(["Training Started", "Training Completed"], SegmentBatches.EventNames(items));
        AssertAnonymousId(telemetryId, items);
        Assert.Equal(0, CountNotices(result.StandardError));
    }

    [Fact]
    public async Task Enable_UnderDoNotTrack_StaysOff()
    {
        await TrainingCliProcess.RunAsync(["telemetry", "disable"], sandbox);

        var result = await TrainingCliProcess.RunAsync(
            ["telemetry", "enable"],
            sandbox,
            new Dictionary<string, string?> { ["DO_NOT_TRACK"] = "1" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(StoredEnabled(sandbox));
        Assert.Contains("Telemetry is off: DO_NOT_TRACK is set.", result.StandardError);
    }

    [Fact]
    public async Task Status_HomeIsRegularFile_WritesNothing()
    {
        // The status command only reads the config file, so it finds no file and no decision, and tries no write
        // that could fail.
        var result = await TrainingCliProcess.RunAsync(["telemetry"], sandbox, sandbox.HomeUnderRegularFile());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Telemetry is off: no choice is recorded yet.", result.StandardError);
        Assert.Empty(WarningLines(result.StandardError));
        Assert.Equal(0, CountNotices(result.StandardError));
    }

    [Theory]
    [InlineData("enable", "error: Could not record your consent in ")]
    [InlineData("disable", "error: Could not record the opt-out in ")]
    public async Task Toggle_HomeIsRegularFile_FailsWithOneWarning(string subcommand, string expectedError)
    {
        var environment = sandbox.HomeUnderRegularFile();

        var result = await TrainingCliProcess.RunAsync(["telemetry", subcommand], sandbox, environment);

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = WarningLines(result.StandardError);
        Assert.Single(lines, line => line.StartsWith("warning:", StringComparison.Ordinal));
        Assert.Single(lines, line => line.StartsWith(expectedError, StringComparison.Ordinal));
        Assert.Equal(0, CountNotices(result.StandardError));
    }

    [Fact]
    public async Task Status_DoNotTrack_ShowsNoStoredId()
    {
        var result = await TrainingCliProcess.RunAsync(
            ["telemetry"],
            sandbox,
            new Dictionary<string, string?> { ["DO_NOT_TRACK"] = "1" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Telemetry is off: DO_NOT_TRACK is set.", result.StandardError);
        Assert.Contains("Telemetry id: none stored yet", result.StandardError);
        Assert.False(sandbox.ConfigExists);
    }

    [Fact]
    public async Task Status_FreshOptOut_ShowsNoStoredId()
    {
        var noTracking = new Dictionary<string, string?> { ["DO_NOT_TRACK"] = "1" };
        var disable = await TrainingCliProcess.RunAsync(["telemetry", "disable"], sandbox, noTracking);
        Assert.True(disable.ExitCode == 0, disable.ToString());
        Assert.False(StoredEnabled(sandbox));

        var result = await TrainingCliProcess.RunAsync(["telemetry"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Telemetry is off: you opted out, and the config file records it.", result.StandardError);
        Assert.Contains("Telemetry id: none stored yet", result.StandardError);
    }

    [Fact]
    public async Task Status_MissingHome_NamesNoConfigFile()
    {
        // Without HOME, the runtime on Windows falls back to the profile's application data folder, which would be
        // the real one, so this case runs on Linux and macOS only.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var result = await TrainingCliProcess.RunAsync(
            ["telemetry"],
            sandbox,
            new Dictionary<string, string?> { ["HOME"] = null, ["XDG_CONFIG_HOME"] = null });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Telemetry is off: the config file could not be read or written", result.StandardError);
        Assert.Contains("Telemetry id: none stored yet", result.StandardError);
        Assert.Contains("Config file:  (none: no home folder was found)", result.StandardError);
        Assert.Equal(0, CountNotices(result.StandardError));
        Assert.Single(WarningLines(result.StandardError));
    }

    private string ReadTextOrEmpty()
    {
        try
        {
            return File.ReadAllText(sandbox.ConfigPath);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
