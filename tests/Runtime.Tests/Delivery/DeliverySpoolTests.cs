using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

public sealed class DeliverySpoolTests : IDisposable
{
    private const int QuarantinedEventId = 40;
    private const int QuarantineFailedEventId = 41;
    private const int UnreadableEventId = 42;
    private const int DeleteFailedEventId = 43;
    private const int LeaseDisposedEventId = 45;
    private const int NotRegularFileEventId = 46;

    // Time after which a load that blocks on a FIFO fails the test instead of hanging it.
    private static readonly TimeSpan BlockingGuard = TimeSpan.FromSeconds(10);

    private const string ValidItem =
        "{\"type\":\"track\",\"messageId\":\"m-1\",\"event\":\"E\",\"timestamp\":\"2024-03-10T11:00:00.000Z\"}";

    private readonly SpoolTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void WriteThenLoad_KeepsBytesIdsAndTimestamps()
    {
        QueuedEvent training = QueuedEvent.Create(SampleItems.CreateTrainingStarted());
        var localTime = new DateTimeOffset(2024, 3, 10, 9, 30, 15, 5, TimeSpan.FromHours(2));
        QueuedEvent simple = SpoolTestFolder.CreateEvent(2, localTime);
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());

        SpoolWriteResult write = lease.Write(new[] { training, simple });
        SpoolLoadResult load = lease.Load();

