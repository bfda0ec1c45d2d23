using System;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators;

// Log messages of the disk spool, with event ids 40 to 49.
internal static partial class TelemetryLog
{
    [LoggerMessage(
        EventId = 40,
        EventName = "SpoolFileQuarantined",
        Level = LogLevel.Warning,
        Message = "The spool file {FilePath} was invalid, so it was moved to {QuarantinePath} and its events were not "
            + "loaded. {Problem}")]
    internal static partial void SpoolFileQuarantined(
        ILogger logger,
        string filePath,
        string quarantinePath,
        string problem);

    [LoggerMessage(
        EventId = 41,
        EventName = "SpoolQuarantineFailed",
        Level = LogLevel.Warning,
        Message = "The spool file {FilePath} was invalid and could not be moved to the quarantine folder, so it was "
            + "skipped until the next load. {Problem}")]
    internal static partial void SpoolQuarantineFailed(
        ILogger logger,
        string filePath,
        string problem,
        Exception exception);

    [LoggerMessage(
        EventId = 42,
        EventName = "SpoolFileUnreadable",
        Level = LogLevel.Warning,
        Message = "The spool file {FilePath} could not be read, so its events were skipped until the next load.")]
    internal static partial void SpoolFileUnreadable(ILogger logger, string filePath, Exception exception);

    [LoggerMessage(
        EventId = 43,
        EventName = "SpoolDeleteFailed",
        Level = LogLevel.Warning,
        Message = "{FailedCount} files could not be deleted from the spool folder {DirectoryPath}, so they stay until "
            + "a later call deletes them.")]
    internal static partial void SpoolDeleteFailed(
        ILogger logger,
        int failedCount,
        string directoryPath,
        Exception exception);

    [LoggerMessage(
        EventId = 44,
        EventName = "SpoolFolderUnreadable",
        Level = LogLevel.Warning,
        Message = "The folder {DirectoryPath} could not be listed, so its files were not deleted.")]
    internal static partial void SpoolFolderUnreadable(ILogger logger, string directoryPath, Exception exception);

    [LoggerMessage(
        EventId = 45,
        EventName = "SpoolLeaseDisposed",
        Level = LogLevel.Warning,
        Message = "The lease on the spool folder {DirectoryPath} was used after it was disposed, so no file was "
            + "deleted.")]
    internal static partial void SpoolLeaseDisposed(ILogger logger, string directoryPath);

    [LoggerMessage(
        EventId = 46,
        EventName = "SpoolEntryNotRegularFile",
        Level = LogLevel.Warning,
        Message = "The spool folder entry {FilePath} is empty or is not a regular file, such as a FIFO or a device "
            + "whose read could block, so it was skipped and left in place. Move or delete it to stop this warning.")]
    internal static partial void SpoolEntryNotRegularFile(ILogger logger, string filePath);
}
