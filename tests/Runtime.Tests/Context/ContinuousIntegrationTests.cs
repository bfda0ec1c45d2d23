using System;
using System.Collections.Generic;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Context;

public sealed class ContinuousIntegrationTests
{
    [Theory]
    [InlineData("GITHUB_ACTIONS=true;CI=true")]         // GitHub Actions
    [InlineData("GITHUB_ACTIONS=true")]
    [InlineData("GITLAB_CI=true")]                      // GitLab CI/CD
    [InlineData("BUILDKITE=true")]                      // Buildkite
    [InlineData("BITBUCKET_BUILD_NUMBER=42")]           // Bitbucket Pipelines
    [InlineData("TF_BUILD=True")]                       // Azure Pipelines
    [InlineData("JENKINS_URL=http://jenkins:8080/")]    // Jenkins
    [InlineData("BUILD_ID=17;BUILD_URL=http://jenkins:8080/job/app/17/")]
    [InlineData("HUDSON_URL=http://hudson:8080/")]
    [InlineData("BUILD_NUMBER=17")]
    [InlineData("TEAMCITY_VERSION=2024.03.1 (build 152416)")] // TeamCity
    [InlineData("APPVEYOR=True")]                       // AppVeyor
    [InlineData("DRONE=true")]                          // Drone
    [InlineData("CI=woodpecker")]                       // Woodpecker
    [InlineData("CI=Woodpecker")]
    [InlineData("TRAVIS=true")]                         // Travis CI
    [InlineData("CONTINUOUS_INTEGRATION=true")]
    [InlineData("CIRCLECI=true")]                       // CircleCI
    [InlineData("CODEBUILD_BUILD_ID=app:0b1c;AWS_REGION=eu-west-1")] // AWS CodeBuild
    [InlineData("CODEBUILD_BUILD_ARN=arn:aws:codebuild:eu-west-1:1:build/app:0b1c")]
    [InlineData("CODEBUILD_BATCH_BUILD_IDENTIFIER=batch-1")]
    [InlineData("BUILD_ID=8f2e;PROJECT_ID=my-project")] // Google Cloud Build
    [InlineData("bamboo.buildKey=APP-PLAN-JOB1")]       // Bamboo
    [InlineData("JB_SPACE_API_URL=https://space.example")] // JetBrains Space
    public void IsDetected_RecognizesCiSystem(string variables)
    {
        Assert.True(ContinuousIntegration.IsDetected(VariablesFrom(variables)));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("TRUE")]
    [InlineData(" true ")]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData("on")]
    public void IsDetected_AcceptsTrueWords(string value)
    {
        Assert.True(ContinuousIntegration.IsDetected(VariablesFrom("CI=" + value)));
        Assert.True(ContinuousIntegration.IsDetected(VariablesFrom("TF_BUILD=" + value)));
    }

    [Theory]
    [InlineData("")]                                    // empty environment
    [InlineData("PATH=/usr/bin;HOME=/home/user")]
    [InlineData("CI=false")]                            // present, but a false flag
    [InlineData("CI=False")]
    [InlineData("CI=0")]
    [InlineData("CI=no")]
    [InlineData("CI=off")]
    [InlineData("CI=")]
    [InlineData("CI=   ")]
    [InlineData("CI=drone")]                            // not a flag; Drone also sets DRONE=true
    [InlineData("GITHUB_ACTIONS=false")]
    [InlineData("TF_BUILD=False")]
    [InlineData("APPVEYOR=false")]
    [InlineData("BUILDKITE=false")]
    [InlineData("BUILD_ID=17")]                         // a group with one member missing
    [InlineData("BUILD_URL=http://jenkins:8080/job/app/17/")]
    [InlineData("PROJECT_ID=my-project")]
    [InlineData("BUILD_ID=17;BUILD_URL=")]              // a group with one member empty
    [InlineData("CODEBUILD_BUILD_ID=app:0b1c")]
    [InlineData("AWS_REGION=eu-west-1")]
    [InlineData("JENKINS_URL=")]                        // blank data variables
    [InlineData("TEAMCITY_VERSION= ")]
    public void IsDetected_RejectsNonCiEnvironment(string variables)
    {
        Assert.False(ContinuousIntegration.IsDetected(VariablesFrom(variables)));
    }

    [Fact]
    public void IsDetected_FalseCiKeepsOtherRules()
    {
        Assert.True(ContinuousIntegration.IsDetected(VariablesFrom("CI=false;GITHUB_ACTIONS=true")));
    }

    [Fact]
    public void Rules_EachMatchesOnItsOwn()
    {
        foreach (ContinuousIntegrationRule rule in ContinuousIntegration.Rules)
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string name in rule.Variables)
            {
                variables[name] = rule.Kind switch
                {
                    ContinuousIntegrationRuleKind.True => "true",
                    ContinuousIntegrationRuleKind.EqualTo => rule.ExpectedValue!,
                    _ => "some-value",
                };
            }

            Assert.True(
                ContinuousIntegration.IsDetected(name => variables.TryGetValue(name, out string? value) ? value : null),
                $"Rule {rule.Kind} on {string.Join(" + ", rule.Variables)} did not match.");
        }
    }

    [Fact]
    public void IsDetected_RejectsNullDelegate()
    {
        Assert.Throws<ArgumentNullException>(() => ContinuousIntegration.IsDetected(null!));
    }

    /// <summary>
    /// Returns a variable reader over <c>NAME=value</c> pairs separated by <c>;</c>.
    /// </summary>
    private static Func<string, string?> VariablesFrom(string pairs)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in pairs.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            variables[pair.Substring(0, equals)] = pair.Substring(equals + 1);
        }

        return name => variables.TryGetValue(name, out string? value) ? value : null;
    }
}
