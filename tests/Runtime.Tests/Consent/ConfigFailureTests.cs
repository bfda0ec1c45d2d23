using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Consent;

[Collection(ConsentCollection.Name)]
public sealed class ConfigFailureTests : IDisposable
{
    private const int ConfigPathMissingEventId = 13;
    private const int ConfigUnavailableEventId = 14;
    private const int ConfigQuarantinedEventId = 15;

    private readonly ConsentSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void CorruptFile_MovedAsideAndOffForRun()
    {
        _sandbox.WriteConfig("{\"enabled\": false,");

        using TelemetryClient client = _sandbox.CreateClient();

        string quarantined = _sandbox.DefaultConfigPath + ".corrupt-20261204T170536Z";
        Assert.Equal("{\"enabled\": false,", File.ReadAllText(quarantined));
        LogEntry warning = Assert.Single(_sandbox.Logger.WithEventId(ConfigQuarantinedEventId));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(quarantined, warning.Message);
        Assert.Single(_sandbox.Logger.Entries, entry => entry.Level >= LogLevel.Warning);

        // A corrupt file may have recorded an opt-out, so this run records nothing and sends nothing.
        Assert.False(File.Exists(_sandbox.DefaultConfigPath));
        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.ConfigUnavailable, client.ConsentState);
        Assert.Equal(0, _sandbox.NoticeCount);
    }

    [Fact]
    public void CorruptFile_NextRunIsFirstRun()
    {
        _sandbox.WriteConfig("{\"enabled\": false,");
        using (_sandbox.CreateClient())
        {
        }

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.True(client.IsEnabled);
        Assert.Equal(1, _sandbox.NoticeCount);
    }

    [Fact]
    public void CorruptFile_KeptWhenEnvironmentDecides()
    {
        _sandbox.WriteConfig("not json");
        _sandbox.Set(EnvironmentSettings.DoNotTrackVariable, "1");

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.Equal("not json", _sandbox.ReadConfig());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_sandbox.DefaultConfigPath)!, "*.corrupt-*"));
        Assert.Empty(_sandbox.Logger.WithEventId(ConfigQuarantinedEventId));
    }

    [Fact]
    public void UnwritableFolder_OffWithOneWarning()
    {
        string configPath = CreateUnwritableConfigPath();
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent!.ConfigPath = configPath;

        using var client = new TelemetryClient(options);
        client.Track("Training Started", null);
        client.Flush();

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.ConfigUnavailable, client.ConsentState);
        Assert.Equal(configPath, client.ConfigPath);
        LogEntry warning = Assert.Single(_sandbox.Logger.WithEventId(ConfigUnavailableEventId));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(configPath, warning.Message);
        Assert.Contains(ConsentSandbox.ConfigVariable, warning.Message);
        Assert.Single(_sandbox.Logger.Entries, entry => entry.Level >= LogLevel.Warning);
        Assert.Equal(0, _sandbox.NoticeCount);
        Assert.Empty(_sandbox.Sink.Items);
    }

    [Fact]
    public void UnwritableFolder_TwoClientsNoNotice()
    {
        string configPath = CreateUnwritableConfigPath();
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent!.ConfigPath = configPath;

        using var first = new TelemetryClient(options);
        using var second = new TelemetryClient(options);

        Assert.Equal(TelemetryConsentState.ConfigUnavailable, first.ConsentState);
        Assert.Equal(TelemetryConsentState.ConfigUnavailable, second.ConsentState);
        Assert.Equal(0, _sandbox.NoticeCount);
        Assert.Equal(2, _sandbox.Logger.WithEventId(ConfigUnavailableEventId).Count);
    }

    [Fact]
    public void MissingHome_OffWithOneWarning()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _sandbox.Set("HOME", null);
        _sandbox.Set("XDG_CONFIG_HOME", null);

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.ConfigUnavailable, client.ConsentState);
        Assert.Null(client.ConfigPath);
        LogEntry warning = Assert.Single(_sandbox.Logger.WithEventId(ConfigPathMissingEventId));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("neither XDG_CONFIG_HOME nor HOME is set", warning.Message);
        Assert.Contains(ConsentSandbox.ConfigVariable, warning.Message);
        Assert.Single(_sandbox.Logger.Entries, entry => entry.Level >= LogLevel.Warning);
        Assert.Equal(0, _sandbox.NoticeCount);
    }

    [Fact]
    public void MissingHome_EnvironmentStillEnables()
    {
        _sandbox.Set("HOME", null);
        _sandbox.Set("APPDATA", null);
        _sandbox.Set(ConsentSandbox.EnabledVariable, "true");

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.Equal(TelemetryConsentState.EnabledByEnvironment, client.ConsentState);
        Assert.DoesNotContain(_sandbox.Logger.Entries, entry => entry.Level >= LogLevel.Warning);
    }

    [Fact]
    public void UnreadableFile_OffWithOneWarning()
    {
        Directory.CreateDirectory(_sandbox.DefaultConfigPath);

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.Equal(TelemetryConsentState.ConfigUnavailable, client.ConsentState);
        LogEntry warning = Assert.Single(_sandbox.Logger.WithEventId(ConfigUnavailableEventId));
        Assert.Contains("could not be read", warning.Message);
        Assert.True(Directory.Exists(_sandbox.DefaultConfigPath));
    }

    [Fact]
    public void UnwritableFolder_EnableReportsUnavailable()
    {
        string configPath = CreateUnwritableConfigPath();
        TelemetryOptions options = _sandbox.CreateOptions(ConsentMode.OptIn);
        options.Consent!.ConfigPath = configPath;
        using var client = new TelemetryClient(options);

        client.Enable();

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.ConfigUnavailable, client.ConsentState);
        Assert.Single(_sandbox.Logger.WithEventId(ConfigUnavailableEventId));
    }

    [Fact]
    public void ConsentNotice_PrintsOncePerPath()
    {
        var writer = new StringWriter();
        string path = Path.Combine(_sandbox.Root, "notice-test.json");

        bool first = ConsentNotice.PrintOnce(path, "the notice", writer);
        bool second = ConsentNotice.PrintOnce(path, "the notice", writer);

        Assert.True(first);
        Assert.False(second);
        Assert.Single(writer.ToString().Split("the notice").Skip(1));
    }

    [Fact]
    public void ThrowingNoticeWriter_LoggedNotThrown()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent!.NoticeWriter = new ThrowingWriter();

        using var client = new TelemetryClient(options);

        Assert.Single(_sandbox.Logger.WithEventId(16));
    }

    // Returns a config path whose folder cannot be created or written. A read-only folder stops other users, but
    // root ignores permissions, so when the folder stays writable the path goes under a regular file instead,
    // which fails for every user.
    private string CreateUnwritableConfigPath()
    {
        if (!OperatingSystem.IsWindows())
        {
            string readOnlyFolder = Path.Combine(_sandbox.Root, "read-only");
            Directory.CreateDirectory(readOnlyFolder);
            File.SetUnixFileMode(readOnlyFolder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            if (!IsWritable(readOnlyFolder))
            {
                return Path.Combine(readOnlyFolder, "app", "telemetry.json");
            }

            File.SetUnixFileMode(
                readOnlyFolder,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        string regularFile = Path.Combine(_sandbox.Root, "file.txt");
        File.WriteAllText(regularFile, "not a folder");
        return Path.Combine(regularFile, "telemetry.json");
    }

    private static bool IsWritable(string folder)
    {
        string probe = Path.Combine(folder, "probe");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(string? value) => throw new IOException("the terminal is gone");

        public override void WriteLine() => throw new IOException("the terminal is gone");
    }
}
