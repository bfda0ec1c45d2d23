using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators;

/// <summary>
/// Sole ownership of a spool folder, from <see cref="DeliverySpool.TryAcquire"/> until <see cref="Dispose"/>. It
/// loads, writes and deletes spool files.
/// </summary>
/// <remarks>
/// Methods do not throw for I/O failures or invalid files. Failures come back in the result, and problems that a
/// method handles itself, such as a file that could not be deleted, are logged. Calls from several threads run one
/// at a time. After <see cref="Dispose"/>, <see cref="Load"/> and <see cref="Write"/> return an
/// <see cref="ObjectDisposedException"/> in their result, and <see cref="Delete"/> and <see cref="Clear"/> log a
/// warning and delete nothing.
/// </remarks>
internal sealed class SpoolLease : IDisposable
{
    private const int MaxQuarantineFiles = 20;

    private readonly object _gate = new();
    private readonly DeliverySpool _spool;
    private FileStream? _lockStream;

    internal SpoolLease(DeliverySpool spool, string directoryPath, FileStream lockStream)
    {
        _spool = spool;
        DirectoryPath = directoryPath;
        _lockStream = lockStream;
    }

    /// <summary>Full path of the spool folder, without a trailing separator.</summary>
    public string DirectoryPath { get; }

    private ILogger Logger => _spool.Logger;

    /// <summary>
    /// Reads every spool file, oldest first. Deletes leftover <c>*.tmp</c> files and files whose events all expired,
    /// and moves invalid files to the <c>quarantine</c> subfolder with one warning each.
    /// </summary>
    /// <remarks>
    /// A file larger than the size cap counts as invalid. A file that cannot be read is skipped with a warning and
    /// read again by the next load. An entry with a spool file name that is empty or not a regular file, such as a
    /// FIFO, a device or a symbolic link, is never opened: it is skipped with one warning and left in place. The
    /// quarantine folder keeps the 20 newest files.
    /// </remarks>
    /// <returns>
    /// The events and their files, or a result with <see cref="SpoolLoadResult.IsAvailable"/> false when the folder
    /// could not be listed.
    /// </returns>
    public SpoolLoadResult Load()
    {
        lock (_gate)
        {
            if (_lockStream is null)
            {
                return SpoolLoadResult.Unavailable(CreateDisposedException());
            }

            try
            {
                return LoadFiles();
            }
            catch (Exception exception) when (DeliverySpool.IsFileSystemFailure(exception))
            {
                return SpoolLoadResult.Unavailable(exception);
            }
        }
    }

    /// <summary>
    /// Writes the events as one new spool file, then deletes the oldest other files until the spool is within its
    /// size cap.
    /// </summary>
    /// <param name="events">The events in the order they were tracked, oldest first.</param>
    /// <param name="protectedFiles">
    /// Full paths, as <see cref="Load"/> returned them, of files whose events are still in the caller's memory and
    /// that the caller deletes once those events are sent or written again. Eviction never deletes these files and
    /// leaves their size out of the total, so the folder can exceed the size cap by their size until the caller
    /// deletes them. Null protects no file.
    /// </param>
    /// <remarks>
    /// <para>
    /// The content goes to <c>&lt;name&gt;.tmp</c>, is flushed to disk, and the file is then renamed to its final
    /// name, so a load never reads a partial file. When the events alone exceed the cap, only the newest that fit are
    /// written. Events that a load would reject are left out and counted in
    /// <see cref="SpoolWriteResult.InvalidCount"/>. An empty list writes nothing and succeeds.
    /// </para>
    /// <para>
    /// NOTE: the rename is not flushed to disk, because .NET cannot flush a folder. A power loss right after a
    /// write can lose the new file, but it cannot leave a partial one.
    /// </para>
    /// </remarks>
    public SpoolWriteResult Write(
        IReadOnlyList<QueuedEvent> events,
        IReadOnlyCollection<string>? protectedFiles = null)
    {
        lock (_gate)
        {
            if (_lockStream is null)
            {
                return SpoolWriteResult.Failed(CreateDisposedException());
            }

            IReadOnlyList<QueuedEvent> input = events ?? Array.Empty<QueuedEvent>();
            List<QueuedEvent> valid = SelectValidEvents(input);
            int invalidCount = input.Count - valid.Count;
            int start = FindFirstEventThatFits(valid);
            if (start == valid.Count)
            {
                return SpoolWriteResult.Written(filePath: null, writtenCount: 0, evictedCount: start, invalidCount);
            }

            try
            {
                List<SpoolFile> existingFiles = ListFolder(out _, out _);
                int writtenCount = valid.Count - start;
                string path = Path.Combine(DirectoryPath, CreateFileName(existingFiles, writtenCount));
                WriteAtomically(path, valid, start);
                long newSize = SpoolFileFormat.MeasureFile(valid, start);
                int evictedCount = start + EvictOldestFiles(existingFiles, newSize, protectedFiles);
                return SpoolWriteResult.Written(path, writtenCount, evictedCount, invalidCount);
            }
            catch (Exception exception) when (DeliverySpool.IsFileSystemFailure(exception))
            {
                return SpoolWriteResult.Failed(exception);
            }
        }
    }

