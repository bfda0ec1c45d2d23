using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace TrainingCli.Tests.Infrastructure;

/// <summary>Runs the sample in a sandbox and reads what consent-related output and state a run left.</summary>
internal static class ConsentRuns
{
    /// <summary>A line of the first-run notice that no other output of the sample contains.</summary>
    public const string NoticeMarker = "collects anonymous usage data";

    /// <summary>Write key for runs against a <see cref="LoopbackCollector"/>, distinct enough to search for.</summary>
    public const string WriteKey = "consent-test-write-key-7d41";

    /// <summary>Returns how often the first-run notice appears in <paramref name="text"/>.</summary>
    public static int CountNotices(string text)
    {
        var count = 0;
        for (var index = text.IndexOf(NoticeMarker, StringComparison.Ordinal);
             index >= 0;
             index = text.IndexOf(NoticeMarker, index + NoticeMarker.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Returns the lines of <paramref name="text"/> that are warnings or errors of the sample.</summary>
    public static IReadOnlyList<string> WarningLines(string text) =>
        text.Split('\n')
            .Where(line => line.StartsWith("warning:", StringComparison.Ordinal)
                || line.StartsWith("error:", StringComparison.Ordinal))
            .ToList();

    /// <summary>Returns the track items that a run printed to standard output.</summary>
    public static IReadOnlyList<JsonElement> PrintedItems(ProcessResult result) =>
        SegmentBatches.Items(SegmentBatches.ParseBodies(result.StandardOutput));

    /// <summary>Returns the <c>telemetryId</c> that the sandbox's config file stores.</summary>
    public static string StoredTelemetryId(CliSandbox sandbox) =>
        sandbox.ReadConfig().GetProperty("telemetryId").GetString()!;

    /// <summary>Returns the <c>enabled</c> flag that the sandbox's config file stores.</summary>
    public static bool StoredEnabled(CliSandbox sandbox) => sandbox.ReadConfig().GetProperty("enabled").GetBoolean();

    /// <summary>Asserts that every item was sent with <paramref name="telemetryId"/> as its anonymous id.</summary>
    public static void AssertAnonymousId(string telemetryId, IEnumerable<JsonElement> items)
    {
        foreach (var item in items)
        {
            Assert.Equal(telemetryId, item.GetProperty("anonymousId").GetString());
        }
    }

    /// <summary>
    /// Runs <c>train</c> once, so that the sandbox's config file records consent, and returns the stored id.
    /// </summary>
    public static async Task<string> GrantConsentAsync(CliSandbox sandbox)
    {
        var result = await TrainingCliProcess.RunAsync(["train"], sandbox);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(StoredEnabled(sandbox), result.ToString());
        return StoredTelemetryId(sandbox);
    }

    /// <summary>Returns the arguments that send to <paramref name="collector"/>, followed by the command.</summary>
    public static string[] SendingTo(LoopbackCollector collector, params string[] command) =>
        ["--write-key", WriteKey, "--endpoint", collector.BaseAddress.ToString(), .. command];
}
