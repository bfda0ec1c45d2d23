using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TrainingCli.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using static TrainingCli.Tests.Infrastructure.ConsentRuns;

namespace TrainingCli.Tests;

/// <summary>
/// Runs <c>train</c> against a server that never responds, so the sample spools its events at exit. A second run
/// in the same home then delivers the spooled events, leaves them alone under <c>DO_NOT_TRACK</c>, or deletes them
/// at <c>telemetry disable</c>.
/// </summary>
public sealed class SpoolDeliveryTests : IDisposable
{
    // Dispose sends for at most the shutdown timeout (2 s by default) and then takes up to 1 s more to write the
    // spool. The request timeout is 10 s, so a run that waited for the hung request would exceed this bound. The
    // rest of the bound leaves room for starting the process on a busy machine.
    private static readonly TimeSpan MaxRunTime = TimeSpan.FromSeconds(8);

    private readonly CliSandbox sandbox = new();
    private readonly ITestOutputHelper output;

    public SpoolDeliveryTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task UnresponsiveServer_ExitsInTimeAndSpools()
    {
        await using var server = LoopbackCollector.StartUnresponsive();

        var stopwatch = Stopwatch.StartNew();
        var result = await TrainingCliProcess.RunAsync(SendingTo(server, "train"), sandbox);
        stopwatch.Stop();
        output.WriteLine($"train against the unresponsive server took {stopwatch.Elapsed.TotalSeconds:F2} s.");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(
            stopwatch.Elapsed < MaxRunTime,
            $"The run took {stopwatch.Elapsed.TotalSeconds:F2} s, more than {MaxRunTime.TotalSeconds} s.\n{result}");
        Assert.DoesNotContain("were dropped", result.StandardError, StringComparison.Ordinal);

        // The server received the events, so the run spooled them after the request got no response.
        var request = Assert.Single(server.Requests);
        using var body = JsonDocument.Parse(request.Body);
        var sentItems = SegmentBatches.Items([body.RootElement]);

        var spoolFile = Assert.Single(sandbox.SpoolFiles());
        var spooledItems = CliSandbox.ReadSpooledItems(spoolFile);
        Assert.Equal(["Training Started", "Training Completed"], SegmentBatches.EventNames(spooledItems));
        Assert.Equal(MessageIds(sentItems), MessageIds(spooledItems));
        foreach (var item in spooledItems)
        {
            EventCatalogue.AssertConforms(item);
        }
    }

