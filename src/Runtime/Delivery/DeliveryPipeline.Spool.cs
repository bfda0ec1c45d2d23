using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace Telemetry.Generators;

// The sender's use of the disk spool: reading it back at start, writing batches it cannot deliver, deleting it at
// an opt-out, and writing what is left at shutdown.
internal sealed partial class DeliveryPipeline
{
    // Reads the events that earlier runs left in the spool and puts them in front of the queue. The lock file stays
    // held until they have all been sent, spooled again or dropped, so no other client sends them meanwhile.
    private void RestoreFromSpool()
    {
        // Without a folder there is nothing to read, and the folder is created only when events are spooled.
        if (_spool is null || !Directory.Exists(_spool.DirectoryPath))
        {
            return;
        }

        SpoolLease? lease = Acquire(TimeSpan.Zero, "read the events of earlier runs");
        if (lease is null)
        {
            return;
        }

        ClearIfOptedOut(lease);

        SpoolLoadResult load = lease.Load();
        if (!load.IsAvailable)
        {
            lease.Dispose();
            WarnSpoolUnavailable(load.Failure);
            return;
        }

        _counters.AddSpoolExpired(load.ExpiredCount);
        if (load.Events.Count == 0)
        {
            lease.Delete(load.Files);
            lease.Dispose();
            return;
        }

        lock (_stateLock)
        {
            foreach (QueuedEvent queuedEvent in load.Events)
            {
                _front.AddLast(queuedEvent);
            }
        }

        _lease = lease;
        _loadedFiles = new List<string>(load.Files);
        _counters.AddRestored(load.Events.Count);
        Log(
            static (logger, state) => TelemetryLog.EventsRestored(logger, state.Count, state.Path),
            (load.Events.Count, Path: _spool.DirectoryPath));
    }

    // Deletes the files read at start and releases the lock once none of their events is waiting any more.
    private void ReleaseSpoolAfterReplay()
    {
        if (_lease is null)
        {
            return;
        }

        lock (_stateLock)
        {
            foreach (QueuedEvent queuedEvent in _front)
            {
                if (queuedEvent.Item is null)
                {
                    return;
                }
            }

            if (_carry is { Item: null })
            {
                return;
            }
        }

        _lease.Delete(_loadedFiles);
        _loadedFiles.Clear();
        _lease.Dispose();
        _lease = null;
    }

    // Writes a batch that cannot be delivered now to the spool and counts it as spooled. Returns false when there is
    // no usable spool, and the caller then drops the batch.
    private bool TrySpool(List<QueuedEvent> batch)
    {
        if (_spool is null)
        {
            return false;
        }

        bool ownsLease = _lease is null;
        SpoolLease? lease = _lease ?? Acquire(_isShuttingDown ? ShutdownLockWait : TimeSpan.Zero, "spool a batch");
        if (lease is null)
        {
            return false;
        }

        ClearIfOptedOut(lease);

        try
        {
            SpoolWriteResult written = lease.Write(batch, _loadedFiles);
            if (!written.IsWritten)
            {
                WarnSpoolUnavailable(written.Failure);
                return false;
            }

            lock (_stateLock)
            {
                if (!_abandoned)
                {
                    _inFlight = null;
                    _counters.AddSpooled(batch.Count);
                    _counters.AddSpoolEvicted(written.EvictedCount);
                }
            }

            _spooledDuringRun = true;
            NotifyObservers(batch, delivered: false);
            Log(
                static (logger, state) => TelemetryLog.EventsSpooled(logger, state.Count, state.Path),
                (batch.Count, Path: _spool.DirectoryPath));
            return true;
        }
        finally
        {
            if (ownsLease)
            {
                lease.Dispose();
            }
        }
    }

    // Drops the sender's own events and deletes the spool after an opt-out.
    private void HandleOptOut()
    {
        int generation = Volatile.Read(ref _optOutGeneration);
        if (generation != _seenOptOutGeneration)
        {
            // DropForOptOut has dropped the events already, so what is left here is the spool on disk.
            _seenOptOutGeneration = generation;
            _spoolClearPending = _spool is not null;
            _spoolClearAttempted = false;
        }

        if (!_spoolClearPending)
        {
            return;
        }

        if (_lease is null && !Directory.Exists(_spool!.DirectoryPath))
        {
            _spoolClearPending = false;
            return;
        }

        // When another client holds the lock, the deletion is tried again at every later cycle and before the
        // spool is read or written, so no event captured before the opt-out is sent after it.
        SpoolLease? lease = _lease;
        if (lease is null && !_spoolClearAttempted)
        {
            _spoolClearAttempted = true;
            lease = Acquire(TimeSpan.Zero, "delete the spooled events after the opt-out");
        }
        else if (lease is null)
        {
            // Later attempts stay quiet, because the first one has logged that the lock is taken.
            lease = _spool!.TryAcquire(TimeSpan.Zero, out _, out _);
        }

        if (lease is null)
        {
            return;
        }

        ClearIfOptedOut(lease);
        lease.Dispose();
        _lease = null;
    }

