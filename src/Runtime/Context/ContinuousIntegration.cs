using System;
using System.Collections.Generic;

namespace Telemetry.Generators;

/// <summary>
/// Detects whether the process runs in a continuous integration (CI) build, from environment variables only.
/// </summary>
/// <remarks>
/// <para>
/// The rules combine three sources: the variables whose presence Rasa Open Source 3.x (<c>rasa/telemetry.py</c>)
/// counts, the rules of the .NET SDK's CLI telemetry, and the documented variables of GitLab CI/CD, Buildkite,
/// Bitbucket Pipelines, Azure Pipelines, Jenkins, TeamCity, AppVeyor, Drone and Woodpecker.
/// </para>
/// <para>
/// Where Rasa counts a variable with any value and the .NET SDK has a stricter rule for the same variable, the
/// stricter rule replaces the presence rule. So <c>CI=false</c> is not a CI build, although Rasa counts it.
/// <c>BUILD_ID</c> alone is not a CI build either, because that generic name counts only together with
/// <c>BUILD_URL</c> (Jenkins) or <c>PROJECT_ID</c> (Google Cloud Build).
/// </para>
/// <para>
/// Every other variable whose value is a Boolean flag, such as <c>BUILDKITE</c> or <c>GITLAB_CI</c>, must be true
/// as well. A variable that carries data, such as a URL or a build number, counts when its value is not blank.
/// The .NET SDK accepts <c>true</c> and <c>1</c> as true, and these rules also accept <c>yes</c> and <c>on</c>.
/// </para>
/// </remarks>
internal static class ContinuousIntegration
{
    /// <summary>
    /// Rules that each mark a CI build on their own. The build is detected when any rule matches.
    /// </summary>
    internal static readonly IReadOnlyList<ContinuousIntegrationRule> Rules = new[]
    {
        // Set to true by GitHub Actions, GitLab CI/CD, Travis CI, CircleCI, Buildkite, Bitbucket Pipelines,
        // AppVeyor and Drone.
        ContinuousIntegrationRule.True("CI"),

        // Woodpecker sets CI to its own name instead of true.
        ContinuousIntegrationRule.EqualTo("CI", "woodpecker"),

        ContinuousIntegrationRule.True("CONTINUOUS_INTEGRATION"),       // Travis CI
        ContinuousIntegrationRule.True("GITHUB_ACTIONS"),               // GitHub Actions
        ContinuousIntegrationRule.True("TRAVIS"),                       // Travis CI
        ContinuousIntegrationRule.True("CIRCLECI"),                     // CircleCI
        ContinuousIntegrationRule.True("TF_BUILD"),                     // Azure Pipelines
        ContinuousIntegrationRule.True("APPVEYOR"),                     // AppVeyor
        ContinuousIntegrationRule.True("GITLAB_CI"),                    // GitLab CI/CD
        ContinuousIntegrationRule.True("BUILDKITE"),                    // Buildkite
        ContinuousIntegrationRule.True("DRONE"),                        // Drone

        ContinuousIntegrationRule.AllSet("CODEBUILD_BUILD_ID", "AWS_REGION"), // AWS CodeBuild
        ContinuousIntegrationRule.AllSet("BUILD_ID", "BUILD_URL"),            // Jenkins
        ContinuousIntegrationRule.AllSet("BUILD_ID", "PROJECT_ID"),           // Google Cloud Build

        ContinuousIntegrationRule.Set("CODEBUILD_BUILD_ARN"),               // AWS CodeBuild
        ContinuousIntegrationRule.Set("CODEBUILD_BATCH_BUILD_IDENTIFIER"),  // AWS CodeBuild batch builds
        ContinuousIntegrationRule.Set("JENKINS_URL"),                       // Jenkins
        ContinuousIntegrationRule.Set("HUDSON_URL"),                        // Hudson, the predecessor of Jenkins
        ContinuousIntegrationRule.Set("BUILD_NUMBER"),                      // Jenkins, TeamCity and others
        ContinuousIntegrationRule.Set("TEAMCITY_VERSION"),                  // TeamCity
        ContinuousIntegrationRule.Set("bamboo.buildKey"),                   // Bamboo
        ContinuousIntegrationRule.Set("BITBUCKET_BUILD_NUMBER"),            // Bitbucket Pipelines
        ContinuousIntegrationRule.Set("JB_SPACE_API_URL"),                  // JetBrains Space Automation
    };

    /// <summary>
    /// Returns whether any rule in <see cref="Rules"/> matches the environment.
    /// </summary>
    /// <param name="getVariable">
    /// Returns the value of an environment variable, or null when it is not set, usually
    /// <see cref="Environment.GetEnvironmentVariable(string)"/>. Exceptions that it throws reach the caller.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="getVariable"/> is null.</exception>
    public static bool IsDetected(Func<string, string?> getVariable)
    {
        if (getVariable is null)
        {
            throw new ArgumentNullException(nameof(getVariable));
        }

        foreach (ContinuousIntegrationRule rule in Rules)
        {
            if (rule.Matches(getVariable))
            {
                return true;
            }
        }

        return false;
    }
}
