using System;
using System.Collections.Generic;

namespace Telemetry.Generators;

/// <summary>
/// Outcome of <see cref="SpoolLease.Load"/>: the events read from the spool folder and the files they came from, or
/// the I/O failure that kept the folder from being read.
/// </summary>
internal sealed class SpoolLoadResult
{
    private SpoolLoadResult(
        bool isAvailable,
        IReadOnlyList<QueuedEvent> events,
        IReadOnlyList<string> files,
        int expiredCount,
        int quarantinedFileCount,
        Exception? failure)
    {
        IsAvailable = isAvailable;
        Events = events;
        Files = files;
        ExpiredCount = expiredCount;
        QuarantinedFileCount = quarantinedFileCount;
        Failure = failure;
    }

    /// <summary>Whether the folder could be read. False only together with <see cref="Failure"/>.</summary>
    public bool IsAvailable { get; }

    /// <summary>
    /// Events to send, oldest file first and in file order within a file. Each has a null
    /// <see cref="QueuedEvent.Item"/> and the original bytes of its item in <see cref="QueuedEvent.Json"/>.
    /// </summary>
    public IReadOnlyList<QueuedEvent> Events { get; }

    /// <summary>
    /// Full paths of the files that contain <see cref="Events"/>, for <see cref="SpoolLease.Delete"/> once the events
    /// were sent.
    /// </summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Number of events dropped because they were older than the spool's maximum age.</summary>
    public int ExpiredCount { get; }

    /// <summary>Number of invalid files moved to the quarantine folder.</summary>
    public int QuarantinedFileCount { get; }

    /// <summary>The exception that kept the folder from being read, or null.</summary>
    public Exception? Failure { get; }

    public static SpoolLoadResult Loaded(
        IReadOnlyList<QueuedEvent> events,
        IReadOnlyList<string> files,
        int expiredCount,
        int quarantinedFileCount) =>
        new(isAvailable: true, events, files, expiredCount, quarantinedFileCount, failure: null);

    public static SpoolLoadResult Unavailable(Exception failure) =>
        new(
            isAvailable: false,
            Array.Empty<QueuedEvent>(),
            Array.Empty<string>(),
            expiredCount: 0,
            quarantinedFileCount: 0,
            failure);
}