    // Deletes the spool files when an opt-out is still waiting for the lock, before the lease reads or writes.
    private void ClearIfOptedOut(SpoolLease lease)
    {
        if (!_spoolClearPending)
        {
            return;
        }

        lease.Clear();
        _loadedFiles.Clear();
        _spoolClearPending = false;
    }

    // Runs when the sender stops: spools or drops what shutdown did not send, completes the flushes and releases
    // the lock file.
    private void FinishShutdown()
    {
        // An opt-out that is still waiting for the spool lock gets one more try before the sender stops.
        HandleOptOut();

        var leftovers = new List<QueuedEvent>();
        lock (_stateLock)
        {
            if (_abandoned)
            {
                _lease?.Dispose();
                _lease = null;
                return;
            }

            TakeSenderEvents(leftovers);
        }

        (_, List<FlushMarker> markers) = DrainQueue(leftovers);
        SpoolLease? lease = _lease;
        _lease = null;
        PersistLeftovers(leftovers, lease, ShutdownLockWait);
        lease?.Dispose();
        CompleteMarkers(markers);
        CompleteHeldMarkers();
        _shutdownTimer?.Dispose();
    }

    // Spools the events that shutdown could not deliver, or drops and counts them when there is no usable spool.
    // Events read back from the spool stay in their files when the write fails, so they are counted as spooled.
    private void PersistLeftovers(List<QueuedEvent> leftovers, SpoolLease? leaseToUse, TimeSpan lockWait)
    {
        if (leftovers.Count == 0)
        {
            if (leaseToUse is not null && _loadedFiles.Count > 0)
            {
                leaseToUse.Delete(_loadedFiles);
                _loadedFiles.Clear();
            }

            return;
        }

        bool spooled = false;
        if (_spool is not null)
        {
            SpoolLease? lease = leaseToUse ?? Acquire(lockWait, "spool the events left at shutdown");
            if (lease is not null)
            {
                ClearIfOptedOut(lease);
                SpoolWriteResult written = lease.Write(leftovers, _loadedFiles);
                spooled = written.IsWritten;
                if (spooled)
                {
                    _counters.AddSpoolEvicted(written.EvictedCount);
                    if (_loadedFiles.Count > 0)
                    {
                        lease.Delete(_loadedFiles);
                        _loadedFiles.Clear();
                    }
                }
                else
                {
                    WarnSpoolUnavailable(written.Failure);
                }

                if (leaseToUse is null)
                {
                    lease.Dispose();
                }
            }
        }

        int droppedCount = 0;
        foreach (QueuedEvent queuedEvent in leftovers)
        {
            queuedEvent.DeliveryObserver?.TrySetResult(false);
            if (!spooled && queuedEvent.Item is not null)
            {
                droppedCount++;
            }
        }

        _counters.AddSpooled(leftovers.Count - droppedCount);
        _counters.AddDropped(TelemetryDropReason.ShutdownTimedOut, droppedCount);
        if (spooled)
        {
            // Spooling at exit is the expected path while offline, so it is not a warning.
            Log(
                static (logger, state) => TelemetryLog.EventsSpooled(logger, state.Count, state.Path),
                (leftovers.Count, Path: _spool!.DirectoryPath));
        }
        else if (droppedCount > 0)
        {
            Log(
                static (logger, state) =>
                    TelemetryLog.ShutdownTimedOut(logger, state.Timeout.TotalMilliseconds, state.Count),
                (Timeout: _settings.ShutdownTimeout, Count: droppedCount));
        }
    }

    private SpoolLease? Acquire(TimeSpan wait, string action)
    {
        SpoolLease? lease = _spool!.TryAcquire(wait, out bool busy, out Exception? failure);
        if (lease is not null)
        {
            return lease;
        }

        if (busy)
        {
            Log(
                static (logger, state) => TelemetryLog.SpoolBusy(logger, state.Path, state.Action),
                (Path: _spool.DirectoryPath, Action: action));
        }
        else
        {
            WarnSpoolUnavailable(failure);
        }

        return null;
    }

    private void WarnSpoolUnavailable(Exception? failure)
    {
        if (Interlocked.Exchange(ref _spoolWarningLogged, 1) != 0)
        {
            return;
        }

        Log(
            static (logger, state) => TelemetryLog.SpoolUnavailable(logger, state.Path, state.Failure),
            (Path: _spool!.DirectoryPath, Failure: failure));
    }
}
