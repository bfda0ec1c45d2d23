using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrainingCli.CommandLine;

/// <summary>
/// The options and positional arguments given to one command, with typed accessors that raise
/// <see cref="UsageException"/> for values that do not parse.
/// </summary>
internal sealed class CommandArguments(
    CommandDefinition command,
    IReadOnlyDictionary<string, string?> options,
    IReadOnlyList<string> positionals)
{
    /// <summary>The command these arguments belong to.</summary>
    public CommandDefinition Command { get; } = command;

    /// <summary>Positional arguments in the order given.</summary>
    public IReadOnlyList<string> Positionals { get; } = positionals;

    /// <summary>Returns whether the flag or option was given.</summary>
    public bool Has(string optionName) => options.ContainsKey(optionName);

    /// <summary>Returns the option's value, or <paramref name="defaultValue"/> when the option was not given.</summary>
    public string? GetString(string optionName, string? defaultValue = null) =>
        options.TryGetValue(optionName, out var value) ? value : defaultValue;

    /// <summary>Returns the option's value as an integer of at least <paramref name="minimum"/>.</summary>
    public int GetInt32(string optionName, int defaultValue, int minimum)
    {
        var text = GetString(optionName);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw InvalidValue(optionName, text, $"a whole number of at least {minimum}");
        }

        return value;
    }

    /// <summary>Returns the option's value as a number written with a decimal point, in any culture.</summary>
    public double GetDouble(string optionName, double defaultValue)
    {
        var text = GetString(optionName);
        if (text is null)
        {
            return defaultValue;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ||
            !double.IsFinite(value))
        {
            throw InvalidValue(optionName, text, "a number such as 0.8");
        }

        return value;
    }

    /// <summary>Returns the option's value as a member of <typeparamref name="TEnum"/>.</summary>
    public TEnum GetEnum<TEnum>(string optionName, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        var text = GetString(optionName);
        return text is null ? defaultValue : ParseEnum<TEnum>(text, optionName);
    }

    /// <summary>
    /// Returns the positional argument at <paramref name="index"/> as a member of <typeparamref name="TEnum"/>, or
    /// <paramref name="defaultValue"/> when fewer arguments were given.
    /// </summary>
    public TEnum GetEnumArgument<TEnum>(int index, string argumentName, TEnum defaultValue)
        where TEnum : struct, Enum =>
        index < Positionals.Count ? ParseEnum<TEnum>(Positionals[index], argumentName) : defaultValue;

    /// <summary>Creates the exception for a value that is not what <paramref name="expected"/> describes.</summary>
    public UsageException InvalidValue(string name, string value, string expected) =>
        new($"Invalid value '{value}' for {name}: expected {expected}.", Command);

    private TEnum ParseEnum<TEnum>(string text, string name)
        where TEnum : struct, Enum
    {
        // Member names are single words, so their lower-case spelling is also their snake_case spelling.
        var choices = Enum.GetValues<TEnum>().ToDictionary(member => member.ToString().ToLowerInvariant());
        if (choices.TryGetValue(text.ToLowerInvariant(), out var member))
        {
            return member;
        }

        throw InvalidValue(name, text, "one of " + string.Join(", ", choices.Keys));
    }
}
