using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// The source folder of this test project, where the committed snapshot files live.
/// </summary>
internal static class TestProjectDirectory
{
    public static string FullPath { get; } = Locate();

    public static string SnapshotsPath => Path.Combine(FullPath, "Snapshots");

    private static string Locate([CallerFilePath] string thisFilePath = "")
    {
        // The compiler records this file's build-time path. The project file turns DeterministicSourcePaths off,
        // because ContinuousIntegrationBuild (set under CI=true) would otherwise map the path to "/_/...".
        var directory = Path.GetDirectoryName(thisFilePath);
        while (!string.IsNullOrEmpty(directory))
        {
            if (Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.csproj").Any())
            {
                return directory;
            }

            directory = Path.GetDirectoryName(directory);
        }

        throw new InvalidOperationException(
            $"No project file was found in any folder above '{thisFilePath}'. Run the tests from a build of this " +
            "source tree so that the compiler-recorded source path exists.");
    }
}
