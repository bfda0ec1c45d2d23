using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TrainingCli.Tests.Infrastructure;
using Xunit;

namespace TrainingCli.Tests;

/// <summary>Runs every command as a process and checks the events it prints.</summary>
public sealed class CommandEventTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    public static TheoryData<string, string[]> Commands { get; } = new()
    {
        { "init", ["Project Created"] },
        { "train", ["Training Started", "Training Completed"] },
        { "train --type core --finetune", ["Training Started", "Training Completed"] },
        { "test", ["Model Core Tested", "Model NLU Tested"] },
        { "test core --e2e", ["Model Core Tested"] },
        { "test nlu", ["Model NLU Tested"] },
        { "shell", ["Shell Started"] },
        { "shell nlu", ["Shell Started"] },
        { "run", ["Server Started"] },
        { "run socketio rest --enable-api --workers 4 --action-server http://127.0.0.1:5055/", ["Server Started"] },
        { "interactive --skip-visualization --e2e", ["Interactive Learning Started"] },
        { "visualize", ["Story Visualization Started"] },
        { "data split --fraction 0.75", ["Training Data Split"] },
        { "data split nlg", ["Training Data Split"] },
        { "data validate", ["Training Data Validated"] },
        { "data convert --format yaml", ["Training Data Converted"] },
        { "data convert core", ["Training Data Converted"] },
        { "export", ["Tracker Exported"] },
        { "export --conversation-ids conversation-1,conversation-3", ["Tracker Exported"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_ExitsZeroAndSendsItsEvents(string commandLine, string[] expectedEvents)
    {
        var result = await TrainingCliProcess.RunAsync(commandLine, sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        var items = SegmentBatches.Items(SegmentBatches.ParseBodies(result.StandardOutput));
        Assert.Equal(expectedEvents, SegmentBatches.EventNames(items));
        foreach (var item in items)
        {
            Assert.Equal("track", item.GetProperty("type").GetString());
            EventCatalogue.AssertConforms(item);
        }
    }

    [Fact]
    public async Task Run_SendsServerConfiguration()
    {
        var properties = await RunAndGetOnlyPropertiesAsync(
            "run socketio rest --enable-api --workers 4 --action-server http://127.0.0.1:5055/");

        Assert.Equal(["socketio", "rest"], StringList(properties.GetProperty("input_channels")));
        Assert.Equal(JsonValueKind.True, properties.GetProperty("api_enabled").ValueKind);
        Assert.Equal(4, properties.GetProperty("number_of_workers").GetInt32());
        Assert.Equal("HttpActionEndpoint", properties.GetProperty("endpoints_action_server").GetString());
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("endpoints_nlg").ValueKind);
        Assert.Matches("^[0-9a-f]{64}$", properties.GetProperty("project").GetString());
    }

    [Fact]
    public async Task Run_DefaultsToRestChannel()
    {
        var properties = await RunAndGetOnlyPropertiesAsync("run");

        Assert.Equal(["rest"], StringList(properties.GetProperty("input_channels")));
        Assert.Equal(JsonValueKind.False, properties.GetProperty("api_enabled").ValueKind);
        Assert.Equal(1, properties.GetProperty("number_of_workers").GetInt32());
        Assert.Equal(JsonValueKind.Null, properties.GetProperty("endpoints_action_server").ValueKind);
    }

    [Fact]
    public async Task Init_SendsHashOfDirectoryNotPath()
    {
        var properties = await RunAndGetOnlyPropertiesAsync("init");

        var hash = properties.GetProperty("init_directory").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain(sandbox.WorkingDirectory, hash, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(sandbox.WorkingDirectory, "data", "nlu.yml")));
    }

    [Fact]
    public async Task Init_InUsedDirectory_FailsWithoutEvent()
    {
        await TrainingCliProcess.RunAsync("init", sandbox);

        var result = await TrainingCliProcess.RunAsync("init", sandbox);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("already exists", result.StandardError);
        Assert.Empty(SegmentBatches.ParseBodies(result.StandardOutput));
    }

    [Fact]
    public async Task DataSplit_SendsFractionAndType()
    {
        var properties = await RunAndGetOnlyPropertiesAsync("data split core --fraction 0.5");

        Assert.Equal(0.5, properties.GetProperty("fraction").GetDouble());
        Assert.Equal("core", properties.GetProperty("type").GetString());
        Assert.True(File.Exists(Path.Combine(sandbox.WorkingDirectory, "train_test_split", "train_core.yml")));
        Assert.True(File.Exists(Path.Combine(sandbox.WorkingDirectory, "train_test_split", "test_core.yml")));
    }

    [Fact]
    public async Task DataSplit_UnderGermanCulture_ParsesDecimalPoint()
    {
        var result = await TrainingCliProcess.RunAsync(
            ["data", "split", "--fraction", "0.75"],
            sandbox,
            new Dictionary<string, string?> { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8" });

        Assert.True(result.ExitCode == 0, result.ToString());
        var item = SegmentBatches.Items(SegmentBatches.ParseBodies(result.StandardOutput)).Single();
        Assert.Equal(0.75, item.GetProperty("properties").GetProperty("fraction").GetDouble());
    }

    [Fact]
    public async Task DataValidate_FailOnWarnings_SendsFailure()
    {
        var result = await TrainingCliProcess.RunAsync("data validate --fail-on-warnings", sandbox);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("utter_unused_promotion", result.StandardError);
        var item = SegmentBatches.Items(SegmentBatches.ParseBodies(result.StandardOutput)).Single();
        Assert.Equal(JsonValueKind.False, item.GetProperty("properties").GetProperty("validation_success").ValueKind);
    }

    [Fact]
    public async Task DataConvert_WritesFileAndSendsFormat()
    {
        var properties = await RunAndGetOnlyPropertiesAsync("data convert nlu --format json --out nlu.json");

        Assert.Equal("json", properties.GetProperty("output_format").GetString());
        Assert.Equal("nlu", properties.GetProperty("type").GetString());
        var convertedPath = Path.Combine(sandbox.WorkingDirectory, "nlu.json");
        using var converted = JsonDocument.Parse(File.ReadAllText(convertedPath));
        Assert.Equal(18, converted.RootElement.GetProperty("examples").GetArrayLength());
    }

    [Fact]
    public async Task Export_CountsExportedEvents()
    {
        var properties = await RunAndGetOnlyPropertiesAsync("export --conversation-ids conversation-3");

        var lines = File.ReadAllLines(Path.Combine(sandbox.WorkingDirectory, "exported_events.jsonl"));
        Assert.Equal(3, lines.Length);
        Assert.Equal(lines.Length, properties.GetProperty("number_of_exported_events").GetInt32());
        Assert.Equal("InMemoryTrackerStore", properties.GetProperty("tracker_store").GetString());
        Assert.Equal("FileEventBroker", properties.GetProperty("event_broker").GetString());
    }

    [Fact]
    public async Task Interactive_SendsFlags()
    {
        var properties = await RunAndGetOnlyPropertiesAsync("interactive --e2e");

        Assert.Equal(JsonValueKind.False, properties.GetProperty("skip_visualization").ValueKind);
        Assert.Equal(JsonValueKind.True, properties.GetProperty("save_in_e2e").ValueKind);
    }

    [Fact]
    public async Task ShellNlu_SendsNluType()
    {
        var properties = await RunAndGetOnlyPropertiesAsync("shell nlu");

        Assert.Equal("nlu", properties.GetProperty("type").GetString());
    }

    private async Task<JsonElement> RunAndGetOnlyPropertiesAsync(string commandLine)
    {
        var result = await TrainingCliProcess.RunAsync(commandLine, sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        var items = SegmentBatches.Items(SegmentBatches.ParseBodies(result.StandardOutput));
        return Assert.Single(items).GetProperty("properties");
    }

    private static List<string> StringList(JsonElement array) =>
        array.EnumerateArray().Select(element => element.GetString()!).ToList();
}