        Assert.True(write.IsWritten);
        Assert.Equal(2, write.WrittenCount);
        Assert.True(load.IsAvailable);
        Assert.Equal(new[] { write.FilePath! }, load.Files);
        Assert.Equal(2, load.Events.Count);
        Assert.Equal(training.Json, load.Events[0].Json);
        Assert.Equal(simple.Json, load.Events[1].Json);
        Assert.Equal("00000000-0000-0000-0000-000000000001", load.Events[0].MessageId);
        Assert.Equal("00000000-0000-0000-0000-000000000002", load.Events[1].MessageId);
        Assert.Equal("Training Started", load.Events[0].EventName);
        Assert.Equal("Event 2", load.Events[1].EventName);
        Assert.Equal(SampleItems.TrackedAt, load.Events[0].Timestamp);
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 7, 30, 15, 5, TimeSpan.Zero), load.Events[1].Timestamp);
        Assert.Null(load.Events[0].Item);
        Assert.Null(load.Events[1].Item);
        Assert.Equal(0, load.ExpiredCount);
        Assert.Equal(0, load.QuarantinedFileCount);
        Assert.Null(load.Failure);
    }

    [Fact]
    public void Write_OneEvent_WritesExactContent()
    {
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());

        SpoolWriteResult result = lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });

        Assert.True(result.IsWritten);
        Assert.Equal(1, result.WrittenCount);
        Assert.Equal(0, result.EvictedCount);
        Assert.Equal(0, result.InvalidCount);
        Assert.Null(result.Failure);
        string fileName = Path.GetFileName(result.FilePath!);
        Assert.Equal(Path.Combine(_folder.SpoolPath, fileName), result.FilePath);
        Assert.Matches("^events-20240310T120000000Z-[0-9a-f]{8}-1\\.json$", fileName);
        Assert.Equal(
            "{\"version\":1,\"events\":[{\"type\":\"track\",\"messageId\":\"00000000-0000-0000-0000-000000000001\","
            + "\"anonymousId\":\"anon-1\",\"event\":\"Event 1\",\"properties\":{\"text\":\"a\"},\"context\":{},"
            + "\"timestamp\":\"2024-03-09T14:05:07.250Z\"}]}",
            File.ReadAllText(result.FilePath!));
        Assert.Equal(new[] { fileName, "spool.lock" }, SpoolTestFolder.ListFileNames(_folder.SpoolPath));
    }

    [Fact]
    public void Load_SameMillisecondWrites_KeepOrder()
    {
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        SpoolWriteResult first = lease.Write(new[] { SpoolTestFolder.CreateEvent(1), SpoolTestFolder.CreateEvent(2) });
        SpoolWriteResult second = lease.Write(new[] { SpoolTestFolder.CreateEvent(3) });

        SpoolLoadResult load = lease.Load();

        Assert.StartsWith("events-20240310T120000000Z-", Path.GetFileName(first.FilePath));
        Assert.StartsWith("events-20240310T120000001Z-", Path.GetFileName(second.FilePath));
        Assert.Equal(new[] { first.FilePath!, second.FilePath! }, load.Files);
        Assert.Equal(new[] { "Event 1", "Event 2", "Event 3" }, load.Events.Select(item => item.EventName));
    }

    [Fact]
    public void Write_ClockGoesBack_NameSortsLast()
    {
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        SpoolWriteResult first = lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });
        _folder.Clock.SetUtcNow(SpoolTestFolder.Now.AddHours(-1));
        SpoolWriteResult second = lease.Write(new[] { SpoolTestFolder.CreateEvent(2) });

        SpoolLoadResult load = lease.Load();

        Assert.StartsWith("events-20240310T120000001Z-", Path.GetFileName(second.FilePath));
        Assert.Equal(new[] { first.FilePath!, second.FilePath! }, load.Files);
    }

    [Fact]
    public void Load_DeletesLeftoverTemporaryFiles()
    {
        string spoolTemporary = _folder.WriteRawFile(
            SpoolTestFolder.FileName("20240310T110000000Z", 1) + ".tmp",
            "{\"version\":1,\"events\":[");
        string otherTemporary = _folder.WriteRawFile("other.tmp", "x");
        string unrelated = _folder.WriteRawFile("notes.txt", "kept");
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());

        SpoolLoadResult load = lease.Load();

        Assert.True(load.IsAvailable);
        Assert.Empty(load.Events);
        Assert.Empty(load.Files);
        Assert.False(File.Exists(spoolTemporary));
        Assert.False(File.Exists(otherTemporary));
        Assert.Equal("kept", File.ReadAllText(unrelated));
        Assert.Empty(_folder.Logger.Entries);
    }

    [Theory]
    [InlineData("[1,2]", "The file is not a JSON object.")]
    [InlineData("{\"version\":1,\"events\":{}}", "The \"events\" member of the file is not an array.")]
    [InlineData("{\"version\":\"1\",\"events\":[]}", "The \"version\" member of the file is not a whole number.")]
    [InlineData("{\"events\":[]}", "The file has no \"version\" member.")]
    [InlineData("{\"version\":1}", "The file has no \"events\" member.")]
    [InlineData(
        "{\"version\":1,\"events\":[],\"sentAt\":0}",
        "The file has the member \"sentAt\", but a spool file has only \"version\" and \"events\".")]
    [InlineData(
        "{\"version\":2,\"events\":[1],\"sentAt\":0}",
        "The file has version 2, but this library reads only version 1.")]
    [InlineData(
        "{\"version\":1,\"events\":[" + ValidItem + ",5]}",
        "Event 2 of the file is not a JSON object.")]
    [InlineData(
        "{\"version\":1,\"events\":[{\"type\":\"track\",\"event\":\"E\",\"timestamp\":\"2024-03-10T11:00:00.000Z\"}]}",
        "Event 1 of the file is invalid because it has no \"messageId\" string.")]
    [InlineData(
        "{\"version\":1,\"events\":[{\"type\":\"track\",\"messageId\":7,\"event\":\"E\","
            + "\"timestamp\":\"2024-03-10T11:00:00.000Z\"}]}",
        "Event 1 of the file is invalid because it has no \"messageId\" string.")]
    [InlineData(
        "{\"version\":1,\"events\":[{\"type\":\"track\",\"messageId\":\"m-1\","
            + "\"timestamp\":\"2024-03-10T11:00:00.000Z\"}]}",
        "Event 1 of the file is invalid because it has no \"event\" string.")]
    [InlineData(
        "{\"version\":1,\"events\":[{\"type\":\"identify\",\"messageId\":\"m-1\",\"event\":\"E\","
            + "\"timestamp\":\"2024-03-10T11:00:00.000Z\"}]}",
        "Event 1 of the file is invalid because its \"type\" is not \"track\".")]
    [InlineData(
        "{\"version\":1,\"events\":[{\"type\":\"track\",\"messageId\":\"m-1\",\"event\":\"E\","
            + "\"timestamp\":\"2024-03-10 11:00\"}]}",
        "Event 1 of the file is invalid because its \"timestamp\" is not a UTC time such as "
            + "\"2026-12-04T10:15:00.123Z\".")]
    public void Load_InvalidFile_QuarantinedWithReason(string content, string problem)
    {
        AssertQuarantined(Encoding.UTF8.GetBytes(content), problem, exactProblem: true);
    }

    [Fact]
    public void Load_GarbageBytes_Quarantined()
    {
        byte[] garbage = { 0x00, 0xFF, 0x13, 0x37, (byte)'{', 0xC3 };

        AssertQuarantined(garbage, "The file is not valid JSON.", exactProblem: false);
    }

    [Fact]
    public void Load_TruncatedFile_Quarantined()
    {
        AssertQuarantined(
            Encoding.UTF8.GetBytes("{\"version\":1,\"events\":[" + ValidItem),
            "The file is not valid JSON.",
            exactProblem: false);
    }

    [Fact]
    public void Load_OversizeItem_Quarantined()
    {
        QueuedEvent large = SpoolTestFolder.CreateEvent(9, text: new string('x', 32_000));
        Assert.True(large.Size > QueuedEvent.MaxItemBytes);
        string content = "{\"version\":1,\"events\":[" + Encoding.UTF8.GetString(large.Json) + "]}";

        AssertQuarantined(
            Encoding.UTF8.GetBytes(content),
            $"Event 1 of the file is invalid because it has {large.Size} bytes, more than the 32000 that Segment "
                + "accepts for one item.",
            exactProblem: true);
    }

    [Fact]
    public void Load_FileOverSizeCap_Quarantined()
    {
        QueuedEvent large = SpoolTestFolder.CreateEvent(9, text: new string('x', 10_000));
        string content = "{\"version\":1,\"events\":[" + Encoding.UTF8.GetString(large.Json) + "]}";

        AssertQuarantined(
            Encoding.UTF8.GetBytes(content),
            $"The file has {content.Length} bytes, more than the spool's size cap of 10000 bytes.",
            exactProblem: true,
            maxBytes: 10_000);
    }

    [Fact]
    public void Load_QuarantineKeepsNewest20Files()
    {
        var names = new List<string>();
        for (int index = 0; index < 22; index++)
        {
            string name = SpoolTestFolder.FileName($"20240310T1100{index:00}000Z", 1);
            names.Add(name);
            _folder.WriteRawFile(name, "not json");
        }

        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());

        SpoolLoadResult load = lease.Load();

        Assert.True(load.IsAvailable);
        Assert.Equal(22, load.QuarantinedFileCount);
        Assert.Equal(22, _folder.Logger.WithEventId(QuarantinedEventId).Count);
        Assert.Equal(names.Skip(2), SpoolTestFolder.ListFileNames(_folder.QuarantinePath));
        Assert.Equal(new[] { "spool.lock" }, SpoolTestFolder.ListFileNames(_folder.SpoolPath));
    }

    [Fact]
    public void Load_QuarantineNameTaken_MovesToUniqueName()
    {
        string name = SpoolTestFolder.FileName("20240310T110000000Z", 1);
        Directory.CreateDirectory(_folder.QuarantinePath);
        File.WriteAllText(Path.Combine(_folder.QuarantinePath, name), "earlier");
        _folder.WriteRawFile(name, "later");
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());

        SpoolLoadResult load = lease.Load();

        Assert.Equal(1, load.QuarantinedFileCount);
        List<string> quarantined = SpoolTestFolder.ListFileNames(_folder.QuarantinePath);
        Assert.Equal(2, quarantined.Count);
        Assert.Contains(name, quarantined);
        string renamed = Assert.Single(quarantined, candidate => candidate != name);
        Assert.Matches("^events-20240310T110000000Z-0000000a-1-[0-9a-f]{8}\\.json$", renamed);
        Assert.Equal("earlier", File.ReadAllText(Path.Combine(_folder.QuarantinePath, name)));
        Assert.Equal("later", File.ReadAllText(Path.Combine(_folder.QuarantinePath, renamed)));
    }

    [Fact]
    public void Load_QuarantineBlocked_SkipsFileAndLogs()
    {
        Directory.CreateDirectory(_folder.SpoolPath);
        File.WriteAllText(_folder.QuarantinePath, "a file where the quarantine folder belongs");
        string path = _folder.WriteRawFile(SpoolTestFolder.FileName("20240310T110000000Z", 1), "not json");
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());

        SpoolLoadResult load = lease.Load();

        Assert.True(load.IsAvailable);
        Assert.Equal(0, load.QuarantinedFileCount);
        Assert.Empty(load.Events);
        Assert.Empty(load.Files);
        Assert.Equal("not json", File.ReadAllText(path));
        LogEntry warning = Assert.Single(_folder.Logger.Entries);
        Assert.Equal(QuarantineFailedEventId, warning.EventId.Id);
        Assert.StartsWith(
            $"The spool file {path} was invalid and could not be moved to the quarantine folder, so it was skipped "
                + "until the next load. The file is not valid JSON.",
            warning.Message);
        Assert.IsAssignableFrom<IOException>(warning.Exception);
    }

    [Fact]
    public void Load_UnreadableFile_SkipsFileAndLogs()
    {
        if (OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess)
        {
            // Windows has no Unix file modes, and root reads files whatever their mode.
            return;
        }

        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        SpoolWriteResult readable = lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });
        SpoolWriteResult unreadable = lease.Write(new[] { SpoolTestFolder.CreateEvent(2) });
        File.SetUnixFileMode(unreadable.FilePath!, UnixFileMode.None);

        SpoolLoadResult load = lease.Load();

        Assert.True(load.IsAvailable);
        Assert.Equal(new[] { readable.FilePath! }, load.Files);
        Assert.Equal(new[] { "Event 1" }, load.Events.Select(item => item.EventName));
        Assert.True(File.Exists(unreadable.FilePath));
        LogEntry warning = Assert.Single(_folder.Logger.Entries);
        Assert.Equal(UnreadableEventId, warning.EventId.Id);
        Assert.Equal(
            $"The spool file {unreadable.FilePath} could not be read, so its events were skipped until the next load.",
            warning.Message);
        Assert.IsType<UnauthorizedAccessException>(warning.Exception);
    }

    [Fact]
    public async Task Load_Fifo_SkippedWithoutBlocking()
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows has no FIFOs in the file system.
            return;
        }

        SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        SpoolWriteResult valid = lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });
        string fifoPath = Path.Combine(_folder.SpoolPath, SpoolTestFolder.FileName("20240310T130000000Z", 1));
        if (!SpoolTestFolder.TryCreateFifo(fifoPath))
        {
            lease.Dispose();
            return;
        }

        // A load that opens the FIFO blocks until a writer opens it. The lease then stays undisposed, because
        // Dispose would wait for the blocked load.
        SpoolLoadResult load = await Task.Run(lease.Load).WaitAsync(BlockingGuard);
        lease.Dispose();

        Assert.True(load.IsAvailable);
        Assert.Equal(new[] { "Event 1" }, load.Events.Select(item => item.EventName));
        Assert.Equal(new[] { valid.FilePath! }, load.Files);
        Assert.Equal(0, load.QuarantinedFileCount);
        Assert.True(File.Exists(fifoPath));
        Assert.False(Directory.Exists(_folder.QuarantinePath));
        LogEntry warning = Assert.Single(_folder.Logger.Entries);
        Assert.Equal(NotRegularFileEventId, warning.EventId.Id);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(
            $"The spool folder entry {fifoPath} is empty or is not a regular file, such as a FIFO or a device whose "
                + "read could block, so it was skipped and left in place. Move or delete it to stop this warning.",
            warning.Message);
    }

    [Fact]
    public async Task Load_SymbolicLinkToFifo_SkippedWithoutBlocking()
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows has no FIFOs in the file system.
            return;
        }

        string fifoPath = Path.Combine(_folder.RootPath, "fifo");
        if (!SpoolTestFolder.TryCreateFifo(fifoPath))
        {
            return;
        }

        SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        string linkPath = Path.Combine(_folder.SpoolPath, SpoolTestFolder.FileName("20240310T130000000Z", 1));
        File.CreateSymbolicLink(linkPath, fifoPath);

        SpoolLoadResult load = await Task.Run(lease.Load).WaitAsync(BlockingGuard);
        lease.Dispose();

        Assert.True(load.IsAvailable);
        Assert.Empty(load.Events);
        Assert.Empty(load.Files);
        Assert.Equal(0, load.QuarantinedFileCount);
        Assert.NotNull(new FileInfo(linkPath).LinkTarget);
        LogEntry warning = Assert.Single(_folder.Logger.Entries);
        Assert.Equal(NotRegularFileEventId, warning.EventId.Id);
    }

    [Fact]
    public async Task OpenForReading_Fifo_ReturnsNullWithoutBlocking()
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows has no FIFOs in the file system.
            return;
        }

        string fifoPath = Path.Combine(_folder.RootPath, "fifo");
        if (!SpoolTestFolder.TryCreateFifo(fifoPath))
        {
            return;
        }

        FileStream? stream = await Task.Run(() => DeliverySpool.OpenForReading(fifoPath)).WaitAsync(BlockingGuard);

        Assert.Null(stream);
    }

    [Fact]
    public void Load_EmptyFile_SkippedAndLeftInPlace()
    {
        string path = _folder.WriteRawFile(SpoolTestFolder.FileName("20240310T130000000Z", 1), Array.Empty<byte>());
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());

        SpoolLoadResult load = lease.Load();

        Assert.True(load.IsAvailable);
        Assert.Empty(load.Events);
        Assert.Empty(load.Files);
        Assert.Equal(0, load.QuarantinedFileCount);
        Assert.True(File.Exists(path));
        LogEntry warning = Assert.Single(_folder.Logger.Entries);
        Assert.Equal(NotRegularFileEventId, warning.EventId.Id);
    }

    [Fact]
    public void Clear_Fifo_LeftInPlace()
    {
        if (OperatingSystem.IsWindows())
        {
            // Windows has no FIFOs in the file system.
            return;
        }

        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });
        string fifoName = SpoolTestFolder.FileName("20240310T130000000Z", 4);
        if (!SpoolTestFolder.TryCreateFifo(Path.Combine(_folder.SpoolPath, fifoName)))
        {
            return;
        }

        int deletedCount = lease.Clear();

        Assert.Equal(1, deletedCount);
        Assert.Equal(new[] { fifoName, "spool.lock" }, SpoolTestFolder.ListFileNames(_folder.SpoolPath));
        Assert.Empty(_folder.Logger.Entries);
    }

    [Fact]
    public void Load_DropsAndCountsExpiredEvents()
    {
        DateTimeOffset oldestAllowed = SpoolTestFolder.Now - SpoolTestFolder.MaxAge;
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        SpoolWriteResult expired = lease.Write(new[]
        {
            SpoolTestFolder.CreateEvent(1, oldestAllowed.AddDays(-1)),
            SpoolTestFolder.CreateEvent(2, oldestAllowed.AddMilliseconds(-1)),
        });
        SpoolWriteResult mixed = lease.Write(new[]
        {
            SpoolTestFolder.CreateEvent(3, oldestAllowed.AddMilliseconds(-1)),
            SpoolTestFolder.CreateEvent(4, oldestAllowed),
            SpoolTestFolder.CreateEvent(5, SpoolTestFolder.Now),
        });

        SpoolLoadResult load = lease.Load();

        Assert.True(load.IsAvailable);
        Assert.Equal(3, load.ExpiredCount);
        Assert.Equal(new[] { "Event 4", "Event 5" }, load.Events.Select(item => item.EventName));
        Assert.Equal(new[] { mixed.FilePath! }, load.Files);
        Assert.False(File.Exists(expired.FilePath));
        Assert.True(File.Exists(mixed.FilePath));
    }

    [Fact]
    public void Load_LaterClock_ExpiresEventsLoadedEarlier()
    {
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        SpoolWriteResult write = lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });
        Assert.Single(lease.Load().Events);
        _folder.Clock.SetUtcNow(SampleItems.TrackedAt + SpoolTestFolder.MaxAge + TimeSpan.FromMilliseconds(1));

        SpoolLoadResult load = lease.Load();

        Assert.Empty(load.Events);
        Assert.Equal(1, load.ExpiredCount);
        Assert.False(File.Exists(write.FilePath));
    }

    [Fact]
    public void Write_OverSizeCap_EvictsOldestFiles()
    {
        QueuedEvent[] oldest = { SpoolTestFolder.CreateEvent(1), SpoolTestFolder.CreateEvent(2) };
        QueuedEvent[] middle = { SpoolTestFolder.CreateEvent(3) };
        QueuedEvent[] newest = { SpoolTestFolder.CreateEvent(4) };
        long cap = SpoolFileFormat.MeasureFile(oldest, 0)
            + SpoolFileFormat.MeasureFile(middle, 0)
            + SpoolFileFormat.MeasureFile(newest, 0)
            - 1;
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool(cap));
        SpoolWriteResult first = lease.Write(oldest);
        SpoolWriteResult second = lease.Write(middle);

        SpoolWriteResult third = lease.Write(newest);

        Assert.Equal(0, first.EvictedCount);
        Assert.Equal(0, second.EvictedCount);
        Assert.True(third.IsWritten);
        Assert.Equal(1, third.WrittenCount);
        Assert.Equal(2, third.EvictedCount);
        Assert.False(File.Exists(first.FilePath));
        Assert.True(File.Exists(second.FilePath));
        Assert.True(File.Exists(third.FilePath));
        Assert.Equal(new[] { "Event 3", "Event 4" }, lease.Load().Events.Select(item => item.EventName));
    }

    [Fact]
    public void Write_OverSizeCap_KeepsProtectedLoadedFile()
    {
        QueuedEvent[] loaded = { SpoolTestFolder.CreateEvent(1), SpoolTestFolder.CreateEvent(2) };
        QueuedEvent[] newest = { SpoolTestFolder.CreateEvent(3) };
        long cap = SpoolFileFormat.MeasureFile(loaded, 0) + SpoolFileFormat.MeasureFile(newest, 0) - 1;
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool(cap));
        SpoolWriteResult first = lease.Write(loaded);
        SpoolLoadResult load = lease.Load();
        Assert.Equal(new[] { first.FilePath! }, load.Files);

        SpoolWriteResult second = lease.Write(newest, load.Files);

        Assert.True(second.IsWritten);
        Assert.Equal(1, second.WrittenCount);
        Assert.Equal(0, second.EvictedCount);
        Assert.True(File.Exists(first.FilePath));
        Assert.True(File.Exists(second.FilePath));
        Assert.Empty(_folder.Logger.Entries);
    }

    [Fact]
    public void Write_OverSizeCap_EvictsUnprotectedFileOnly()
    {
        QueuedEvent[] oldest = { SpoolTestFolder.CreateEvent(1) };
        QueuedEvent[] loaded = { SpoolTestFolder.CreateEvent(2) };
        QueuedEvent[] newest = { SpoolTestFolder.CreateEvent(3), SpoolTestFolder.CreateEvent(4) };
        long cap = SpoolFileFormat.MeasureFile(oldest, 0) + SpoolFileFormat.MeasureFile(loaded, 0);
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool(cap));
        SpoolWriteResult first = lease.Write(oldest);
        SpoolWriteResult second = lease.Write(loaded);
        Assert.Equal(0, second.EvictedCount);
        var protectedFiles = new List<string> { second.FilePath! };

        SpoolWriteResult third = lease.Write(newest, protectedFiles);

        Assert.True(third.IsWritten);
        Assert.Equal(2, third.WrittenCount);
        Assert.Equal(1, third.EvictedCount);
        Assert.False(File.Exists(first.FilePath));
        Assert.True(File.Exists(second.FilePath));
        Assert.True(File.Exists(third.FilePath));
        Assert.Equal(
            new[] { "Event 2", "Event 3", "Event 4" },
            lease.Load().Events.Select(item => item.EventName));
    }

    [Fact]
    public void Write_TooManyEvents_KeepsNewest()
    {
        QueuedEvent[] events =
        {
            SpoolTestFolder.CreateEvent(1),
            SpoolTestFolder.CreateEvent(2),
            SpoolTestFolder.CreateEvent(3),
        };
        long cap = SpoolFileFormat.MeasureFile(events, 1);
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool(cap));

        SpoolWriteResult result = lease.Write(events);

        Assert.True(result.IsWritten);
        Assert.Equal(2, result.WrittenCount);
        Assert.Equal(1, result.EvictedCount);
        Assert.EndsWith("-2.json", result.FilePath);
        Assert.Equal(cap, new FileInfo(result.FilePath!).Length);
        Assert.Equal(new[] { "Event 2", "Event 3" }, lease.Load().Events.Select(item => item.EventName));
    }

    [Fact]
    public void Write_NoEventFitsSizeCap_WritesNothing()
    {
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool(maxBytes: 40));

        SpoolWriteResult result = lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });

        Assert.True(result.IsWritten);
        Assert.Equal(0, result.WrittenCount);
        Assert.Equal(1, result.EvictedCount);
        Assert.Null(result.FilePath);
        Assert.Equal(new[] { "spool.lock" }, SpoolTestFolder.ListFileNames(_folder.SpoolPath));
    }

    [Fact]
    public void Write_EmptyList_WritesNothing()
    {
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());

        SpoolWriteResult result = lease.Write(Array.Empty<QueuedEvent>());

        Assert.True(result.IsWritten);
        Assert.Equal(0, result.WrittenCount);
        Assert.Equal(0, result.EvictedCount);
        Assert.Equal(0, result.InvalidCount);
        Assert.Null(result.FilePath);
        Assert.Null(result.Failure);
        Assert.Equal(new[] { "spool.lock" }, SpoolTestFolder.ListFileNames(_folder.SpoolPath));
    }

    [Fact]
    public void Write_LeavesOutEventsThatLoadRejects()
    {
        QueuedEvent oversize = SpoolTestFolder.CreateEvent(1, text: new string('x', 32_000));
        byte[] truncated = Encoding.UTF8.GetBytes("{\"type\":");
        var notJson = new QueuedEvent("m-2", "E", SampleItems.TrackedAt, truncated, item: null);
        QueuedEvent valid = SpoolTestFolder.CreateEvent(3);
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());

        SpoolWriteResult result = lease.Write(new[] { oversize, notJson, valid });

        Assert.True(result.IsWritten);
        Assert.Equal(1, result.WrittenCount);
        Assert.Equal(2, result.InvalidCount);
        Assert.Equal(0, result.EvictedCount);
        Assert.EndsWith("-1.json", result.FilePath);
        Assert.Equal(new[] { "Event 3" }, lease.Load().Events.Select(item => item.EventName));
    }

    [Fact]
    public void Write_FolderDeleted_ReturnsFailureWithoutFile()
    {
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        Directory.Delete(_folder.SpoolPath, recursive: true);

        SpoolWriteResult result = lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });

        Assert.False(result.IsWritten);
        Assert.IsType<DirectoryNotFoundException>(result.Failure);
        Assert.Equal(0, result.WrittenCount);
        Assert.Null(result.FilePath);
        Assert.False(Directory.Exists(_folder.SpoolPath));
    }

    [Fact]
    public void Load_FolderDeleted_IsUnavailable()
    {
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        Directory.Delete(_folder.SpoolPath, recursive: true);

        SpoolLoadResult result = lease.Load();

        Assert.False(result.IsAvailable);
        Assert.IsType<DirectoryNotFoundException>(result.Failure);
        Assert.Empty(result.Events);
        Assert.Empty(result.Files);
    }

    [Fact]
    public void TryAcquire_SecondSpoolBusyUntilRelease()
    {
        DeliverySpool firstSpool = _folder.CreateSpool();
        DeliverySpool secondSpool = _folder.CreateSpool();
        SpoolLease firstLease = _folder.Acquire(firstSpool);

        SpoolLease? blocked = secondSpool.TryAcquire(TimeSpan.Zero, out bool busy, out Exception? failure);

        Assert.Null(blocked);
        Assert.True(busy);
        Assert.Null(failure);

        firstLease.Dispose();
        using SpoolLease secondLease = _folder.Acquire(secondSpool);
        Assert.Equal(_folder.SpoolPath, secondLease.DirectoryPath);
        Assert.True(File.Exists(Path.Combine(_folder.SpoolPath, "spool.lock")));
    }

    [Fact]
    public void TryAcquire_WaitsBeforeReportingBusy()
    {
        using SpoolLease firstLease = _folder.Acquire(_folder.CreateSpool());
        var stopwatch = Stopwatch.StartNew();

        SpoolLease? blocked = _folder.CreateSpool().TryAcquire(
            TimeSpan.FromMilliseconds(100),
            out bool busy,
            out Exception? failure);

        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(100), $"Returned after {stopwatch.Elapsed}.");
        Assert.Null(blocked);
        Assert.True(busy);
        Assert.Null(failure);
    }

    [Fact]
    public void TryAcquire_PathUnderRegularFile_ReturnsFailure()
    {
        string blocker = Path.Combine(_folder.RootPath, "blocker");
        File.WriteAllText(blocker, "a file, not a folder");
        var spool = new DeliverySpool(
            Path.Combine(blocker, "spool"),
            1_000,
            SpoolTestFolder.MaxAge,
            _folder.Clock,
            _folder.Logger);

        SpoolLease? lease = spool.TryAcquire(TimeSpan.FromSeconds(5), out bool busy, out Exception? failure);

        Assert.Null(lease);
        Assert.False(busy);
        Assert.IsAssignableFrom<IOException>(failure);
        Assert.Equal("a file, not a folder", File.ReadAllText(blocker));
    }

    [Fact]
    public void TryAcquire_TrailingSeparator_NormalizesDirectoryPath()
    {
        var spool = new DeliverySpool(
            _folder.SpoolPath + Path.DirectorySeparatorChar,
            1_000,
            SpoolTestFolder.MaxAge,
            _folder.Clock,
            _folder.Logger);
        using SpoolLease lease = _folder.Acquire(spool);

        SpoolWriteResult write = lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });
        SpoolLoadResult load = lease.Load();

        Assert.Equal(_folder.SpoolPath, lease.DirectoryPath);
        Assert.True(lease.Delete(load.Files));
        Assert.False(File.Exists(write.FilePath));
    }

    [Fact]
    public void Files_AreOwnerOnlyOnUnix()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        SpoolWriteResult write = lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });
        _folder.WriteRawFile(SpoolTestFolder.FileName("20240310T110000000Z", 1), "not json");
        lease.Load();

        UnixFileMode folderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Assert.Equal(folderMode, File.GetUnixFileMode(_folder.SpoolPath));
        Assert.Equal(folderMode, File.GetUnixFileMode(_folder.QuarantinePath));
        UnixFileMode fileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(fileMode, File.GetUnixFileMode(Path.Combine(_folder.SpoolPath, "spool.lock")));
        Assert.Equal(fileMode, File.GetUnixFileMode(write.FilePath!));
    }

    [Fact]
    public void Clear_DeletesSpoolFilesAndReturnsCount()
    {
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        lease.Write(new[] { SpoolTestFolder.CreateEvent(1), SpoolTestFolder.CreateEvent(2) });
        lease.Write(new[] { SpoolTestFolder.CreateEvent(3) });
        string corruptName = SpoolTestFolder.FileName("20240310T110000000Z", 4);
        _folder.WriteRawFile(corruptName, "not json");
        Assert.Equal(1, lease.Load().QuarantinedFileCount);
        _folder.WriteRawFile(SpoolTestFolder.FileName("20240310T130000000Z", 5) + ".tmp", "{");

        int deletedCount = lease.Clear();

        Assert.Equal(3, deletedCount);
        Assert.Equal(new[] { "spool.lock" }, SpoolTestFolder.ListFileNames(_folder.SpoolPath));
        Assert.Equal(new[] { corruptName }, SpoolTestFolder.ListFileNames(_folder.QuarantinePath));
        Assert.Empty(lease.Load().Events);
    }

    [Fact]
    public void Delete_MissingFiles_ReturnsTrue()
    {
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });
        lease.Write(new[] { SpoolTestFolder.CreateEvent(2) });
        SpoolLoadResult load = lease.Load();

        bool first = lease.Delete(load.Files);
        bool second = lease.Delete(load.Files);

        Assert.True(first);
        Assert.True(second);
        Assert.Equal(new[] { "spool.lock" }, SpoolTestFolder.ListFileNames(_folder.SpoolPath));
        Assert.Empty(_folder.Logger.Entries);
    }

    [Fact]
    public void Delete_PathOutsideSpool_FailsAndLogsOnce()
    {
        string outside = Path.Combine(_folder.RootPath, SpoolTestFolder.FileName("20240310T110000000Z", 1));
        File.WriteAllText(outside, "kept");
        string lockPath = Path.Combine(_folder.SpoolPath, "spool.lock");
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool());

        bool deleted = lease.Delete(new[] { outside, lockPath });

        Assert.False(deleted);
        Assert.Equal("kept", File.ReadAllText(outside));
        Assert.True(File.Exists(lockPath));
        LogEntry warning = Assert.Single(_folder.Logger.Entries);
        Assert.Equal(DeleteFailedEventId, warning.EventId.Id);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(
            $"2 files could not be deleted from the spool folder {_folder.SpoolPath}, so they stay until a later call "
                + "deletes them.",
            warning.Message);
        Assert.Equal(
            $"The path '{outside}' does not name a spool file in the folder '{_folder.SpoolPath}'. "
                + "(Parameter 'filePaths')",
            warning.Exception!.Message);
    }

    [Fact]
    public void Lease_AfterDispose_ReturnsFailures()
    {
        SpoolLease lease = _folder.Acquire(_folder.CreateSpool());
        SpoolWriteResult write = lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });
        lease.Dispose();
        lease.Dispose();

        SpoolLoadResult load = lease.Load();
        SpoolWriteResult secondWrite = lease.Write(new[] { SpoolTestFolder.CreateEvent(2) });
        bool deleted = lease.Delete(new[] { write.FilePath! });
        int clearedCount = lease.Clear();

        Assert.False(load.IsAvailable);
        Assert.IsType<ObjectDisposedException>(load.Failure);
        Assert.False(secondWrite.IsWritten);
        Assert.IsType<ObjectDisposedException>(secondWrite.Failure);
        Assert.False(deleted);
        Assert.Equal(0, clearedCount);
        Assert.True(File.Exists(write.FilePath));
        Assert.Equal(2, _folder.Logger.WithEventId(LeaseDisposedEventId).Count);
    }

    [Fact]
    public void Constructor_RejectsInvalidArguments()
    {
        Assert.Throws<ArgumentException>(
            "directoryPath",
            () => new DeliverySpool("", 1, SpoolTestFolder.MaxAge, _folder.Clock, _folder.Logger));
        Assert.Throws<ArgumentOutOfRangeException>(
            "maxBytes",
            () => new DeliverySpool(_folder.SpoolPath, 0, SpoolTestFolder.MaxAge, _folder.Clock, _folder.Logger));
        Assert.Throws<ArgumentOutOfRangeException>(
            "maxAge",
            () => new DeliverySpool(_folder.SpoolPath, 1, TimeSpan.Zero, _folder.Clock, _folder.Logger));
        Assert.False(Directory.Exists(_folder.SpoolPath));
    }

    // Writes a valid file, then the given content under a later spool file name, and checks that a load moves the
    // second file to the quarantine folder with one warning and still returns the first file's event.
    private void AssertQuarantined(byte[] content, string problem, bool exactProblem, long maxBytes = 1_000_000)
    {
        using SpoolLease lease = _folder.Acquire(_folder.CreateSpool(maxBytes));
        SpoolWriteResult valid = lease.Write(new[] { SpoolTestFolder.CreateEvent(1) });
        Assert.True(valid.IsWritten, valid.Failure?.ToString());
        string name = SpoolTestFolder.FileName("20240310T130000000Z", 1);
        string path = _folder.WriteRawFile(name, content);

        SpoolLoadResult load = lease.Load();

        Assert.True(load.IsAvailable);
        Assert.Equal(1, load.QuarantinedFileCount);
        Assert.Equal(new[] { "Event 1" }, load.Events.Select(item => item.EventName));
        Assert.Equal(new[] { valid.FilePath! }, load.Files);
        Assert.False(File.Exists(path));
        string target = Path.Combine(_folder.QuarantinePath, name);
        Assert.Equal(content, File.ReadAllBytes(target));
        LogEntry warning = Assert.Single(_folder.Logger.Entries);
        Assert.Equal(QuarantinedEventId, warning.EventId.Id);
        Assert.Equal(LogLevel.Warning, warning.Level);
        string prefix = $"The spool file {path} was invalid, so it was moved to {target} and its events were not "
            + "loaded. ";
        if (exactProblem)
        {
            Assert.Equal(prefix + problem, warning.Message);
        }
        else
        {
            Assert.StartsWith(prefix + problem, warning.Message);
        }
    }
}
