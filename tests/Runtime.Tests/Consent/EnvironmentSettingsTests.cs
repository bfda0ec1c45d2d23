using System.Collections.Generic;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Consent;

public sealed class EnvironmentSettingsTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("YES", true)]
    [InlineData("on", true)]
    [InlineData("On", true)]
    [InlineData(" true ", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("No", false)]
    [InlineData("off", false)]
    [InlineData("OFF", false)]
    [InlineData("\tfalse\n", false)]
    public void BooleanText_ParsesEverySpelling(string text, bool expected)
    {
        Assert.True(BooleanText.TryParse(text, out bool value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("enabled")]
    [InlineData("y")]
    [InlineData("t")]
    [InlineData("tru")]
    [InlineData("true1")]
    [InlineData("-1")]
    public void BooleanText_RejectsOtherText(string? text)
    {
        Assert.False(BooleanText.TryParse(text, out _));
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData(" True ", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    [InlineData("anything", false)]
    [InlineData("", false)]
    public void DoNotTrack_OnlyOneAndTrueDisable(string value, bool expected)
    {
        EnvironmentSettings settings = Read(new() { ["DO_NOT_TRACK"] = value });

        Assert.Equal(expected, settings.DoNotTrack);
        Assert.Empty(settings.InvalidValues);
    }

    [Fact]
    public void Read_UsesPrefixForNames()
    {
        EnvironmentSettings settings = Read(new());

        Assert.Equal("MY_APP_TELEMETRY_ENABLED", settings.EnabledVariable);
        Assert.Equal("MY_APP_TELEMETRY_DEBUG", settings.DebugVariable);
        Assert.Equal("MY_APP_TELEMETRY_CONFIG", settings.ConfigVariable);
    }

    [Fact]
    public void Read_UnsetVariablesGiveDefaults()
    {
        EnvironmentSettings settings = Read(new());

        Assert.False(settings.DoNotTrack);
        Assert.Null(settings.Enabled);
        Assert.False(settings.Debug);
        Assert.Null(settings.ConfigPath);
        Assert.Empty(settings.InvalidValues);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("OFF", false)]
    public void Enabled_ParsesBoolean(string value, bool expected)
    {
        EnvironmentSettings settings = Read(new() { ["MY_APP_TELEMETRY_ENABLED"] = value });

        Assert.Equal(expected, settings.Enabled);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void BlankBooleans_CountAsUnset(string value)
    {
        EnvironmentSettings settings = Read(new()
        {
            ["MY_APP_TELEMETRY_ENABLED"] = value,
            ["MY_APP_TELEMETRY_DEBUG"] = value,
        });

        Assert.Null(settings.Enabled);
        Assert.False(settings.Debug);
        Assert.Empty(settings.InvalidValues);
    }

    [Fact]
    public void InvalidBooleans_AreListedOnceEach()
    {
        EnvironmentSettings settings = Read(new()
        {
            ["MY_APP_TELEMETRY_ENABLED"] = "maybe",
            ["MY_APP_TELEMETRY_DEBUG"] = "verbose",
        });

        Assert.Null(settings.Enabled);
        Assert.False(settings.Debug);
        Assert.Equal(
            new[]
            {
                new KeyValuePair<string, string>("MY_APP_TELEMETRY_ENABLED", "maybe"),
                new KeyValuePair<string, string>("MY_APP_TELEMETRY_DEBUG", "verbose"),
            },
            settings.InvalidValues);
    }

    [Fact]
    public void Debug_TrueTurnsOn()
    {
        EnvironmentSettings settings = Read(new() { ["MY_APP_TELEMETRY_DEBUG"] = "1" });

        Assert.True(settings.Debug);
    }

    [Theory]
    [InlineData("/tmp/app/telemetry.json", "/tmp/app/telemetry.json")]
    [InlineData("  /tmp/app/telemetry.json  ", "/tmp/app/telemetry.json")]
    [InlineData("", null)]
    [InlineData("  ", null)]
    public void ConfigPath_TrimmedOrUnset(string value, string? expected)
    {
        EnvironmentSettings settings = Read(new() { ["MY_APP_TELEMETRY_CONFIG"] = value });

        Assert.Equal(expected, settings.ConfigPath);
    }

    private static EnvironmentSettings Read(Dictionary<string, string> variables) =>
        EnvironmentSettings.Read("MY_APP", name => variables.TryGetValue(name, out string? value) ? value : null);
}
