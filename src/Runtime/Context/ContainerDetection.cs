using System;
using System.IO;

namespace Telemetry.Generators;

/// <summary>
/// Detects whether the process runs in a container, from marker files, one environment variable and the control
/// groups of the process. It reads files only and starts no process.
/// </summary>
internal static class ContainerDetection
{
    // /proc/self/cgroup has one short line per control group hierarchy, far below this limit.
    private const int MaxControlGroupFileBytes = 64 * 1024;

    private static readonly string[] MarkerFiles =
    {
        "/.dockerenv",          // Docker
        "/run/.containerenv",   // Podman
    };

    // A control group path that contains one of these names belongs to a container runtime, with cgroup v1 and
    // with cgroup v2 when the container shares the host's cgroup namespace.
    private static readonly string[] ControlGroupMarkers = { "docker", "kubepods", "containerd" };

    /// <summary>
    /// Returns whether the current process runs in a container.
    /// </summary>
    internal static bool IsDetected() =>
        IsDetected(
            Environment.GetEnvironmentVariable,
            File.Exists,
            path => SmallFile.TryReadText(path, MaxControlGroupFileBytes));

    /// <summary>
    /// Returns whether the environment that the delegates describe is a container: a marker file exists,
    /// <c>DOTNET_RUNNING_IN_CONTAINER</c> is true (the official .NET images set it), or
    /// <c>/proc/self/cgroup</c> names Docker, Kubernetes or containerd.
    /// </summary>
    /// <param name="getVariable">Returns an environment variable, or null when it is not set.</param>
    /// <param name="fileExists">Returns whether a file exists. It must not throw.</param>
    /// <param name="readFile">Returns a file's text, or null when it cannot be read. It must not throw.</param>
    /// <remarks>
    /// NOTE: inside a container with its own cgroup namespace, cgroup v2 shows only <c>0::/</c>, so a container
    /// without a marker file or the variable is not detected there.
    /// </remarks>
    internal static bool IsDetected(
        Func<string, string?> getVariable,
        Func<string, bool> fileExists,
        Func<string, string?> readFile)
    {
        foreach (string markerFile in MarkerFiles)
        {
            if (fileExists(markerFile))
            {
                return true;
            }
        }

        if (ContinuousIntegrationRule.IsTrue(getVariable("DOTNET_RUNNING_IN_CONTAINER")))
        {
            return true;
        }

        string? controlGroups = readFile("/proc/self/cgroup");
        if (controlGroups is null)
        {
            return false;
        }

        foreach (string marker in ControlGroupMarkers)
        {
            if (controlGroups.IndexOf(marker, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
