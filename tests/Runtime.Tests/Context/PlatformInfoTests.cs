using System;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Context;

public sealed class PlatformInfoTests
{
    [Theory]
    [InlineData(".NET 8.0.11", ".NET", "8.0.11")]
    [InlineData(".NET 9.0.0-rc.1.24431.7", ".NET", "9.0.0-rc.1.24431.7")]
    [InlineData(".NET Core 3.1.32", ".NET Core", "3.1.32")]
    [InlineData(".NET Framework 4.8.9032.0", ".NET Framework", "4.8.9032.0")]
    [InlineData("Mono 6.12.0.182 (2020-02/6051b710799 Tue Jun 14 15:01:21 EDT 2022)", "Mono", "6.12.0.182")]
    public void ParseFrameworkDescription_SplitsNameAndVersion(string description, string name, string version)
    {
        (string Name, string Version)? parsed = PlatformInfo.ParseFrameworkDescription(description);

        Assert.NotNull(parsed);
        Assert.Equal(name, parsed.Value.Name);
        Assert.Equal(version, parsed.Value.Version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".NET")]
    [InlineData("8.0.11")]
    [InlineData(" 8.0.11")]
    public void ParseFrameworkDescription_ReturnsNullWithoutNameAndVersion(string? description)
    {
        Assert.Null(PlatformInfo.ParseFrameworkDescription(description));
    }

    [Fact]
    public void GetRuntime_DescribesThisRuntime()
    {
        (string name, string version) = PlatformInfo.GetRuntime();

        Assert.Equal(".NET", name);
        Assert.StartsWith($"{Environment.Version.Major}.{Environment.Version.Minor}.", version);
    }

    [Fact]
    public void GetLocale_ReturnsUICultureName()
    {
        if (!CultureScope.IsAvailable("nl-NL"))
        {
            return;
        }

        using var culture = new CultureScope("nl-NL");

        Assert.Equal("nl-NL", PlatformInfo.GetLocale());
    }

    [Fact]
    public void GetLocale_NullForInvariantCulture()
    {
        using var culture = new CultureScope("");

        Assert.Null(PlatformInfo.GetLocale());
    }
}
