using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using TrainingCli.Tests.Infrastructure;
using Xunit;
using static TrainingCli.Tests.Infrastructure.ConsentRuns;

namespace TrainingCli.Tests;

/// <summary>
/// Runs the sample with a write key against a collector on 127.0.0.1 while telemetry is off, in debug mode, and
/// with a home folder that cannot hold a config file. Nothing may reach the collector, and the config file changes
/// only through <c>telemetry enable</c> and <c>telemetry disable</c>.
/// </summary>
public sealed class DisabledTelemetryTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    /// <summary>Environment settings that turn telemetry off, whatever the config file records.</summary>
    public static TheoryData<string, string> EnvironmentOptOuts { get; } = new()
    {
        { "DO_NOT_TRACK", "1" },
        { "DO_NOT_TRACK", "TRUE" },
        { "TRAINING_CLI_TELEMETRY_ENABLED", "false" },
        { "TRAINING_CLI_TELEMETRY_ENABLED", "0" },
        { "TRAINING_CLI_TELEMETRY_ENABLED", " Off " },
        { "TRAINING_CLI_TELEMETRY_ENABLED", "no" },
    };

    [Theory]
    [MemberData(nameof(EnvironmentOptOuts))]
    public async Task EnvironmentOptOut_SendsNothingAndKeepsConfig(string name, string value)
    {
        await GrantConsentAsync(sandbox);
        var before = sandbox.SnapshotConfig();
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(
            SendingTo(collector, "train"),
            sandbox,
            new Dictionary<string, string?> { [name] = value });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(collector.Requests);
        Assert.Equal(0, CountNotices(result.StandardError));
        AssertConfigUnchanged(before);
    }

    [Theory]
    [MemberData(nameof(EnvironmentOptOuts))]
    public async Task EnvironmentOptOut_OnFreshHome_CreatesNoConfig(string name, string value)
    {
        var result = await TrainingCliProcess.RunAsync(
            ["train"],
            sandbox,
            new Dictionary<string, string?> { [name] = value });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(PrintedItems(result));
        Assert.Equal(0, CountNotices(result.StandardError));
        Assert.False(sandbox.ConfigExists, result.ToString());
    }

    [Fact]
    public async Task DoNotTrack_WinsOverEnabledVariable()
    {
        await GrantConsentAsync(sandbox);
        var before = sandbox.SnapshotConfig();
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(
            SendingTo(collector, "train"),
            sandbox,
            new Dictionary<string, string?> { ["DO_NOT_TRACK"] = "1", ["TRAINING_CLI_TELEMETRY_ENABLED"] = "true" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(collector.Requests);
        AssertConfigUnchanged(before);
    }

    [Fact]
    public async Task PriorDisable_SendsNothingAndKeepsConfig()
    {
        var disable = await TrainingCliProcess.RunAsync(["telemetry", "disable"], sandbox);
        Assert.True(disable.ExitCode == 0, disable.ToString());
        Assert.False(StoredEnabled(sandbox));
        var before = sandbox.SnapshotConfig();
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(SendingTo(collector, "train"), sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(collector.Requests);
        Assert.Equal(0, CountNotices(result.StandardError));
        AssertConfigUnchanged(before);
    }

    [Fact]
    public async Task DebugMode_PrintsPayloadInsteadOfSending()
    {
        await GrantConsentAsync(sandbox);
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(
            SendingTo(collector, "train"),
            sandbox,
            new Dictionary<string, string?> { ["TRAINING_CLI_TELEMETRY_DEBUG"] = "true" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(collector.Requests);
        Assert.Contains("\"event\": \"Training Started\"", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("\"event\": \"Training Completed\"", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(PrintedItems(result));
        Assert.DoesNotContain(WriteKey, result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(WriteKey, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DebugMode_WhileDisabled_PrintsNothing()
    {
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(
            SendingTo(collector, "train"),
            sandbox,
            new Dictionary<string, string?> { ["TRAINING_CLI_TELEMETRY_DEBUG"] = "1", ["DO_NOT_TRACK"] = "1" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(collector.Requests);
        Assert.DoesNotContain("Training Started", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(WriteKey, result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("telemetry")]
    public async Task HomeIsRegularFile_RunsWithTelemetryOff(string command)
    {
        var environment = sandbox.HomeUnderRegularFile();
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(SendingTo(collector, command), sandbox, environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(collector.Requests);
        Assert.Equal(0, CountNotices(result.StandardError));
        Assert.True(WarningLines(result.StandardError).Count <= 1, result.ToString());
        Assert.Equal("", File.ReadAllText(environment["HOME"]!));
    }

    [Fact]
    public async Task MissingHome_RunsWithTelemetryOff()
    {
        // Without HOME, the runtime on Windows falls back to the profile's application data folder, which would be
        // the real one, so this case runs on Linux and macOS only.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(
            SendingTo(collector, "train"),
            sandbox,
            new Dictionary<string, string?> { ["HOME"] = null, ["XDG_CONFIG_HOME"] = null });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(collector.Requests);
        Assert.Equal(0, CountNotices(result.StandardError));
        Assert.True(WarningLines(result.StandardError).Count <= 1, result.ToString());
    }

    private void AssertConfigUnchanged(ConfigSnapshot before)
    {
        var after = sandbox.SnapshotConfig();
        Assert.Equal(before.Content, after.Content);
        Assert.Equal(before.LastWriteTimeUtc, after.LastWriteTimeUtc);
    }
}
