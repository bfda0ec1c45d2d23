using System;
using System.Collections.Generic;
using System.Linq;

namespace TrainingCli.CommandLine;

/// <summary>
/// Parses <c>[GLOBAL OPTIONS] COMMAND [SUBCOMMAND] [OPTIONS] [ARGUMENTS]</c>. Options take their value as the next
/// argument or after <c>=</c>, and global options may appear anywhere. A flag given a value after <c>=</c> and an
/// option given twice are usage errors, for global and command options alike.
/// </summary>
internal static class CommandLineParser
{
    /// <summary>Parses <paramref name="args"/> against <paramref name="commands"/>.</summary>
    /// <exception cref="UsageException">The command line is invalid.</exception>
    public static ParsedCommandLine Parse(IReadOnlyList<string> args, IReadOnlyList<CommandDefinition> commands)
    {
        var (global, remaining) = ParseGlobalOptions(args);

        if (remaining.Count == 0)
        {
            return global.HelpRequested
                ? new ParsedCommandLine(global, null, null)
                : throw new UsageException("Missing command.");
        }

        var command = FindCommand(remaining, commands, global.HelpRequested);
        if (global.HelpRequested || command is null)
        {
            return new ParsedCommandLine(global, command, null);
        }

        var arguments = ParseCommandArguments(command, remaining.Skip(command.Words.Count).ToList());
        return new ParsedCommandLine(global, command, arguments);
    }

    private static (GlobalOptions Global, List<string> Remaining) ParseGlobalOptions(IReadOnlyList<string> args)
    {
        string? writeKey = null;
        Uri? endpoint = null;
        var help = false;
        var givenOptions = new HashSet<string>(StringComparer.Ordinal);
        var remaining = new List<string>();

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitOption(args[i]);
            if (!IsGlobalOption(name))
            {
                remaining.Add(args[i]);
                continue;
            }

            // -h and --help are one option, so "-h --help" is a repeat too.
            var canonicalName = name == GlobalOptions.ShortHelpOption ? GlobalOptions.HelpOption : name;
            if (!givenOptions.Add(canonicalName))
            {
                throw new UsageException($"Option {name} is given more than once.");
            }

            switch (canonicalName)
            {
                case GlobalOptions.HelpOption:
                    if (inlineValue is not null)
                    {
                        throw new UsageException($"Option {name} is a flag and takes no value.");
                    }

                    help = true;
                    break;

                case GlobalOptions.WriteKeyOption:
                    writeKey = TakeValue(args, ref i, name, inlineValue, "KEY", command: null);
                    if (writeKey.Length == 0)
                    {
                        throw new UsageException($"Invalid value '' for {name}: expected a non-empty write key.");
                    }

                    break;

                case GlobalOptions.EndpointOption:
                    endpoint = ParseEndpoint(TakeValue(args, ref i, name, inlineValue, "URL", command: null));
                    break;
            }
        }