    [Fact]
    public async Task NextRun_DeliversSpooledEventsOnce()
    {
        var spooledItems = await SpoolTrainEventsAsync();
        var spooledTimestamps = spooledItems.ToDictionary(MessageId, Timestamp);
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(SendingTo(collector, "train"), sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("were dropped", result.StandardError, StringComparison.Ordinal);

        var receivedItems = ReceivedItems(collector);
        Assert.Equal(
            ["Training Started", "Training Completed", "Training Started", "Training Completed"],
            SegmentBatches.EventNames(receivedItems));

        // The spooled events go out first, with the messageId and timestamp that the first run gave them.
        Assert.Equal(MessageIds(spooledItems), MessageIds(receivedItems.Take(2)));
        foreach (var item in receivedItems.Take(2))
        {
            Assert.Equal(spooledTimestamps[MessageId(item)], Timestamp(item));
        }

        var repeatedIds = receivedItems.GroupBy(MessageId).Where(group => group.Count() > 1).Select(group => group.Key);
        Assert.Empty(repeatedIds);
        Assert.Empty(sandbox.SpoolFiles());
    }

    [Fact]
    public async Task DoNotTrack_SendsNothingAndKeepsSpool()
    {
        await SpoolTrainEventsAsync();
        var spoolBefore = SnapshotSpool();
        await using var collector = new LoopbackCollector();

        var result = await TrainingCliProcess.RunAsync(
            SendingTo(collector, "train"),
            sandbox,
            new Dictionary<string, string?> { ["DO_NOT_TRACK"] = "1" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(collector.Requests);
        var spoolAfter = SnapshotSpool();
        Assert.Equal(spoolBefore.Keys, spoolAfter.Keys);
        foreach (var (name, content) in spoolBefore)
        {
            Assert.Equal(content, spoolAfter[name]);
        }
    }

    [Fact]
    public async Task TelemetryDisable_DeletesSpooledEvents()
    {
        await SpoolTrainEventsAsync();

        // With the endpoint refusing connections, the spooled events can only leave the spool through the opt-out.
        var endpoint = LoopbackCollector.AddressWithoutListener().ToString();
        var result = await TrainingCliProcess.RunAsync(
            ["--write-key", WriteKey, "--endpoint", endpoint, "telemetry", "disable"],
            sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(StoredEnabled(sandbox), result.ToString());
        Assert.Empty(sandbox.SpoolFiles());
    }

    [Fact]
    public async Task TelemetryDisable_WithoutWriteKey_DeletesSpooledEvents()
    {
        await SpoolTrainEventsAsync();

        // Without a write key the client prints instead of sending and has no spool of its own, but the opt-out
        // still covers the events that earlier runs spooled.
        var result = await TrainingCliProcess.RunAsync(["telemetry", "disable"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(StoredEnabled(sandbox), result.ToString());
        Assert.Empty(sandbox.SpoolFiles());
    }

    [Theory]
    [InlineData("DO_NOT_TRACK", "1")]
    [InlineData("TRAINING_CLI_TELEMETRY_DEBUG", "true")]
    public async Task TelemetryDisable_WhileNotSending_DeletesSpooledEvents(string name, string value)
    {
        await SpoolTrainEventsAsync();

        // DO_NOT_TRACK turns the client off and debug mode prints instead of sending, so this run would send no
        // spooled event, but the opt-out recorded here must still delete them.
        var endpoint = LoopbackCollector.AddressWithoutListener().ToString();
        var result = await TrainingCliProcess.RunAsync(
            ["--write-key", WriteKey, "--endpoint", endpoint, "telemetry", "disable"],
            sandbox,
            new Dictionary<string, string?> { [name] = value });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(StoredEnabled(sandbox), result.ToString());
        Assert.Empty(sandbox.SpoolFiles());
    }

    /// <summary>
    /// Runs <c>train</c> against a server that never responds, so that the sandbox's spool contains one file with
    /// the run's events, and returns those events.
    /// </summary>
    private async Task<IReadOnlyList<JsonElement>> SpoolTrainEventsAsync()
    {
        await using var server = LoopbackCollector.StartUnresponsive();
        var result = await TrainingCliProcess.RunAsync(SendingTo(server, "train"), sandbox);
        Assert.True(result.ExitCode == 0, result.ToString());

        var spoolFile = Assert.Single(sandbox.SpoolFiles());
        var items = CliSandbox.ReadSpooledItems(spoolFile);
        Assert.Equal(["Training Started", "Training Completed"], SegmentBatches.EventNames(items));
        return items;
    }

    /// <summary>Returns the content of each spool file by file name.</summary>
    private Dictionary<string, byte[]> SnapshotSpool() =>
        sandbox.SpoolFiles().ToDictionary(path => Path.GetFileName(path), File.ReadAllBytes);

    private static IReadOnlyList<JsonElement> ReceivedItems(LoopbackCollector collector)
    {
        var bodies = new List<JsonElement>();
        foreach (var request in collector.Requests)
        {
            using var document = JsonDocument.Parse(request.Body);
            bodies.Add(document.RootElement.Clone());
        }

        return SegmentBatches.Items(bodies);
    }

    private static List<string> MessageIds(IEnumerable<JsonElement> items) => items.Select(MessageId).ToList();

    private static string MessageId(JsonElement item) => item.GetProperty("messageId").GetString()!;

    private static string Timestamp(JsonElement item) => item.GetProperty("timestamp").GetString()!;
}
