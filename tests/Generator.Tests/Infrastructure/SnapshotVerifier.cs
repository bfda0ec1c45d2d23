using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using DiffPlex.Renderer;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// Compares snapshot files with the verified files in one folder. A new or changed file is written beside the
/// verified one as <c>.received.</c> and the comparison fails with a unified diff and the command that accepts it.
/// </summary>
internal sealed class SnapshotVerifier(string directory, SnapshotSettings settings)
{
    /// <summary>
    /// Compares <paramref name="files"/> with the verified files of <paramref name="snapshotName"/>
    /// (<c>{TestClass}.{TestMethod}</c>), also failing on verified files that the run no longer produces.
    /// In accept mode it writes new and changed files and deletes orphans instead of failing.
    /// </summary>
    /// <exception cref="SnapshotMismatchException">A file differs, is new or is orphaned, or accepting was
    /// requested under CI.</exception>
    public void Verify(string snapshotName, IReadOnlyList<SnapshotFile> files)
    {
        if (settings.AcceptRequested && settings.IsContinuousIntegration)
        {
            throw new SnapshotMismatchException(
                $"{SnapshotSettings.AcceptVariable}=1 is rejected because CI=true: a CI build must compare " +
                $"snapshots, not accept them. Unset {SnapshotSettings.AcceptVariable}, or accept the snapshots " +
                "locally and commit the .verified. files.");
        }

        Directory.CreateDirectory(directory);
        var failures = new List<string>();
        var fixCommands = new List<string>();

        foreach (var file in files)
        {
            CompareFile(snapshotName, file, failures, fixCommands);
        }

        var producedNames = files
            .Select(file => file.VerifiedFileName(snapshotName))
            .ToHashSet(StringComparer.Ordinal);
        var orphanPaths = FindVerifiedFiles(snapshotName)
            .Where(path => !producedNames.Contains(Path.GetFileName(path)))
            .ToList();
        foreach (var orphanPath in orphanPaths)
        {
            if (settings.AcceptRequested)
            {
                File.Delete(orphanPath);
                continue;
            }

            failures.Add($"Orphaned snapshot {orphanPath}: the generator no longer produces this file.");
            fixCommands.Add($"rm -f {QuoteForShell(orphanPath)}");
        }

        if (failures.Count > 0)
        {
            throw new SnapshotMismatchException(BuildFailureMessage(failures, fixCommands));
        }
    }

    private void CompareFile(string snapshotName, SnapshotFile file, List<string> failures, List<string> fixCommands)
    {
        var verifiedPath = Path.Combine(directory, file.VerifiedFileName(snapshotName));
        var receivedPath = Path.Combine(directory, file.ReceivedFileName(snapshotName));
        var received = SnapshotRenderer.Normalize(file.Content);
        var verified = File.Exists(verifiedPath) ? SnapshotRenderer.Normalize(File.ReadAllText(verifiedPath)) : null;

        if (string.Equals(received, verified, StringComparison.Ordinal))
        {
            File.Delete(receivedPath);
            return;
        }

        if (settings.AcceptRequested)
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        fixCommands.Add($"mv -f {QuoteForShell(receivedPath)} {QuoteForShell(verifiedPath)}");
        if (verified is null)
        {
            failures.Add($"New snapshot {verifiedPath}: no verified file exists. Received:\n{received}");
            return;
        }

        var diff = UnidiffRenderer.GenerateUnidiff(
            verified,
            received,
            Path.GetFileName(verifiedPath),
            Path.GetFileName(receivedPath),
            ignoreWhitespace: false,
            ignoreCase: false,
            contextLines: 3);
        failures.Add($"Snapshot {verifiedPath} differs from the received output:\n{diff}");
    }

    private IEnumerable<string> FindVerifiedFiles(string snapshotName)
    {
        // '#' separates the snapshot name from the hint name, so "A.B" never matches the files of "A.BC".
        var sources = Directory.EnumerateFiles(directory, snapshotName + "#*.verified.cs");
        var diagnostics = Path.Combine(directory, snapshotName + ".verified.txt");
        return File.Exists(diagnostics) ? sources.Append(diagnostics) : sources;
    }

    private static string BuildFailureMessage(List<string> failures, List<string> fixCommands)
    {
        var message = new StringBuilder();
        foreach (var failure in failures)
        {
            message.AppendLine(failure).AppendLine();
        }

        message.AppendLine("After checking the received output, accept it with:");
        foreach (var command in fixCommands)
        {
            message.Append("  ").AppendLine(command);
        }

        message.Append($"or rerun the tests with {SnapshotSettings.AcceptVariable}=1.");
        return message.ToString();
    }

    private static string QuoteForShell(string path) =>
        "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