        return (new GlobalOptions(writeKey, endpoint, help), remaining);
    }

    private static bool IsGlobalOption(string name) =>
        name is GlobalOptions.WriteKeyOption
            or GlobalOptions.EndpointOption
            or GlobalOptions.HelpOption
            or GlobalOptions.ShortHelpOption;

    private static Uri ParseEndpoint(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new UsageException(
                $"Invalid value '{text}' for {GlobalOptions.EndpointOption}: expected an absolute http or https URL.");
        }

        // The message leaves the value out, because it would repeat the password on the terminal.
        if (uri.UserInfo.Length != 0)
        {
            throw new UsageException(
                $"Invalid value for {GlobalOptions.EndpointOption}: the URL contains a user name or password. "
                + "Remove it. The write key is sent in the Authorization header.");
        }

        // The write key must not cross the network unencrypted, so plain http is only for a local collector.
        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            throw new UsageException(
                $"Invalid value '{text}' for {GlobalOptions.EndpointOption}: plain http is accepted only for a "
                + "loopback host such as http://127.0.0.1:5000/. Use https.");
        }

        return uri;
    }

    /// <summary>
    /// Finds the command whose words start <paramref name="tokens"/>, preferring the longest match. Returns null
    /// when help is requested for a command group such as <c>data</c>, so that the general help lists its
    /// subcommands.
    /// </summary>
    private static CommandDefinition? FindCommand(
        List<string> tokens,
        IReadOnlyList<CommandDefinition> commands,
        bool helpRequested)
    {
        var first = tokens[0];
        if (IsOption(first))
        {
            var (name, _) = SplitOption(first);
            var belongsToCommand = commands.Any(command => command.Options.Any(option => option.Name == name));
            throw new UsageException(
                belongsToCommand
                    ? $"Option {name} must follow the command it belongs to."
                    : $"Unknown option '{name}'.");
        }

        var candidates = commands.Where(command => command.Words[0] == first).ToList();
        if (candidates.Count == 0)
        {
            throw new UsageException($"Unknown command '{first}'.");
        }

        var second = tokens.Count > 1 && !IsOption(tokens[1]) ? tokens[1] : null;
        var subcommand = candidates.FirstOrDefault(command => command.Words.Count == 2 && command.Words[1] == second);
        var topLevel = candidates.FirstOrDefault(command => command.Words.Count == 1);
        if (subcommand is not null)
        {
            return subcommand;
        }

        if (topLevel is not null)
        {
            return topLevel;
        }

        if (helpRequested)
        {
            return null;
        }

        var subcommandNames = string.Join(", ", candidates.Select(command => command.Words[1]));
        return second is null
            ? throw new UsageException($"Missing subcommand for '{first}': expected one of {subcommandNames}.")
            : throw new UsageException(
                $"Unknown command '{first} {second}'. The subcommands of '{first}' are {subcommandNames}.");
    }

    private static CommandArguments ParseCommandArguments(CommandDefinition command, List<string> tokens)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var positionals = new List<string>();

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsOption(tokens[i]))
            {
                if (positionals.Count == command.MaxArguments)
                {
                    throw new UsageException(
                        $"Unexpected argument '{tokens[i]}' for command '{command.Name}'.", command);
                }

                positionals.Add(tokens[i]);
                continue;
            }

            var (name, inlineValue) = SplitOption(tokens[i]);
            var definition = command.Options.FirstOrDefault(option => option.Name == name)
                ?? throw new UsageException($"Unknown option '{name}' for command '{command.Name}'.", command);

            if (options.ContainsKey(name))
            {
                throw new UsageException($"Option {name} is given more than once.", command);
            }

            if (!definition.TakesValue && inlineValue is not null)
            {
                throw new UsageException($"Option {name} is a flag and takes no value.", command);
            }

            options[name] = definition.TakesValue
                ? TakeValue(tokens, ref i, name, inlineValue, definition.ValueName!, command)
                : null;
        }

        return new CommandArguments(command, options, positionals);
    }

    /// <summary>
    /// Returns the value of the option at <paramref name="index"/>: the text after <c>=</c>, or else the next
    /// argument, in which case <paramref name="index"/> moves past it.
    /// </summary>
    private static string TakeValue(
        IReadOnlyList<string> tokens,
        ref int index,
        string name,
        string? inlineValue,
        string valueName,
        CommandDefinition? command)
    {
        if (inlineValue is not null)
        {
            return inlineValue;
        }

        if (index + 1 >= tokens.Count || IsOption(tokens[index + 1]))
        {
            throw new UsageException($"Missing value for option {name}: expected {name} {valueName}.", command);
        }

        index++;
        return tokens[index];
    }

    private static (string Name, string? InlineValue) SplitOption(string token)
    {
        var separator = token.IndexOf('=', StringComparison.Ordinal);
        return IsOption(token) && separator > 0 ? (token[..separator], token[(separator + 1)..]) : (token, null);
    }

    private static bool IsOption(string token) => token.Length > 1 && token[0] == '-' && !IsNegativeNumber(token);

    private static bool IsNegativeNumber(string token) => token.Length > 1 && char.IsAsciiDigit(token[1]);
}
