using System;
using System.Text;

namespace Telemetry.Generators;

/// <summary>
/// Reads remote URLs from the text of a git configuration file, following the syntax of
/// <c>git-config(1)</c>.
/// </summary>
/// <remarks>
/// Section names and keys compare without case, and subsection names with case. Values may be quoted, contain the
/// escapes <c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\t</c> and <c>\b</c>, end in a <c>#</c> or <c>;</c> comment, and
/// continue on the next line after a final backslash. The parser does not follow <c>include</c> and
/// <c>includeIf</c> sections and does not apply <c>url.*.insteadOf</c> rewrites, so it returns the URL as written.
/// </remarks>
internal static class GitConfigParser
{
    /// <summary>
    /// Returns the first <c>url</c> of the section <c>[remote "<paramref name="remoteName"/>"]</c>, the URL that
    /// <c>git remote get-url</c> prints, or null when the remote or its URL is missing or the URL is empty or
    /// invalid.
    /// </summary>
    internal static string? FindRemoteUrl(string configText, string remoteName)
    {
        string[] lines = configText.Split('\n');
        bool inRemote = false;
        int index = 0;
        while (index < lines.Length)
        {
            string line = TrimCarriageReturn(lines[index]);
            index++;
            int position = SkipWhiteSpace(line, 0);
            if (position < line.Length && line[position] == '[')
            {
                int end = ParseSectionHeader(line, position, out string section, out string? subsection);
                if (end < 0)
                {
                    inRemote = false;
                    continue;
                }

                inRemote = string.Equals(section, "remote", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(subsection, remoteName, StringComparison.Ordinal);

                // A key may follow the header on the same line.
                position = SkipWhiteSpace(line, end);
            }

            if (position == line.Length || IsCommentStart(line[position]))
            {
                continue;
            }

            int keyEnd = position;
            while (keyEnd < line.Length && IsKeyCharacter(line[keyEnd]))
            {
                keyEnd++;
            }

            string key = line.Substring(position, keyEnd - position);
            int equals = SkipWhiteSpace(line, keyEnd);
            if (equals == line.Length || line[equals] != '=')
            {
                // A key without a value is a Boolean true, and anything else on the line is invalid.
                continue;
            }

            // Every value is parsed, so that a continued value is never read as a key or a section header.
            string? value = ParseValue(lines, line, equals + 1, ref index);
            if (inRemote && string.Equals(key, "url", StringComparison.OrdinalIgnoreCase))
            {
                return string.IsNullOrEmpty(value) ? null : value;
            }
        }

        return null;
    }

    /// <summary>
    /// Parses <c>[section]</c>, <c>[section "subsection"]</c> or the older <c>[section.subsection]</c>, whose
    /// subsection git compares in lower case. Returns the position after <c>]</c>, or -1 when the header is invalid.
    /// </summary>
    private static int ParseSectionHeader(string line, int start, out string section, out string? subsection)
    {
        section = string.Empty;
        subsection = null;
        int position = start + 1;
        int nameStart = position;
        while (position < line.Length && (IsKeyCharacter(line[position]) || line[position] == '.'))
        {
            position++;
        }

        string name = line.Substring(nameStart, position - nameStart);
        if (position < line.Length && line[position] == ']')
        {
            int dot = name.IndexOf('.');
            section = dot < 0 ? name : name.Substring(0, dot);
            subsection = dot < 0 ? null : name.Substring(dot + 1).ToLowerInvariant();
            return position + 1;
        }

        position = SkipWhiteSpace(line, position);
        if (position == line.Length || line[position] != '"')
        {
            return -1;
        }

        var quoted = new StringBuilder();
        position++;
        while (position < line.Length && line[position] != '"')
        {
            // In a subsection name a backslash keeps the next character as it is.
            if (line[position] == '\\')
            {
                position++;
                if (position == line.Length)
                {
                    return -1;
                }
            }

            quoted.Append(line[position]);
            position++;
        }

        if (position + 1 >= line.Length || line[position + 1] != ']')
        {
            return -1;
        }

        section = name;
        subsection = quoted.ToString();
        return position + 2;
    }

    /// <summary>
    /// Parses a value that starts at <paramref name="start"/> in <paramref name="line"/>, moving
    /// <paramref name="nextLine"/> past the lines that continue it. Returns null when the value has an unknown escape
    /// or an unclosed quote, which git rejects.
    /// </summary>
    private static string? ParseValue(string[] lines, string line, int start, ref int nextLine)
    {
        var value = new StringBuilder();
        bool inQuotes = false;

        // White space outside quotes is kept between words and dropped at the start and end of the value.
        int pendingSpaces = 0;
        int position = start;
        while (true)
        {
            if (position == line.Length)
            {
                return inQuotes ? null : value.ToString();
            }

            char c = line[position];
            position++;
            if (!inQuotes && (c == ' ' || c == '\t'))
            {
                pendingSpaces += value.Length > 0 ? 1 : 0;
                continue;
            }

            if (!inQuotes && IsCommentStart(c))
            {
                return value.ToString();
            }

            value.Append(' ', pendingSpaces);
            pendingSpaces = 0;
            if (c == '"')
            {
                inQuotes = !inQuotes;
                continue;
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (position == line.Length)
            {
                // A final backslash continues the value on the next line.
                if (nextLine == lines.Length)
                {
                    return inQuotes ? null : value.ToString();
                }

                line = TrimCarriageReturn(lines[nextLine]);
                nextLine++;
                position = 0;
                continue;
            }

            char escaped = line[position];
            position++;
            switch (escaped)
            {
                case 'n':
                    value.Append('\n');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'b':
                    value.Append('\b');
                    break;
                case '"':
                case '\\':
                    value.Append(escaped);
                    break;
                default:
                    return null;
            }
        }
    }

    private static string TrimCarriageReturn(string line) =>
        line.Length > 0 && line[line.Length - 1] == '\r' ? line.Substring(0, line.Length - 1) : line;

    private static int SkipWhiteSpace(string line, int position)
    {
        while (position < line.Length && (line[position] == ' ' || line[position] == '\t'))
        {
            position++;
        }

        return position;
    }

    private static bool IsCommentStart(char c) => c == '#' || c == ';';

    private static bool IsKeyCharacter(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}
