using System;
using System.Collections.Generic;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Context;

public sealed class ContainerDetectionTests
{
    private const string HostControlGroups = "0::/user.slice/user-1000.slice/session-2.scope\n";

    [Fact]
    public void IsDetected_FalseOnPlainHost()
    {
        Assert.False(Detect(files: Array.Empty<string>(), controlGroups: HostControlGroups));
    }

    [Theory]
    [InlineData("/.dockerenv")]
    [InlineData("/run/.containerenv")]
    public void IsDetected_FindsMarkerFile(string markerFile)
    {
        Assert.True(Detect(files: new[] { markerFile }, controlGroups: HostControlGroups));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void IsDetected_ReadsDotnetVariable(string value, bool expected)
    {
        bool detected = Detect(
            files: Array.Empty<string>(),
            controlGroups: HostControlGroups,
            variables: new Dictionary<string, string> { ["DOTNET_RUNNING_IN_CONTAINER"] = value });

        Assert.Equal(expected, detected);
    }

    [Theory]
    [InlineData("12:memory:/docker/3f1a9c0e5b7d\n11:cpu:/docker/3f1a9c0e5b7d\n")]
    [InlineData("0::/kubepods/burstable/pod1234/5678\n")]
    [InlineData("4:pids:/containerd/7c2e0d\n")]
    public void IsDetected_FindsRuntimeInControlGroups(string controlGroups)
    {
        Assert.True(Detect(files: Array.Empty<string>(), controlGroups: controlGroups));
    }

    [Fact]
    public void IsDetected_FalseWhenControlGroupsUnreadable()
    {
        Assert.False(Detect(files: Array.Empty<string>(), controlGroups: null));
    }

    [Fact]
    public void IsDetected_ReadsOnlyControlGroupFile()
    {
        var readPaths = new List<string>();

        ContainerDetection.IsDetected(
            _ => null,
            _ => false,
            path =>
            {
                readPaths.Add(path);
                return HostControlGroups;
            });

        Assert.Equal(new[] { "/proc/self/cgroup" }, readPaths);
    }

    [Fact]
    public void IsDetected_RunsOnThisMachine()
    {
        // The result depends on the machine; the call must finish without an exception.
        _ = ContainerDetection.IsDetected();
    }

    private static bool Detect(
        string[] files,
        string? controlGroups,
        Dictionary<string, string>? variables = null)
    {
        var existing = new HashSet<string>(files, StringComparer.Ordinal);
        return ContainerDetection.IsDetected(
            name => variables is not null && variables.TryGetValue(name, out string? value) ? value : null,
            existing.Contains,
            path => path == "/proc/self/cgroup" ? controlGroups : null);
    }
}
