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
internal sealed partial class SpoolLease : IDisposable
{
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

    private void LogDisposed() =>
        TelemetryLog.Safely(
            Logger,
            static (logger, directoryPath) => TelemetryLog.SpoolLeaseDisposed(logger, directoryPath),
            DirectoryPath);

    private ObjectDisposedException CreateDisposedException() =>
        new(nameof(SpoolLease), $"The lease on the spool folder '{DirectoryPath}' was disposed.");
}
