using System;
using System.Linq;
using TrainingCli.CommandLine;
using TrainingCli.Commands;
using TrainingCli.Tests.Infrastructure;
using Xunit;

namespace TrainingCli.Tests;

/// <summary>
/// Calls the sample's command-line parser, and commands with invalid option values, in process. A command that
/// got past its checks would send through <c>TelemetryClient.Default</c>, hence the collection.
/// </summary>
[Collection(DefaultClientCollection.Name)]
public sealed class CommandLineParserTests(DisabledDefaultClient disabledDefault)
{
    [Fact]
    public void Parse_GlobalOptionsBeforeCommand()
    {
        var parsed = Parse("--write-key", "abc123", "--endpoint", "http://127.0.0.1:8080/", "train");

        Assert.Equal("train", parsed.Command?.Name);
        Assert.Equal("abc123", parsed.Global.WriteKey);
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), parsed.Global.Endpoint);
    }

    [Fact]
    public void Parse_GlobalOptionsAfterCommandWithEquals()
    {
        var parsed = Parse("train", "--type=nlu", "--write-key=abc123");

        Assert.Equal("abc123", parsed.Global.WriteKey);
        Assert.Equal(TrainingType.Nlu, parsed.Arguments!.GetEnum("--type", TrainingType.Rasa));
    }

    [Fact]
    public void Parse_GlobalValuesAfterEquals()
    {
        // Only the '=' form can pass a value that starts with '-', which the next-argument form reads as an option.
        var parsed = Parse("--write-key=-k=1", "--endpoint=http://127.0.0.1:8080/?a=b", "train");

        Assert.Equal("-k=1", parsed.Global.WriteKey);
        Assert.Equal(new Uri("http://127.0.0.1:8080/?a=b"), parsed.Global.Endpoint);
        Assert.Equal("train", parsed.Command?.Name);
    }

    [Theory]
    [MemberData(nameof(CommandOptionsWithValue))]
    public void Parse_OptionValueAfterEquals(string commandName, string optionName)
    {
        var withEquals = Parse([.. Split(commandName), $"{optionName}=a=b"]);
        var withSpace = Parse([.. Split(commandName), optionName, "a=b"]);

        Assert.Equal("a=b", withEquals.Arguments!.GetString(optionName));
        Assert.Equal("a=b", withSpace.Arguments!.GetString(optionName));
    }

    [Theory]
    [MemberData(nameof(Flags))]
    public void Parse_FlagWithValue_RaisesUsageError(string commandName, string flagName)
    {
        var exception = Assert.Throws<UsageException>(() => Parse([.. Split(commandName), $"{flagName}=yes"]));

        Assert.Equal($"Option {flagName} is a flag and takes no value.", exception.Message);
    }

    [Fact]
    public void Parse_PrefersSubcommand()
    {
        Assert.Equal("test core", Parse("test", "core").Command?.Name);
        Assert.Equal("test", Parse("test", "--e2e").Command?.Name);
        Assert.Equal("data split", Parse("data", "split", "nlg").Command?.Name);
    }

    [Fact]
    public void Parse_HelpWithoutCommand()
    {
        var parsed = Parse("-h");

        Assert.True(parsed.Global.HelpRequested);
        Assert.Null(parsed.Command);
    }

    [Fact]
    public void Parse_HelpForCommandGroup()
    {
        var parsed = Parse("data", "--help");

        Assert.True(parsed.HelpRequested);
        Assert.Null(parsed.Command);
    }

    [Fact]
    public void Parse_HelpForUnknownCommand_RaisesUsageError()
    {
        var exception = Assert.Throws<UsageException>(() => Parse("frobnicate", "--help"));

        Assert.Equal("Unknown command 'frobnicate'.", exception.Message);
    }

    [Fact]
    public void Parse_HelpIgnoresCommandOptions()
    {
        var parsed = Parse("train", "--no-such-option", "--help");

        Assert.True(parsed.Global.HelpRequested);
        Assert.Equal("train", parsed.Command?.Name);
    }

    [Fact]
    public void Parse_PositionalArguments()
    {
        var parsed = Parse("run", "socketio", "rest", "--workers", "2");

        Assert.Equal(["socketio", "rest"], parsed.Arguments!.Positionals);
        Assert.Equal(2, parsed.Arguments.GetInt32("--workers", defaultValue: 1, minimum: 1));
    }

    [Theory]
    [InlineData("frobnicate", "Unknown command 'frobnicate'.")]
    [InlineData("data", "Missing subcommand for 'data': expected one of split, validate, convert.")]
    [InlineData(
        "data shuffle",
        "Unknown command 'data shuffle'. The subcommands of 'data' are split, validate, convert.")]
    [InlineData("train --epochs 3", "Unknown option '--epochs' for command 'train'.")]
    [InlineData("--verbose train", "Unknown option '--verbose'.")]
    [InlineData("--fraction 0.5 data split", "Option --fraction must follow the command it belongs to.")]
    [InlineData("train --type", "Missing value for option --type: expected --type TYPE.")]
    [InlineData("train --fail --fail", "Option --fail is given more than once.")]
    [InlineData("train --fail=yes", "Option --fail is a flag and takes no value.")]
    [InlineData("--help=yes", "Option --help is a flag and takes no value.")]
    [InlineData("-h= train", "Option -h is a flag and takes no value.")]
    [InlineData("--write-key K1 --write-key K2 train", "Option --write-key is given more than once.")]
    [InlineData("--write-key K1 --write-key K1 train", "Option --write-key is given more than once.")]
    [InlineData("train --write-key=K1 --help --write-key K2", "Option --write-key is given more than once.")]
    [InlineData(
        "--endpoint http://127.0.0.1:1/ train --endpoint=http://127.0.0.1:2/",
        "Option --endpoint is given more than once.")]
    [InlineData("--help train --help", "Option --help is given more than once.")]
    [InlineData("-h train -h", "Option -h is given more than once.")]
    [InlineData("-h train --help", "Option --help is given more than once.")]
    [InlineData("train nlu", "Unexpected argument 'nlu' for command 'train'.")]
    [InlineData("--write-key", "Missing value for option --write-key: expected --write-key KEY.")]
    [InlineData(
        "--endpoint ftp://example.test/ train",
        "Invalid value 'ftp://example.test/' for --endpoint: expected an absolute http or https URL.")]
    [InlineData(
        "--endpoint http://collector.example.test/ train",
        "Invalid value 'http://collector.example.test/' for --endpoint: plain http is accepted only for a loopback "
            + "host such as http://127.0.0.1:5000/. Use https.")]
    [InlineData(
        "--endpoint http://user:secret@127.0.0.1:1/ train",
        "Invalid value for --endpoint: the URL contains a user name or password. Remove it. The write key is sent "
            + "in the Authorization header.")]
    [InlineData("", "Missing command.")]
    public void Parse_InvalidCommandLine_RaisesUsageError(string commandLine, string expectedMessage)
    {
        var exception = Assert.Throws<UsageException>(() => Parse(Split(commandLine)));

        Assert.Equal(expectedMessage, exception.Message);
    }

    [Theory]
    [InlineData("train --type both", "Invalid value 'both' for --type: expected one of rasa, core, nlu.")]
    [InlineData("run --workers 0", "Invalid value '0' for --workers: expected a whole number of at least 1.")]
    [InlineData("run --workers four", "Invalid value 'four' for --workers: expected a whole number of at least 1.")]
    [InlineData(
        "data split --fraction 1.5",
        "Invalid value '1.5' for --fraction: expected a number greater than 0 and less than 1.")]
    [InlineData(
        "data split --fraction -0.5",
        "Invalid value '-0.5' for --fraction: expected a number greater than 0 and less than 1.")]
    [InlineData("data split --fraction 0,8", "Invalid value '0,8' for --fraction: expected a number such as 0.8.")]
    [InlineData("data convert xml", "Invalid value 'xml' for the data type: expected one of nlu, core, nlg.")]
    [InlineData(
        "run irc",
        "Invalid value 'irc' for CHANNEL: expected one of rest, socketio, callback, slack, telegram.")]
    [InlineData(
        "export --conversation-ids nobody",
        "Invalid value 'nobody' for --conversation-ids: expected ids from "
            + "conversation-1, conversation-2, conversation-3, conversation-4.")]
    public void Run_InvalidOptionValue_RaisesUsageError(string commandLine, string expectedMessage)
    {
        var parsed = Parse(Split(commandLine));
        var context = new CommandContext(
            System.IO.TextReader.Null,
            System.IO.TextWriter.Null,
            System.IO.Path.GetTempPath(),
            TimeProvider.System,
            disabledDefault.Client);

        var exception = Assert.Throws<UsageException>(() => parsed.Command!.Run(context, parsed.Arguments!));

        Assert.Equal(expectedMessage, exception.Message);
        Assert.Same(parsed.Command, exception.Command);
    }

    /// <summary>Every command option that takes a value, with its command.</summary>
    public static TheoryData<string, string> CommandOptionsWithValue()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in CommandCatalog.All)
        {
            foreach (var option in command.Options.Where(option => option.TakesValue))
            {
                data.Add(command.Name, option.Name);
            }
        }

        return data;
    }

    /// <summary>Every command flag with its command, and the global flags after a command.</summary>
    public static TheoryData<string, string> Flags()
    {
        var data = new TheoryData<string, string>
        {
            { "train", GlobalOptions.HelpOption },
            { "train", GlobalOptions.ShortHelpOption },
        };
        foreach (var command in CommandCatalog.All)
        {
            foreach (var option in command.Options.Where(option => !option.TakesValue))
            {
                data.Add(command.Name, option.Name);
            }
        }

        return data;
    }

    private static ParsedCommandLine Parse(params string[] args) => CommandLineParser.Parse(args, CommandCatalog.All);

    private static string[] Split(string commandLine) =>
        commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
