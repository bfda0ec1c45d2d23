using System;
using Xunit.Sdk;

namespace Telemetry.Generators.CodeFixes.Tests.Infrastructure;

/// <summary>Compares source texts exactly and reports the first line that differs.</summary>
internal static class TextComparison
{
    /// <exception cref="XunitException">
    /// The texts differ. The message shows the first line that differs and both texts.
    /// </exception>
    public static void AssertEqual(string expected, string actual, string path)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var expectedLine = line < expectedLines.Length ? expectedLines[line] : "(end of text)";
        var actualLine = line < actualLines.Length ? actualLines[line] : "(end of text)";
        throw new XunitException(
            $"{path} differs from the expected text at line {line + 1}.\n"
            + $"Expected: {Visible(expectedLine)}\n"
            + $"Actual:   {Visible(actualLine)}\n"
            + $"--- Expected text ---\n{expected}\n--- Actual text ---\n{actual}");
    }

    private static string Visible(string line) => line.Replace("\r", "\\r").Replace("\t", "\\t") + "¶";
}
