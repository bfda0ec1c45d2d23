using System;

namespace Telemetry.Generators;

/// <summary>
/// Outcome of <see cref="SpoolLease.Write"/>: how many events reached the disk, how many were deleted to stay
/// within the size cap, and the I/O failure when nothing was written.
/// </summary>
internal sealed class SpoolWriteResult
{
    private SpoolWriteResult(
        bool isWritten,
        int writtenCount,
        int evictedCount,
        int invalidCount,
        string? filePath,
        Exception? failure)
    {
        IsWritten = isWritten;
        WrittenCount = writtenCount;
        EvictedCount = evictedCount;
        InvalidCount = invalidCount;
        FilePath = filePath;
        Failure = failure;
    }

    /// <summary>
    /// Whether the write succeeded, including a write of zero events. False only together with
    /// <see cref="Failure"/>, and then no new file exists.
    /// </summary>
    public bool IsWritten { get; }

    /// <summary>Number of events in the new file.</summary>
    public int WrittenCount { get; }

    /// <summary>
    /// Number of events deleted to keep the spool within its size cap: events of older files that were deleted, and
    /// older events of this write that did not fit. Events of files that the caller protected are not counted,
    /// because eviction never deletes those files.
    /// </summary>
    public int EvictedCount { get; }

    /// <summary>
    /// Number of events left out because a later load would reject them: an item over
    /// <see cref="QueuedEvent.MaxItemBytes"/>, or bytes that are not one track item object.
    /// </summary>
    public int InvalidCount { get; }

    /// <summary>Full path of the new file, or null when no file was written.</summary>
    public string? FilePath { get; }

    /// <summary>The exception that kept the events from being written, or null.</summary>
    public Exception? Failure { get; }

    public static SpoolWriteResult Written(string? filePath, int writtenCount, int evictedCount, int invalidCount) =>
        new(isWritten: true, writtenCount, evictedCount, invalidCount, filePath, failure: null);

    public static SpoolWriteResult Failed(Exception failure) =>
        new(isWritten: false, writtenCount: 0, evictedCount: 0, invalidCount: 0, filePath: null, failure);
}
