namespace TrainingCli.CommandLine;

/// <summary>
/// A command-line option such as <c>--workers N</c>. An option without a <see cref="ValueName"/> is a flag.
/// </summary>
internal sealed record OptionDefinition(string Name, string? ValueName, string Description)
{
    /// <summary>Whether the option is followed by a value, as in <c>--workers 4</c> or <c>--workers=4</c>.</summary>
    public bool TakesValue => ValueName is not null;

    /// <summary>The option as the usage text shows it, for example <c>--workers N</c>.</summary>
    public string Syntax => TakesValue ? $"{Name} {ValueName}" : Name;

    /// <summary>Creates a flag, an option that takes no value.</summary>
    public static OptionDefinition Flag(string name, string description) => new(name, null, description);

    /// <summary>Creates an option that takes a value shown as <paramref name="valueName"/> in the usage text.</summary>
    public static OptionDefinition WithValue(string name, string valueName, string description) =>
        new(name, valueName, description);
}