    /// <summary>
    /// Deletes spool files that <see cref="Load"/> returned. A file that no longer exists counts as deleted.
    /// </summary>
    /// <param name="filePaths">Full paths from <see cref="SpoolLoadResult.Files"/>.</param>
    /// <returns>
    /// Whether every file is gone. On false one warning names the number of failures and the first exception. A
    /// path that does not name a spool file in this folder is not deleted and counts as a failure.
    /// </returns>
    public bool Delete(IReadOnlyList<string> filePaths)
    {
        lock (_gate)
        {
            if (_lockStream is null)
            {
                LogDisposed();
                return false;
            }

            var failures = new DeleteFailures();
            foreach (string path in filePaths ?? Array.Empty<string>())
            {
                if (IsSpoolFileOfThisFolder(path))
                {
                    TryDelete(path, failures);
                }
                else
                {
                    failures.Add(new ArgumentException(
                        $"The path '{path}' does not name a spool file in the folder '{DirectoryPath}'.",
                        nameof(filePaths)));
                }
            }

            failures.Log(Logger, DirectoryPath);
            return failures.FailedCount == 0;
        }
    }

    /// <summary>
    /// Deletes every spool file and leftover <c>*.tmp</c> file, but not the lock file, the quarantine folder or
    /// entries that <see cref="Load"/> skips because they are empty or not regular files. Used when the user opts
    /// out.
    /// </summary>
    /// <returns>The number of events in the deleted files, from their names.</returns>
    public int Clear()
    {
        lock (_gate)
        {
            if (_lockStream is null)
            {
                LogDisposed();
                return 0;
            }

            List<SpoolFile> files;
            List<string> temporaryFiles;
            try
            {
                files = ListFolder(out temporaryFiles, out _);
            }
            catch (Exception exception) when (DeliverySpool.IsFileSystemFailure(exception))
            {
                LogFolderUnreadable(DirectoryPath, exception);
                return 0;
            }

            var failures = new DeleteFailures();
            int deletedCount = 0;
            foreach (SpoolFile file in files)
            {
                if (TryDelete(file.Path, failures))
                {
                    deletedCount += file.EventCount;
                }
            }

            foreach (string temporaryFile in temporaryFiles)
            {
                TryDelete(temporaryFile, failures);
            }

            failures.Log(Logger, DirectoryPath);
            return deletedCount;
        }
    }

