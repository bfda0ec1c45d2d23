using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

/// <summary>
/// A temporary folder for one spool test, with a fixed clock, a recording logger and helpers that create events and
/// raw spool files. Deleted with its contents on dispose.
/// </summary>
internal sealed class SpoolTestFolder : IDisposable
{
    /// <summary>Current time of <see cref="Clock"/>, a day after <see cref="SampleItems.TrackedAt"/>.</summary>
    public static readonly DateTimeOffset Now = new(2024, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    public SpoolTestFolder()
    {
        RootPath = Path.Combine(Path.GetTempPath(), "spool-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(RootPath);
        SpoolPath = Path.Combine(RootPath, "spool");
    }

    /// <summary>Temporary folder that contains the spool folder.</summary>
    public string RootPath { get; }

    /// <summary>The spool folder, which <see cref="DeliverySpool.TryAcquire"/> creates.</summary>
    public string SpoolPath { get; }

    public string QuarantinePath => Path.Combine(SpoolPath, "quarantine");

    public ManualTimeProvider Clock { get; } = new(Now);

    public RecordingLogger Logger { get; } = new();

    public DeliverySpool CreateSpool(long maxBytes = 1_000_000) =>
        new(SpoolPath, maxBytes, MaxAge, Clock, Logger);

    /// <summary>Acquires a lease without waiting and fails the test when it is not acquired.</summary>
    public SpoolLease Acquire(DeliverySpool spool)
    {
        SpoolLease? lease = spool.TryAcquire(TimeSpan.Zero, out bool busy, out Exception? failure);
        Assert.False(busy);
        Assert.Null(failure);
        Assert.NotNull(lease);
        return lease;
    }

    /// <summary>
    /// Creates an event with the message id 00000000-0000-0000-0000-{number in hex}, the name "Event {number}" and
    /// the given timestamp, by default <see cref="SampleItems.TrackedAt"/>.
    /// </summary>
    public static QueuedEvent CreateEvent(int number, DateTimeOffset? timestamp = null, string text = "a")
    {
        var properties = new TelemetryProperties(1);
        properties.Add("text", TelemetryValue.From(text));
        var item = new TrackItem(
            SequentialGuids.Format(number),
            "anon-1",
            "Event " + number,
            properties,
            new TelemetryProperties(),
            timestamp ?? SampleItems.TrackedAt);
        return QueuedEvent.Create(item);
    }

    public static string FileName(string created, int eventCount) => $"events-{created}-0000000a-{eventCount}.json";

    /// <summary>
    /// Writes a file with a spool file name, as a crash, another version or a damaged disk could leave it, and
    /// returns its full path.
    /// </summary>
    public string WriteRawFile(string fileName, byte[] content)
    {
        Directory.CreateDirectory(SpoolPath);
        string path = Path.Combine(SpoolPath, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string WriteRawFile(string fileName, string content) =>
        WriteRawFile(fileName, Encoding.UTF8.GetBytes(content));

    /// <summary>
    /// Creates a FIFO (named pipe) with the <c>mkfifo</c> command. Returns false when the command is missing, so
    /// that the caller can skip its test.
    /// </summary>
    public static bool TryCreateFifo(string path)
    {
        var startInfo = new ProcessStartInfo("mkfifo") { UseShellExecute = false };
        startInfo.ArgumentList.Add(path);
        Process? process;
        try
        {
            process = Process.Start(startInfo);
        }
        catch (Win32Exception)
        {
            // The command was not found.
            return false;
        }

        Assert.NotNull(process);
        using (process)
        {
            Assert.True(process.WaitForExit(10_000), $"mkfifo did not exit within 10 seconds for '{path}'.");
            Assert.Equal(0, process.ExitCode);
        }

        return true;
    }

    /// <summary>Returns the names of the files directly in <paramref name="folder"/>, sorted.</summary>
    public static List<string> ListFileNames(string folder)
    {
        var names = new List<string>();
        foreach (string path in Directory.GetFiles(folder))
        {
            names.Add(Path.GetFileName(path));
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(RootPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder under the temporary path affects no other test.
        }
    }
}
