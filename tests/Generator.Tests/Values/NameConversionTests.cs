using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Naming;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Values;

/// <summary>
/// Word splitting and case conversion of declared names, including acronyms, digits and underscores.
/// </summary>
public sealed class NameConversionTests
{
    [Theory]
    [InlineData("numStorySteps", "num_story_steps")]
    [InlineData("NumStorySteps", "num_story_steps")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("parseHTTPResponse", "parse_http_response")]
    [InlineData("modelV2", "model_v2")]
    [InlineData("v2Model", "v2_model")]
    [InlineData("model_type", "model_type")]
    [InlineData("__client", "client")]
    [InlineData("x", "x")]
    [InlineData("IO", "io")]
    public void SnakeCase_ConvertsName(string name, string expected) =>
        Assert.Equal(expected, PropertyNaming.Convert(name, NamingPolicy.SnakeCase));

    [Theory]
    [InlineData("CamelCase", "httpServerUrl")]
    [InlineData("PascalCase", "HttpServerUrl")]
    [InlineData("KebabCase", "http-server-url")]
    [InlineData("AsDeclared", "HTTPServer_url")]
    public void Policy_ConvertsMixedName(string policyName, string expected)
    {
        Assert.True(PropertyNaming.TryParse(policyName, out var policy));
        Assert.Equal(expected, PropertyNaming.Convert("HTTPServer_url", policy));
    }

    [Theory]
    [InlineData(null, "SnakeCase")]
    [InlineData("", "SnakeCase")]
    [InlineData("kebabcase", "KebabCase")]
    [InlineData(" PascalCase ", "PascalCase")]
    public void TryParse_AcceptsKnownPolicy(string? text, string expected)
    {
        Assert.True(PropertyNaming.TryParse(text, out var policy));
        Assert.Equal(expected, policy.ToString());
    }

    [Theory]
    [InlineData("snake")]
    [InlineData("Snake_Case")]
    public void TryParse_RejectsUnknownPolicy(string text)
    {
        Assert.False(PropertyNaming.TryParse(text, out var policy));
        Assert.Equal(NamingPolicy.SnakeCase, policy);
    }
}
