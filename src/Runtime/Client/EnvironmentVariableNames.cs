using System.Text;

namespace Telemetry.Generators;

/// <summary>
/// Builds environment variable names from application names.
/// </summary>
internal static class EnvironmentVariableNames
{
    internal const string WriteKeySuffix = "_TELEMETRY_WRITE_KEY";

    /// <summary>
    /// Converts a name to upper snake case: <c>TrainingCli</c> becomes <c>TRAINING_CLI</c> and <c>HTTPServer</c>
    /// becomes <c>HTTP_SERVER</c>.
    /// </summary>
    /// <remarks>
    /// Every character other than an ASCII letter or digit becomes <c>_</c>, so the result is a portable variable
    /// name. Letters are upper-cased without culture rules, so <c>i</c> becomes <c>I</c> under a Turkish culture too.
    /// </remarks>
    internal static string ToUpperSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char current = name[i];
            if (!IsAsciiLetterOrDigit(current))
            {
                builder.Append('_');
                continue;
            }

            if (i > 0 && IsAsciiUpper(current) && StartsWord(name, i))
            {
                builder.Append('_');
            }

            builder.Append(IsAsciiLower(current) ? (char)(current - 'a' + 'A') : current);
        }

        return builder.ToString();
    }

    // An upper-case letter starts a word after a lower-case letter or digit ("trainingCli", "net8App"), or when it
    // is the last capital of an acronym followed by a lower-case letter ("HTTPServer").
    private static bool StartsWord(string name, int index)
    {
        char previous = name[index - 1];
        if (IsAsciiLower(previous) || IsAsciiDigit(previous))
        {
            return true;
        }

        return IsAsciiUpper(previous) && index + 1 < name.Length && IsAsciiLower(name[index + 1]);
    }

    private static bool IsAsciiLetterOrDigit(char c) => IsAsciiUpper(c) || IsAsciiLower(c) || IsAsciiDigit(c);

    private static bool IsAsciiUpper(char c) => c >= 'A' && c <= 'Z';

    private static bool IsAsciiLower(char c) => c >= 'a' && c <= 'z';

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';
}
