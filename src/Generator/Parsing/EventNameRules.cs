using System.Globalization;

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
    public static bool IsValid(string? name) => FindProblem(name) is null;

    /// <summary>
    /// Explains why <paramref name="name"/> cannot be sent, as a clause for a diagnostic message such as
    /// <c>it is empty</c>, or returns null when the name is valid.
    /// </summary>
    public static string? FindProblem(string? name)
    {
        if (name is null)
        {
            return "it is missing";
        }

        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (name.Trim().Length == 0)
        {
            return "it contains only whitespace";
        }

        if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[name.Length - 1]))
        {
            return "it starts or ends with whitespace";
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return "it contains the control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            }
        }

        if (name.Length > MaxLength)
        {
            var length = name.Length.ToString(CultureInfo.InvariantCulture);
            return "it is " + length + " characters long, and the maximum is "
                + MaxLength.ToString(CultureInfo.InvariantCulture);
        }

        return null;
    }
}
