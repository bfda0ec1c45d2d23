using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Client;

public sealed class EnvironmentVariableNamesTests
{
    [Theory]
    [InlineData("TrainingCli", "TRAINING_CLI")]
    [InlineData("trainingCli", "TRAINING_CLI")]
    [InlineData("HTTPServer", "HTTP_SERVER")]
    [InlineData("Net8App", "NET8_APP")]
    [InlineData("my-app", "MY_APP")]
    [InlineData("My.App v2", "MY_APP_V2")]
    [InlineData("already_snake", "ALREADY_SNAKE")]
    [InlineData("ALLCAPS", "ALLCAPS")]
    [InlineData("Grüße", "GR__E")]
    [InlineData("", "")]
    public void ToUpperSnakeCase_ConvertsName(string name, string expected)
    {
        Assert.Equal(expected, EnvironmentVariableNames.ToUpperSnakeCase(name));
    }

    [Fact]
    public void ToUpperSnakeCase_IgnoresTurkishCulture()
    {
        if (!CultureScope.IsAvailable("tr-TR"))
        {
            return;
        }

        using (new CultureScope("tr-TR"))
        {
            Assert.Equal("IOS_INFO", EnvironmentVariableNames.ToUpperSnakeCase("iosInfo"));
        }
    }
}
