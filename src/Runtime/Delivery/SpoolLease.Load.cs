using System;
using System.Collections.Generic;
using System.IO;

namespace Telemetry.Generators;

// Loading the spool: reading each file, dropping expired events, and moving invalid files to quarantine.
internal sealed partial class SpoolLease
{
    private const int MaxQuarantineFiles = 20;

    private SpoolLoadResult LoadFiles()
    {
        var failures = new DeleteFailures();
        List<SpoolFile> files = ListFolder(out List<string> temporaryFiles, out List<string> skippedEntries);
        foreach (string temporaryFile in temporaryFiles)
        {
            TryDelete(temporaryFile, failures);
        }

        foreach (string skippedEntry in skippedEntries)
        {
            LogNotRegularFile(skippedEntry);
        }

        DateTimeOffset oldestAllowed = FindOldestAllowedTimestamp();
        var events = new List<QueuedEvent>();
        var loadedFiles = new List<string>();
        int expiredCount = 0;
        int quarantinedCount = 0;
        foreach (SpoolFile file in files)
        {
            List<QueuedEvent>? fileEvents = ReadFile(file, out string? problem);
            if (problem is not null)
            {
                quarantinedCount += Quarantine(file, problem, failures) ? 1 : 0;
                continue;
            }

            if (fileEvents is null)
            {
                continue;
            }

            int countBefore = events.Count;
            foreach (QueuedEvent queuedEvent in fileEvents)
            {
                if (queuedEvent.Timestamp < oldestAllowed)
                {
                    expiredCount++;
                }
                else
                {
                    events.Add(queuedEvent);
                }
            }

            if (events.Count == countBefore)
            {
                TryDelete(file.Path, failures);
            }
            else
            {
                loadedFiles.Add(file.Path);
            }
        }

        failures.Log(Logger, DirectoryPath);
        return SpoolLoadResult.Loaded(events, loadedFiles, expiredCount, quarantinedCount);
    }

    // Returns the current time minus the maximum age, or DateTimeOffset.MinValue when the age reaches back further.
    private DateTimeOffset FindOldestAllowedTimestamp()
    {
        DateTimeOffset now = _spool.TimeProvider.GetUtcNow();
        long availableTicks = now.UtcTicks - DateTimeOffset.MinValue.UtcTicks;
        return _spool.MaxAge.Ticks < availableTicks ? now - _spool.MaxAge : DateTimeOffset.MinValue;
    }

    // Returns the events of the file. Returns null when the file is gone, unreadable or no longer a regular file,
    // after logging the last two, and sets problem when the file is invalid.
    private List<QueuedEvent>? ReadFile(SpoolFile file, out string? problem)
    {
        problem = null;
        if (file.Size > _spool.MaxBytes)
        {
            problem = FormatOverSizeCap(file.Size);
            return null;
        }

        byte[] bytes;
        try
        {
            using FileStream? stream = DeliverySpool.OpenForReading(file.Path);

            // The listing saw a regular file, but the entry can have been replaced since. A FIFO or a terminal cannot
            // seek, and devices such as /dev/zero report a length of zero.
            if (stream is null || !stream.CanSeek || stream.Length == 0)
            {
                LogNotRegularFile(file.Path);
                return null;
            }

            if (stream.Length > _spool.MaxBytes)
            {
                problem = FormatOverSizeCap(stream.Length);
                return null;
            }

            bytes = DeliverySpool.ReadToEnd(stream);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (Exception exception) when (DeliverySpool.IsFileSystemFailure(exception))
        {
            TelemetryLog.Safely(
                Logger,
                static (logger, state) => TelemetryLog.SpoolFileUnreadable(logger, state.Path, state.Exception),
                (file.Path, Exception: exception));
            return null;
        }

        try
        {
            return SpoolFileFormat.ParseContent(bytes);
        }
        catch (InvalidDataException exception)
        {
            problem = exception.Message;
            return null;
        }
    }

    private string FormatOverSizeCap(long size) =>
        $"The file has {size} bytes, more than the spool's size cap of {_spool.MaxBytes} bytes.";

    // Moves an invalid file to the quarantine folder and logs a warning either way. Returns whether it moved.
    private bool Quarantine(SpoolFile file, string problem, DeleteFailures failures)
    {
        string folder = Path.Combine(DirectoryPath, DeliverySpool.QuarantineFolderName);
        string target = Path.Combine(folder, file.Name);
        try
        {
            DeliverySpool.CreateDirectory(folder);
            if (File.Exists(target))
            {
                string unique = Guid.NewGuid().ToString("N").Substring(0, 8);
                target = Path.Combine(folder, Path.GetFileNameWithoutExtension(file.Name) + "-" + unique + ".json");
            }

            File.Move(file.Path, target);
        }
        catch (Exception exception) when (DeliverySpool.IsFileSystemFailure(exception))
        {
            TelemetryLog.Safely(
                Logger,
                static (logger, state) => TelemetryLog.SpoolQuarantineFailed(
                    logger,
                    state.Path,
                    state.Problem,
                    state.Exception),
                (file.Path, Problem: problem, Exception: exception));
            return false;
        }

        TelemetryLog.Safely(
            Logger,
            static (logger, state) => TelemetryLog.SpoolFileQuarantined(
                logger,
                state.Path,
                state.Target,
                state.Problem),
            (file.Path, Target: target, Problem: problem));
        TrimQuarantine(folder, failures);
        return true;
    }

    // Deletes the oldest quarantined files, by name, beyond the newest MaxQuarantineFiles.
    private void TrimQuarantine(string folder, DeleteFailures failures)
    {
        string[] names;
        try
        {
            names = Directory.GetFiles(folder);
        }
        catch (Exception exception) when (DeliverySpool.IsFileSystemFailure(exception))
        {
            LogFolderUnreadable(folder, exception);
            return;
        }

        Array.Sort(names, StringComparer.Ordinal);
        for (int index = 0; index < names.Length - MaxQuarantineFiles; index++)
        {
            TryDelete(names[index], failures);
        }
    }

    private void LogNotRegularFile(string path) =>
        TelemetryLog.Safely(
            Logger,
            static (logger, filePath) => TelemetryLog.SpoolEntryNotRegularFile(logger, filePath),
            path);
}
