namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// The rules an event name must follow to be sent.
/// </summary>
internal static class EventNameRules
{
    /// <summary>The maximum event name length in UTF-16 code units.</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// Returns whether <paramref name="name"/> is non-empty, has no leading or trailing whitespace, no control
    /// characters, and at most <see cref="MaxLength"/> characters.
    /// </summary>
    public static bool IsValid(string? name)
    {
        if (name is null || name.Length == 0 || name.Length > MaxLength)
        {
            return false;
        }

        if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[name.Length - 1]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
