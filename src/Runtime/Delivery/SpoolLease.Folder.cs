using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators;

// Listing the spool folder, checking that a path names one of its spool files, and deleting files, with the
// failures of one call logged as one warning.
internal sealed partial class SpoolLease
{
    // Returns the spool files sorted by name, which is their order of creation, the leftover temporary files, and
    // the entries with a spool file name that are empty or not regular files. Other files are left out. Temporary
    // files are listed whatever their type, because deleting an entry never opens it.
    private List<SpoolFile> ListFolder(out List<string> temporaryFiles, out List<string> skippedEntries)
    {
        var files = new List<SpoolFile>();
        temporaryFiles = new List<string>();
        skippedEntries = new List<string>();
        foreach (FileInfo info in new DirectoryInfo(DirectoryPath).EnumerateFiles())
        {
            string path = Path.Combine(DirectoryPath, info.Name);
            if (SpoolFileFormat.TryParseName(info.Name, out DateTime createdUtc, out int eventCount))
            {
                bool isRegular;
                try
                {
                    isRegular = DeliverySpool.IsNonEmptyRegularFile(info);
                }
                catch (FileNotFoundException)
                {
                    continue;
                }

                if (isRegular)
                {
                    files.Add(new SpoolFile(path, info.Name, info.Length, createdUtc, eventCount));
                }
                else
                {
                    skippedEntries.Add(path);
                }
            }
            else if (info.Name.EndsWith(SpoolFileFormat.TemporarySuffix, StringComparison.OrdinalIgnoreCase))
            {
                temporaryFiles.Add(path);
            }
        }

        files.Sort(static (left, right) => string.CompareOrdinal(left.Name, right.Name));
        return files;
    }

    private bool IsSpoolFileOfThisFolder(string? path)
    {
        try
        {
            return path is not null
                && string.Equals(Path.GetDirectoryName(path), DirectoryPath, StringComparison.Ordinal)
                && SpoolFileFormat.TryParseName(Path.GetFileName(path), out _, out _);
        }
        catch (ArgumentException)
        {
            // .NET Framework rejects paths with invalid characters.
            return false;
        }
    }

    // Returns whether the file is gone. A missing file or folder counts as deleted.
    private static bool TryDelete(string path, DeleteFailures failures)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return true;
        }
        catch (Exception exception) when (DeliverySpool.IsFileSystemFailure(exception))
        {
            failures.Add(exception);
            return false;
        }
    }

    private void LogFolderUnreadable(string folder, Exception exception) =>
        TelemetryLog.Safely(
            Logger,
            static (logger, state) => TelemetryLog.SpoolFolderUnreadable(logger, state.Folder, state.Exception),
            (Folder: folder, Exception: exception));

    private sealed record SpoolFile(string Path, string Name, long Size, DateTime CreatedUtc, int EventCount);

    // Failed deletions during one call, logged as one warning.
    private sealed class DeleteFailures
    {
        public int FailedCount { get; private set; }

        public Exception? FirstException { get; private set; }

        public void Add(Exception exception)
        {
            FailedCount++;
            FirstException ??= exception;
        }

        public void Log(ILogger logger, string directoryPath)
        {
            if (FirstException is null)
            {
                return;
            }

            TelemetryLog.Safely(
                logger,
                static (logger, state) => TelemetryLog.SpoolDeleteFailed(
                    logger,
                    state.FailedCount,
                    state.DirectoryPath,
                    state.Exception),
                (FailedCount, DirectoryPath: directoryPath, Exception: FirstException));
        }
    }
}
