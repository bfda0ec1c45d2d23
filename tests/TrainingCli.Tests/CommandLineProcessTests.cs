using System;
using System.Threading.Tasks;
using TrainingCli.Tests.Infrastructure;
using Xunit;

namespace TrainingCli.Tests;

/// <summary>Runs the sample with invalid command lines and with <c>--help</c>.</summary>
public sealed class CommandLineProcessTests : IDisposable
{
    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task UnknownCommand_ExitsTwoNamingIt()
    {
        var result = await TrainingCliProcess.RunAsync(["frobnicate"], sandbox);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Unknown command 'frobnicate'.", result.StandardError);
        Assert.Contains("Usage: TrainingCli", result.StandardError);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task UnknownOption_ExitsTwoNamingIt()
    {
        var result = await TrainingCliProcess.RunAsync(["train", "--epochs", "3"], sandbox);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Unknown option '--epochs' for command 'train'.", result.StandardError);
        Assert.Contains("Usage: TrainingCli [GLOBAL OPTIONS] train", result.StandardError);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task MissingCommand_ExitsTwo()
    {
        var result = await TrainingCliProcess.RunAsync([], sandbox);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Missing command.", result.StandardError);
    }

    [Fact]
    public async Task EndpointWithoutWriteKey_ExitsTwo()
    {
        var result = await TrainingCliProcess.RunAsync(
            ["--endpoint", "http://127.0.0.1:9/", "train"],
            sandbox);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Option --endpoint needs a write key.", result.StandardError);
        Assert.Contains("TRAINING_CLI_TELEMETRY_WRITE_KEY", result.StandardError);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task RepeatedGlobalOption_ExitsTwo()
    {
        var result = await TrainingCliProcess.RunAsync(
            ["--write-key", "K1", "--write-key", "K2", "train"],
            sandbox);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Option --write-key is given more than once.", result.StandardError);
        Assert.Contains("Usage: TrainingCli", result.StandardError);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task HelpWithValue_ExitsTwo()
    {
        var result = await TrainingCliProcess.RunAsync(["--help=yes"], sandbox);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Option --help is a flag and takes no value.", result.StandardError);
        Assert.DoesNotContain("Unknown option", result.StandardError);
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task Help_ListsCommandsAndExitsZero()
    {
        var result = await TrainingCliProcess.RunAsync(["--help"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var command in new[] { "init", "train", "test core", "shell nlu", "run", "data split", "export" })
        {
            Assert.Contains($"\n  {command}", result.StandardOutput);
        }

        Assert.Contains("--write-key KEY", result.StandardOutput);
    }

    [Fact]
    public async Task CommandHelp_ListsItsOptions()
    {
        var result = await TrainingCliProcess.RunAsync(["train", "--help"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("--type TYPE", result.StandardOutput);
        Assert.Contains("--finetune", result.StandardOutput);
        Assert.Contains("--fail", result.StandardOutput);
    }

    [Fact]
    public async Task GroupCommandHelp_ListsSubcommands()
    {
        var result = await TrainingCliProcess.RunAsync(["test", "--help"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\n  test core", result.StandardOutput);
        Assert.Contains("\n  test nlu", result.StandardOutput);
    }
}
