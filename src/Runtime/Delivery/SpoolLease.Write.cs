using System;
using System.Collections.Generic;
using System.IO;

namespace Telemetry.Generators;

// Writing a spool file: choosing the events that fit within the size cap, naming the file, writing it atomically,
// and evicting the oldest files to make room.
internal sealed partial class SpoolLease
{
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
}
