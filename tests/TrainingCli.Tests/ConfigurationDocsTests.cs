using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Telemetry.Generators;
using TrainingCli.Tests.Infrastructure;
using Xunit;

namespace TrainingCli.Tests;

/// <summary>
/// Checks that <c>docs/configuration.md</c> shows the first-run notice exactly as the sample prints it, and lists
/// every public option and consent state of the runtime.
/// </summary>
public sealed class ConfigurationDocsTests : IDisposable
{
    // The config path that the page's notice example shows, replaced by the sandbox's path before comparing.
    private const string ExampleConfigPath = "/home/alice/.config/TrainingCli/telemetry.json";

    private static readonly string Page =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "configuration.md")).ReplaceLineEndings("\n");

    private readonly CliSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task NoticeExample_MatchesSampleOutput()
    {
        var expected = NoticeExample().Replace(ExampleConfigPath, sandbox.ConfigPath, StringComparison.Ordinal);

        var result = await TrainingCliProcess.RunAsync(["data", "validate"], sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        var standardError = result.StandardError.ReplaceLineEndings("\n");
        Assert.Contains("\n" + expected + "\n", standardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(TelemetryOptions))]
    [InlineData(typeof(ConsentOptions))]
    public void OptionsTable_ListsEveryPublicProperty(Type optionsType)
    {
        foreach (var property in optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.Contains($"\n| `{property.Name}` |", Page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PrecedenceTable_NamesEveryConsentState()
    {
        foreach (var state in Enum.GetNames<TelemetryConsentState>())
        {
            Assert.Contains($"`{state}`", Page, StringComparison.Ordinal);
        }
    }

    /// <summary>Returns the text of the code block that follows the page's <c>notice-example</c> marker.</summary>
    private static string NoticeExample()
    {
        const string Marker = "<!-- notice-example -->\n```text\n";
        var start = Page.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/configuration.md has no block after '{Marker.Split('\n')[0]}'.");

        start += Marker.Length;
        var end = Page.IndexOf("```", start, StringComparison.Ordinal);
        return Page[start..end];
    }
}
