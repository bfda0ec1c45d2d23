using System;
using System.Linq;
using TrainingCli.CommandLine;
using TrainingCli.Commands;
using Xunit;

namespace TrainingCli.Tests;

/// <summary>Builds the usage text in process for the commands that <c>--help</c> selects.</summary>
public sealed class HelpTextTests
{
    [Theory]
    [InlineData("test", new[] { "test core", "test nlu" })]
    [InlineData("shell", new[] { "shell nlu" })]
    public void CommandHelp_ListsSubcommands(string commandName, string[] subcommandNames)
    {
        var parsed = CommandLineParser.Parse([commandName, "--help"], CommandCatalog.All);
        var text = HelpText.ForCommand(parsed.Command!);

        Assert.Contains("\nSubcommands:", text);
        foreach (var name in subcommandNames)
        {
            var subcommand = CommandCatalog.All.Single(command => command.Name == name);
            AssertListsCommand(text, subcommand);
        }

        Assert.Contains($"Run 'TrainingCli {commandName} SUBCOMMAND --help'", text);
    }

    [Fact]
    public void CommandHelp_WithoutSubcommands_HasNoSection()
    {
        var text = HelpText.ForCommand(TrainCommand.Definition);

        Assert.DoesNotContain("Subcommands:", text);
        Assert.DoesNotContain("SUBCOMMAND", text);
    }

    [Fact]
    public void DataHelp_ListsDataSubcommands()
    {
        // 'data' is only a group, so 'data --help' selects the general help, which lists every command.
        var parsed = CommandLineParser.Parse(["data", "--help"], CommandCatalog.All);
        Assert.Null(parsed.Command);

        var text = HelpText.General(CommandCatalog.All);

        foreach (var name in new[] { "data split", "data validate", "data convert" })
        {
            AssertListsCommand(text, CommandCatalog.All.Single(command => command.Name == name));
        }
    }

    [Fact]
    public void Subcommands_MatchCatalog()
    {
        foreach (var command in CommandCatalog.All)
        {
            var expected = CommandCatalog.All
                .Where(candidate => candidate.Words.Count == command.Words.Count + 1
                    && candidate.Name.StartsWith(command.Name + " ", StringComparison.Ordinal))
                .Select(candidate => candidate.Name);

            Assert.Equal(expected, command.Subcommands.Select(subcommand => subcommand.Name));
        }
    }

    [Fact]
    public void Help_DocumentsValueAfterEquals()
    {
        var general = HelpText.General(CommandCatalog.All);
        var command = HelpText.ForCommand(TrainCommand.Definition);

        Assert.Contains("--write-key=KEY", general);
        Assert.Contains("--write-key=KEY", command);
    }

    /// <summary>
    /// Asserts that a row of <paramref name="text"/> starts with the command's syntax and shows the start of its
    /// summary. The first 40 characters never wrap because the description column is 80 characters wide.
    /// </summary>
    private static void AssertListsCommand(string text, CommandDefinition command)
    {
        var rowStart = $"  {command.Syntax} ";
        var row = text.Split('\n').FirstOrDefault(line => line.StartsWith(rowStart, StringComparison.Ordinal));

        Assert.True(row is not null, $"No row for '{command.Syntax}' in:\n{text}");
        Assert.Contains(command.Summary[..Math.Min(40, command.Summary.Length)], row);
    }
}