    /// <summary>Releases the lock. Later calls do nothing.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _lockStream?.Dispose();
            _lockStream = null;
        }
    }

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

    private static List<QueuedEvent> SelectValidEvents(IReadOnlyList<QueuedEvent> events)
    {
        var valid = new List<QueuedEvent>(events.Count);
        foreach (QueuedEvent queuedEvent in events)
        {
            if (queuedEvent?.Json is byte[] json
                && SpoolFileFormat.TryReadItem(json, 0, json.Length, out _, out _, out _, out _))
            {
                valid.Add(queuedEvent);
            }
        }

        return valid;
    }

    // Returns the index of the oldest event from which the rest fits in one file within the size cap. Returns
    // events.Count when not even the newest event fits.
    private int FindFirstEventThatFits(List<QueuedEvent> events)
    {
        long size = SpoolFileFormat.MeasureFile(events, events.Count);
        int start = events.Count;
        while (start > 0)
        {
            long separator = start < events.Count ? 1 : 0;
            long nextSize = size + events[start - 1].Size + separator;
            if (nextSize > _spool.MaxBytes)
            {
                break;
            }

            size = nextSize;
            start--;
        }

        return start;
    }

    // The creation time in the name is the current time, moved to one millisecond after the newest existing file
    // when the clock returns an earlier or equal time, so that names keep sorting in the order of writes.
    private string CreateFileName(List<SpoolFile> existingFiles, int eventCount)
    {
        DateTime now = _spool.TimeProvider.GetUtcNow().UtcDateTime;
        DateTime created = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        if (existingFiles.Count > 0)
        {
            DateTime newest = existingFiles[existingFiles.Count - 1].CreatedUtc;
            if (created <= newest)
            {
                created = newest.AddMilliseconds(1);
            }
        }

        return SpoolFileFormat.FormatName(created, eventCount);
    }

    private static void WriteAtomically(string path, List<QueuedEvent> events, int start)
    {
        string temporaryPath = path + SpoolFileFormat.TemporarySuffix;
        try
        {
            using (FileStream stream = DeliverySpool.CreateNewFile(temporaryPath))
            {
                SpoolFileFormat.WriteContent(stream, events, start);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporaryPath, path);
        }
        catch
        {
            // A temporary file that cannot be deleted here is deleted by the next load.
            TryDelete(temporaryPath, new DeleteFailures());
            throw;
        }
    }

    // Deletes the oldest of the existing files until they and the new file fit within the size cap. Protected files
    // are neither deleted nor counted, because their events are still in memory and the caller deletes them later.
    // Returns the number of events in the deleted files.
    private int EvictOldestFiles(
        List<SpoolFile> existingFiles,
        long newFileSize,
        IReadOnlyCollection<string>? protectedFiles)
    {
        var protectedPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (string? path in protectedFiles ?? Array.Empty<string>())
        {
            if (path is not null)
            {
                protectedPaths.Add(path);
            }
        }

        var candidates = new List<SpoolFile>(existingFiles.Count);
        long totalSize = newFileSize;
        foreach (SpoolFile file in existingFiles)
        {
            if (!protectedPaths.Contains(file.Path))
            {
                candidates.Add(file);
                totalSize += file.Size;
            }
        }

        var failures = new DeleteFailures();
        int evictedCount = 0;
        foreach (SpoolFile file in candidates)
        {
            if (totalSize <= _spool.MaxBytes)
            {
                break;
            }

            if (TryDelete(file.Path, failures))
            {
                totalSize -= file.Size;
                evictedCount += file.EventCount;
            }
        }

        failures.Log(Logger, DirectoryPath);
        return evictedCount;
    }

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

    private void LogNotRegularFile(string path) =>
        TelemetryLog.Safely(
            Logger,
            static (logger, filePath) => TelemetryLog.SpoolEntryNotRegularFile(logger, filePath),
            path);

    private void LogDisposed() =>
        TelemetryLog.Safely(
            Logger,
            static (logger, directoryPath) => TelemetryLog.SpoolLeaseDisposed(logger, directoryPath),
            DirectoryPath);

    private ObjectDisposedException CreateDisposedException() =>
        new(nameof(SpoolLease), $"The lease on the spool folder '{DirectoryPath}' was disposed.");

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
