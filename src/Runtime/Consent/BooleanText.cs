using System;

namespace Telemetry.Generators;

/// <summary>
/// Parses the Boolean spellings that the telemetry environment variables and the config file accept.
/// </summary>
internal static class BooleanText
{
    /// <summary>The accepted spellings, for messages.</summary>
    internal const string AcceptedValues = "true, false, 1, 0, yes, no, on or off";

    /// <summary>
    /// Parses <c>true</c>, <c>1</c>, <c>yes</c> and <c>on</c> as <see langword="true"/>, and <c>false</c>,
    /// <c>0</c>, <c>no</c> and <c>off</c> as <see langword="false"/>, ignoring case and surrounding white space.
    /// </summary>
    /// <returns><see langword="false"/> for any other text, including null and empty text.</returns>
    internal static bool TryParse(string? text, out bool value)
    {
        value = false;
        if (text is null)
        {
            return false;
        }

        string trimmed = text.Trim();
        if (EqualsIgnoreCase(trimmed, "true") || trimmed == "1" || EqualsIgnoreCase(trimmed, "yes")
            || EqualsIgnoreCase(trimmed, "on"))
        {
            value = true;
            return true;
        }

        return EqualsIgnoreCase(trimmed, "false") || trimmed == "0" || EqualsIgnoreCase(trimmed, "no")
            || EqualsIgnoreCase(trimmed, "off");
    }

    private static bool EqualsIgnoreCase(string left, string right) =>
        string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
}
