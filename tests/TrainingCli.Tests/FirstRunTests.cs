using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TrainingCli.Tests.Infrastructure;
using Xunit;
using static TrainingCli.Tests.Infrastructure.ConsentRuns;

namespace TrainingCli.Tests;

/// <summary>
/// Runs the sample on a fresh home: the first run prints the notice and creates the config file, later and
/// concurrent runs share its telemetry id.
/// </summary>
public sealed class FirstRunTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task FirstRun_PrintsNoticeAndCreatesConfig()
    {
        var result = await TrainingCliProcess.RunAsync(["train"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(CountNotices(result.StandardError) == 1, result.ToString());

        // Standard output carries only the printed batches, so it must still parse as JSON documents.
        Assert.Equal(0, CountNotices(result.StandardOutput));
        Assert.True(sandbox.ConfigExists, result.ToString());

        var config = sandbox.ReadConfig();
        Assert.Equal(JsonValueKind.True, config.GetProperty("enabled").ValueKind);
        Assert.Equal(JsonValueKind.True, config.GetProperty("noticeShown").ValueKind);
        Assert.True(DateTimeOffset.TryParse(config.GetProperty("consentDate").GetString(), out _));
        var telemetryId = config.GetProperty("telemetryId").GetString()!;
        Assert.True(Guid.TryParseExact(telemetryId, "D", out _), telemetryId);
        Assert.Equal(32, Convert.FromBase64String(config.GetProperty("secret").GetString()!).Length);

        var items = PrintedItems(result);
        Assert.Equal(["Training Started", "Training Completed"], SegmentBatches.EventNames(items));
        AssertAnonymousId(telemetryId, items);
    }

    [Fact]
    public async Task SecondRun_NoNoticeAndSameId()
    {
        var telemetryId = await GrantConsentAsync(sandbox);

        var result = await TrainingCliProcess.RunAsync(["train"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, CountNotices(result.StandardError));
        var items = PrintedItems(result);
        Assert.Equal(2, items.Count);
        AssertAnonymousId(telemetryId, items);
        Assert.Equal(telemetryId, StoredTelemetryId(sandbox));
    }

    [Fact]
    public async Task ConcurrentFirstRuns_ShareOneTelemetryId()
    {
        // Three fresh homes, each with two processes started at once, give the race for creating the file three
        // chances to show.
        for (var round = 0; round < 3; round++)
        {
            using var home = new CliSandbox();

            var results = await Task.WhenAll(
                TrainingCliProcess.RunAsync(["train"], home),
                TrainingCliProcess.RunAsync(["train"], home));

            foreach (var result in results)
            {
                Assert.True(result.ExitCode == 0, result.ToString());
            }

            var telemetryId = StoredTelemetryId(home);
            Assert.True(Guid.TryParseExact(telemetryId, "D", out _), telemetryId);
            foreach (var result in results)
            {
                var items = PrintedItems(result);
                Assert.True(items.Count == 2, result.ToString());
                AssertAnonymousId(telemetryId, items);
            }

            Assert.Empty(home.ConfigFolderLeftovers());
            Assert.True(results.Sum(result => CountNotices(result.StandardError)) <= 2);
        }
    }
}
