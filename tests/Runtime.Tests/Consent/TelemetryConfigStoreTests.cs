using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Consent;

public sealed class TelemetryConfigStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 17, 5, 36, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "store-tests-" + Guid.NewGuid().ToString("N"));

    private string ConfigPath => Path.Combine(_folder, "app", "telemetry.json");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Read_MissingFolderIsMissing()
    {
        ConfigReadResult result = CreateStore().Read();

        Assert.Null(result.Config);
        Assert.False(result.IsCorrupt);
        Assert.False(result.IsUnreadable);
    }

    [Fact]
    public void Read_InvalidJsonIsCorrupt()
    {
        WriteConfig("{\"enabled\": tru");

        ConfigReadResult result = CreateStore().Read();

        Assert.True(result.IsCorrupt);
        Assert.Null(result.Config);
        Assert.IsType<InvalidDataException>(result.Exception);
    }

    [Fact]
    public void Read_OversizedFileIsCorrupt()
    {
        WriteConfig("{\"padding\": \"" + new string('x', 70_000) + "\"}");

        ConfigReadResult result = CreateStore().Read();

        Assert.True(result.IsCorrupt);
        Assert.Contains("more than the 65536", result.Exception!.Message);
    }

    [Fact]
    public void Read_FolderAtPathIsUnreadable()
    {
        Directory.CreateDirectory(ConfigPath);

        ConfigReadResult result = CreateStore().Read();

        Assert.True(result.IsUnreadable);
        Assert.False(result.IsCorrupt);
    }

    [Fact]
    public void Update_CreatesFolderAndFile()
    {
        ConfigUpdateResult result = CreateStore().Update(config =>
        {
            config.Enabled = true;
            return true;
        });

        Assert.True(result.Config.Enabled);
        Assert.Null(result.QuarantinedPath);
        Assert.True(CreateStore().Read().Config!.Enabled);
    }

    [Fact]
    public void Update_KeepsUnknownKeys()
    {
        WriteConfig("{\"theme\": \"dark\", \"enabled\": true, \"plugins\": [\"a\", \"b\"]}");

        CreateStore().Update(config =>
        {
            config.Enabled = false;
            return true;
        });

        string text = File.ReadAllText(ConfigPath);
        Assert.Contains("\"theme\": \"dark\"", text);
        Assert.Contains("\"enabled\": false", text);
        Assert.Contains("\"plugins\": [", text);
        Assert.Equal(new[] { "theme", "plugins" }, CreateStore().Read().Config!.UnknownKeys);
    }

    [Fact]
    public void Update_WithoutChangeLeavesFile()
    {
        WriteConfig("{\"enabled\": true}");
        File.SetLastWriteTimeUtc(ConfigPath, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        ConfigUpdateResult result = CreateStore().Update(_ => false);

        Assert.True(result.Config.Enabled);
        Assert.Equal("{\"enabled\": true}", File.ReadAllText(ConfigPath));
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(ConfigPath));
    }

    [Fact]
    public void Update_MovesCorruptFileAside()
    {
        WriteConfig("{\"enabled\": tru");

        ConfigUpdateResult result = CreateStore().Update(config =>
        {
            config.Enabled = true;
            return true;
        });

        string expectedPath = ConfigPath + ".corrupt-20261204T170536Z";
        Assert.Equal(expectedPath, result.QuarantinedPath);
        Assert.Contains("not valid JSON", result.QuarantineReason);
        Assert.Equal("{\"enabled\": tru", File.ReadAllText(expectedPath));
        Assert.True(CreateStore().Read().Config!.Enabled);
    }

    [Fact]
    public void Update_NumbersQuarantineWithinOneSecond()
    {
        TelemetryConfigStore store = CreateStore();
        WriteConfig("{first");
        store.Update(_ => true);
        WriteConfig("{second");

        ConfigUpdateResult result = store.Update(_ => true);

        Assert.Equal(ConfigPath + ".corrupt-20261204T170536Z-2", result.QuarantinedPath);
        Assert.Equal("{first", File.ReadAllText(ConfigPath + ".corrupt-20261204T170536Z"));
        Assert.Equal("{second", File.ReadAllText(result.QuarantinedPath!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# a shell profile, not JSON")]
    [InlineData("[1, 2]")]
    public void Update_LeavesForeignFileAlone(string content)
    {
        TelemetryConfigStore store = CreateStore();
        WriteConfig(content);

        Assert.Throws<IOException>(() => store.Update(_ => true));

        Assert.Equal(content, File.ReadAllText(ConfigPath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(ConfigPath)!, "*.corrupt-*"));
    }

    [Fact]
    public void Read_FolderPathIsUnreadable()
    {
        TelemetryConfigStore store = CreateStore();
        Directory.CreateDirectory(ConfigPath);

        ConfigReadResult result = store.Read();

        Assert.True(result.IsUnreadable);
        Assert.Contains("is a folder", result.Exception!.Message);
    }

    [Fact]
    public void Update_LeavesOnlyConfigAndLockFile()
    {
        TelemetryConfigStore store = CreateStore();
        store.Update(_ => true);
        store.Update(_ => true);

        string[] names = Directory.GetFiles(Path.GetDirectoryName(ConfigPath)!).Select(Path.GetFileName).ToArray()!;

        Assert.Equal(
            new[] { "telemetry.json", "telemetry.json.lock" },
            names.OrderBy(name => name, StringComparer.Ordinal));
    }

    [Fact]
    public void Update_FileIsPrivateToOwner()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        CreateStore().Update(_ => true);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
    }

    [Fact]
    public void Update_HeldLockFails()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        using var otherProcessLock = new FileStream(
            ConfigPath + ".lock",
            FileMode.OpenOrCreate,
            FileAccess.ReadWrite,
            FileShare.None);

        var exception = Assert.Throws<IOException>(() => CreateStore().Update(_ => true));

        Assert.Contains("held the lock file", exception.Message);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public void Update_PathUnderFileFails()
    {
        Directory.CreateDirectory(_folder);
        string regularFile = Path.Combine(_folder, "file.txt");
        File.WriteAllText(regularFile, "not a folder");
        var store = new TelemetryConfigStore(Path.Combine(regularFile, "telemetry.json"), new ManualTimeProvider(Now));

        Assert.Null(store.Read().Config);
        Assert.ThrowsAny<IOException>(() => store.Update(_ => true));
    }

    [Fact]
    public void Update_ConcurrentCreatorsAgreeOnId()
    {
        const int writerCount = 8;
        string[] ids = new string[writerCount];
        Exception?[] failures = new Exception?[writerCount];
        using var start = new Barrier(writerCount);

        // Dedicated threads, because pool threads blocked at the barrier would wait for the pool to grow.
        Thread[] writers = Enumerable.Range(0, writerCount)
            .Select(index => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    ConfigUpdateResult result = CreateStore().Update(config =>
                    {
                        if (config.TelemetryId is not null)
                        {
                            return false;
                        }

                        config.Enabled = true;
                        config.TelemetryId = TelemetryConfig.CreateTelemetryId();
                        return true;
                    });
                    ids[index] = result.Config.TelemetryId!;
                }
                catch (Exception exception)
                {
                    // An exception escaping a thread would end the test process.
                    failures[index] = exception;
                }
            }))
            .ToArray();
        foreach (Thread writer in writers)
        {
            writer.Start();
        }

        foreach (Thread writer in writers)
        {
            Assert.True(writer.Join(TimeSpan.FromSeconds(30)));
        }

        Assert.All(failures, Assert.Null);
        TelemetryConfig stored = CreateStore().Read().Config!;
        Assert.All(ids, id => Assert.Equal(stored.TelemetryId, id));
    }

    private TelemetryConfigStore CreateStore() => new(ConfigPath, new ManualTimeProvider(Now));

    private void WriteConfig(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        File.WriteAllBytes(ConfigPath, Encoding.UTF8.GetBytes(text));
    }
}
