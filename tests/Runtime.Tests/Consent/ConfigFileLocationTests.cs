using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Consent;

public sealed class ConfigFileLocationTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "location-tests"));

    [Fact]
    public void ConfiguredPath_WinsOverEnvironment()
    {
        string configured = Path.Combine(Root, "configured.json");

        string? path = Resolve(configured, Path.Combine(Root, "environment.json"), new());

        Assert.Equal(configured, path);
    }

    [Fact]
    public void EnvironmentPath_WinsOverDefault()
    {
        string fromEnvironment = Path.Combine(Root, "environment.json");

        string? path = Resolve(null, fromEnvironment, new() { ["HOME"] = Root, ["XDG_CONFIG_HOME"] = Root });

        Assert.Equal(fromEnvironment, path);
    }

    [Fact]
    public void RelativePath_ResolvesAgainstCurrentDirectory()
    {
        string? path = Resolve(Path.Combine("settings", "telemetry.json"), null, new());

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "settings", "telemetry.json"), path);
    }

    [Fact]
    public void Default_UsesXdgConfigHome()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string? path = Resolve(null, null, new() { ["XDG_CONFIG_HOME"] = Root, ["HOME"] = "/home/other" });

        Assert.Equal(Path.Combine(Root, "MyApp", "telemetry.json"), path);
    }

    [Fact]
    public void Default_IgnoresRelativeXdgConfigHome()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string? path = Resolve(null, null, new() { ["XDG_CONFIG_HOME"] = "relative/config", ["HOME"] = Root });

        Assert.Equal(Path.Combine(Root, ".config", "MyApp", "telemetry.json"), path);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Default_FallsBackToHome(string? configHome)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var variables = new Dictionary<string, string?> { ["HOME"] = Root, ["XDG_CONFIG_HOME"] = configHome };

        Assert.Equal(Path.Combine(Root, ".config", "MyApp", "telemetry.json"), Resolve(null, null, variables));
    }

    [Fact]
    public void Default_WithoutHomeHasNoPath()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string? path = ConfigFileLocation.Resolve(null, null, "MyApp", _ => null, out string? problem);

        Assert.Null(path);
        Assert.Equal("neither XDG_CONFIG_HOME nor HOME is set", problem);
    }

    [Fact]
    public void Default_UsesAppDataOnWindows()
    {
        if (!OperatingSystem.IsWindows())
        {
            return;
        }

        string? path = Resolve(null, null, new() { ["APPDATA"] = Root });

        Assert.Equal(Path.Combine(Root, "MyApp", "telemetry.json"), path);
    }

    [Theory]
    [InlineData("TrainingCli", "TrainingCli")]
    [InlineData("My App", "My App")]
    [InlineData("a/b", "a_b")]
    [InlineData("a\\b", "a_b")]
    [InlineData("..", "_")]
    [InlineData(".", "_")]
    [InlineData("  ", "_")]
    [InlineData("nul\0char", "nul_char")]
    public void ToFolderName_KeepsOneFolder(string appName, string expected)
    {
        Assert.Equal(expected, ConfigFileLocation.ToFolderName(appName));
    }

    private static string? Resolve(string? configured, string? fromEnvironment, Dictionary<string, string?> variables)
    {
        string? path = ConfigFileLocation.Resolve(
            configured,
            fromEnvironment,
            "MyApp",
            name => variables.TryGetValue(name, out string? value) ? value : null,
            out string? problem);
        Assert.Null(problem);
        return path;
    }
}
