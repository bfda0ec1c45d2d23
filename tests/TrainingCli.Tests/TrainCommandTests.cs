using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TrainingCli.Tests.Infrastructure;
using Xunit;

namespace TrainingCli.Tests;

/// <summary>
/// Runs <c>train</c> as a process and checks the batches that the print sink writes to standard output.
/// </summary>
public sealed partial class TrainCommandTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task Train_PrintsStartedThenCompleted()
    {
        var result = await TrainingCliProcess.RunAsync(["train"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        var items = SegmentBatches.Items(SegmentBatches.ParseBodies(result.StandardOutput));
        Assert.Equal(["Training Started", "Training Completed"], SegmentBatches.EventNames(items));
        foreach (var item in items)
        {
            Assert.Equal("track", item.GetProperty("type").GetString());
            EventCatalogue.AssertConforms(item);
        }

        var started = items[0].GetProperty("properties");
        var completed = items[1].GetProperty("properties");
        Assert.Matches(HexTrainingId(), started.GetProperty("training_id").GetString());
        Assert.Equal(started.GetProperty("training_id").GetString(), completed.GetProperty("training_id").GetString());
        Assert.Equal("rasa", started.GetProperty("type").GetString());
        Assert.Equal("rasa", completed.GetProperty("type").GetString());
        Assert.True(completed.GetProperty("runtime").GetInt32() >= 0);
    }

    [Fact]
    public async Task Train_SendsSampleProjectStatistics()
    {
        var result = await TrainingCliProcess.RunAsync(["train"], sandbox);

        var items = SegmentBatches.Items(SegmentBatches.ParseBodies(result.StandardOutput));
        var started = items[0].GetProperty("properties");
        Assert.Equal("en", started.GetProperty("language").GetString());
        Assert.Equal(5, started.GetProperty("pipeline").GetArrayLength());
        Assert.Equal(3, started.GetProperty("policies").GetArrayLength());
        Assert.Equal(18, started.GetProperty("num_intent_examples").GetInt32());
        Assert.Equal(6, started.GetProperty("num_entity_examples").GetInt32());
        Assert.Equal(11, started.GetProperty("num_actions").GetInt32());
        Assert.Equal(8, started.GetProperty("num_templates").GetInt32());
        Assert.Equal(3, started.GetProperty("num_slots").GetInt32());
        Assert.Equal(1, started.GetProperty("num_forms").GetInt32());
        Assert.Equal(5, started.GetProperty("num_intents").GetInt32());
        Assert.Equal(3, started.GetProperty("num_entities").GetInt32());
        Assert.Equal(4, started.GetProperty("num_story_steps").GetInt32());
        Assert.Equal(1, started.GetProperty("num_lookup_tables").GetInt32());
        Assert.Equal(2, started.GetProperty("num_synonyms").GetInt32());
        Assert.Equal(2, started.GetProperty("num_regexes").GetInt32());
        Assert.Equal(JsonValueKind.False, started.GetProperty("is_finetuning").ValueKind);
    }

    [Fact]
    public async Task Train_ItemsCarrySegmentFields()
    {
        var result = await TrainingCliProcess.RunAsync(["train"], sandbox);

        var bodies = SegmentBatches.ParseBodies(result.StandardOutput);
        var items = SegmentBatches.Items(bodies);
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.True(Guid.TryParseExact(item.GetProperty("messageId").GetString(), "D", out _));
            Assert.Matches(UtcTimestamp(), item.GetProperty("timestamp").GetString());
            Assert.False(string.IsNullOrEmpty(item.GetProperty("anonymousId").GetString()));
            Assert.False(item.GetProperty("properties").TryGetProperty("metrics_id", out _));
        }

        Assert.NotEqual(items[0].GetProperty("messageId").GetString(), items[1].GetProperty("messageId").GetString());
        Assert.All(bodies, body => Assert.Matches(UtcTimestamp(), body.GetProperty("sentAt").GetString()));
    }

    [Fact]
    public async Task Train_FinetuningNluOnly()
    {
        var result = await TrainingCliProcess.RunAsync(["train", "--type", "nlu", "--finetune"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        var started = FirstItemProperties(result);
        Assert.Equal("nlu", started.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.True, started.GetProperty("is_finetuning").ValueKind);
        Assert.Equal(0, started.GetProperty("policies").GetArrayLength());
        Assert.Equal(0, started.GetProperty("num_story_steps").GetInt32());
        Assert.Equal(18, started.GetProperty("num_intent_examples").GetInt32());
    }

    [Fact]
    public async Task Train_CoreOnlySendsNullLanguage()
    {
        var result = await TrainingCliProcess.RunAsync(["train", "--type", "core"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        var started = FirstItemProperties(result);
        Assert.Equal("core", started.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, started.GetProperty("language").ValueKind);
        Assert.Equal(0, started.GetProperty("pipeline").GetArrayLength());
    }

    [Fact]
    public async Task Train_WithFail_SendsTrainingFailed()
    {
        var result = await TrainingCliProcess.RunAsync(["train", "--fail"], sandbox);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Training failed", result.StandardError);
        var items = SegmentBatches.Items(SegmentBatches.ParseBodies(result.StandardOutput));
        Assert.Equal(["Training Started", "Training Failed"], SegmentBatches.EventNames(items));
        foreach (var item in items)
        {
            EventCatalogue.AssertConforms(item);
        }

        var started = items[0].GetProperty("properties");
        var failed = items[1].GetProperty("properties");
        Assert.Equal(started.GetProperty("training_id").GetString(), failed.GetProperty("training_id").GetString());
        Assert.Equal("rasa", failed.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Train_InvalidType_ExitsWithUsageError()
    {
        var result = await TrainingCliProcess.RunAsync(["train", "--type", "both"], sandbox);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Invalid value 'both' for --type: expected one of rasa, core, nlu.", result.StandardError);
        Assert.Empty(SegmentBatches.ParseBodies(result.StandardOutput));
    }

    private static JsonElement FirstItemProperties(ProcessResult result) =>
        SegmentBatches.Items(SegmentBatches.ParseBodies(result.StandardOutput))[0].GetProperty("properties");

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex HexTrainingId();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex UtcTimestamp();
}
