using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

/// <summary>
/// Checks the runtime's sources for awaits that would resume on the caller's synchronization context, because a
/// blocking Flush or Dispose on a UI thread would then deadlock.
/// </summary>
public sealed class ConfigureAwaitTests
{
    private static readonly Regex Await = new(@"\bawait\s+(?!using\b|foreach\b)", RegexOptions.Compiled);

    [Fact]
    public void RuntimeAwaits_AllUseConfigureAwaitFalse()
    {
        string runtimeFolder = Path.Combine(FindRepositoryRoot(), "src", "Runtime");
        var missing = new List<string>();
        string[] files = Directory
            .EnumerateFiles(runtimeFolder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .ToArray();
        foreach (string path in files)
        {
            string text = File.ReadAllText(path);
            foreach (Match match in Await.Matches(text))
            {
                // The awaited expression runs to the end of its statement.
                int end = text.IndexOf(';', match.Index);
                string statement = text.Substring(match.Index, end - match.Index);
                if (!statement.Contains("ConfigureAwait(false)", StringComparison.Ordinal))
                {
                    int line = text.Take(match.Index).Count(character => character == '\n') + 1;
                    missing.Add($"{Path.GetRelativePath(runtimeFolder, path)}:{line}");
                }
            }
        }

        Assert.NotEmpty(files);
        Assert.Empty(missing);
    }

    private static string FindRepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Telemetry.Generators.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException(
            $"Telemetry.Generators.sln was not found above {AppContext.BaseDirectory}.");
    }
}
