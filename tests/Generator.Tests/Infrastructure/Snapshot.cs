using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// Compares a generator run with the verified files in <c>Snapshots/</c>, named
/// <c>{TestClass}.{TestMethod}#{HintName without .cs}.verified.cs</c> and <c>{TestClass}.{TestMethod}.verified.txt</c>.
/// </summary>
internal static class Snapshot
{
    /// <summary>
    /// Rethrows any generator exception, fails on a generator diagnostic whose id is not in
    /// <paramref name="expectedDiagnosticIds"/>, then compares the generated sources and diagnostics with the
    /// verified files. The test class name is taken from the calling file, so each test class needs its own file.
    /// </summary>
    /// <param name="variant">Appended as <c>_{variant}</c> to the snapshot name, to tell theory rows apart.</param>
    public static void Verify(
        GeneratorRun run,
        string[]? expectedDiagnosticIds = null,
        string? variant = null,
        [CallerFilePath] string testFilePath = "",
        [CallerMemberName] string testMethod = "")
    {
        run.ThrowIfGeneratorFailed();
        run.AssertNoUnexpectedGeneratorDiagnostics(expectedDiagnosticIds ?? []);

        var snapshotName = $"{Path.GetFileNameWithoutExtension(testFilePath)}.{testMethod}";
        if (variant is not null)
        {
            snapshotName += "_" + variant;
        }

        var verifier = new SnapshotVerifier(TestProjectDirectory.SnapshotsPath, SnapshotSettings.FromEnvironment());
        verifier.Verify(snapshotName, SnapshotRenderer.Render(run.Result));
    }
}
