using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Consent;

[Collection(ConsentCollection.Name)]
public sealed class FirstRunTests : IDisposable
{
    private readonly ConsentSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void FirstRun_PrintsNoticeAndRecordsConsent()
    {
        using TelemetryClient client = _sandbox.CreateClient();

        Assert.True(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.Enabled, client.ConsentState);
        Assert.Equal(_sandbox.DefaultConfigPath, client.ConfigPath);
        Assert.Equal(1, _sandbox.NoticeCount);

        using JsonDocument config = JsonDocument.Parse(_sandbox.ReadConfig());
        JsonElement root = config.RootElement;
        Assert.True(root.GetProperty("enabled").GetBoolean());
        Assert.Equal("2026-12-04T17:05:36Z", root.GetProperty("consentDate").GetString());
        Assert.True(root.GetProperty("noticeShown").GetBoolean());
        Assert.Equal(client.AnonymousId, root.GetProperty("telemetryId").GetString());
        Assert.True(Guid.TryParseExact(client.AnonymousId, "D", out _));
        Assert.Equal(32, Convert.FromBase64String(root.GetProperty("secret").GetString()!).Length);
    }

    [Fact]
    public void SecondRun_KeepsIdWithoutNotice()
    {
        string firstId;
        using (TelemetryClient first = _sandbox.CreateClient())
        {
            firstId = first.AnonymousId;
        }

        string configAfterFirstRun = _sandbox.ReadConfig();
        using TelemetryClient second = _sandbox.CreateClient();

        Assert.Equal(TelemetryConsentState.Enabled, second.ConsentState);
        Assert.Equal(firstId, second.AnonymousId);
        Assert.Equal(1, _sandbox.NoticeCount);
        Assert.Equal(configAfterFirstRun, _sandbox.ReadConfig());
    }

    [Fact]
    public async Task FirstRun_SendsWithStoredId()
    {
        using TelemetryClient client = _sandbox.CreateClient();

        client.Track("Training Started", null);
        await client.FlushAsync();

        TrackItem item = Assert.Single(_sandbox.Sink.Items);
        Assert.Equal(client.AnonymousId, item.AnonymousId);
    }

    [Fact]
    public void Notice_ExplainsDataAndOptOut()
    {
        using TelemetryClient client = _sandbox.CreateClient();

        string notice = _sandbox.Notice.ToString();
        Assert.Contains("ConsentTests collects anonymous usage data", notice);
        Assert.Contains("operating system", notice);
        Assert.Contains("random id", notice);
        Assert.Contains(_sandbox.DefaultConfigPath, notice);
        Assert.Contains("run 'consent-tests telemetry disable'", notice);
        Assert.Contains("CONSENT_TESTS_TELEMETRY_ENABLED=false", notice);
        Assert.Contains("DO_NOT_TRACK=1", notice);
        Assert.Contains("https://example.com/telemetry", notice);
    }

    [Fact]
    public void Notice_LeavesOutMissingCommandAndLink()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent!.OptOutCommand = null;
        options.Consent.MoreInfoUrl = " ";
        using var client = new TelemetryClient(options);

        string notice = _sandbox.Notice.ToString();
        Assert.Contains("To opt out, set the environment variable CONSENT_TESTS_TELEMETRY_ENABLED=false", notice);
        Assert.DoesNotContain("run '", notice);
        Assert.DoesNotContain("Read more", notice);
    }

    [Fact]
    public void OptIn_StaysOffWithoutNoticeOrFile()
    {
        using TelemetryClient client = _sandbox.CreateClient(ConsentMode.OptIn);

        client.Track("Training Started", null);
        client.Flush();

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.NotYetGranted, client.ConsentState);
        Assert.Equal(_sandbox.DefaultConfigPath, client.ConfigPath);
        Assert.Equal(0, _sandbox.NoticeCount);
        Assert.False(File.Exists(_sandbox.DefaultConfigPath));
        Assert.Empty(_sandbox.Sink.Items);
    }

    [Fact]
    public async Task OptIn_EnableTurnsOnAndRecords()
    {
        using TelemetryClient client = _sandbox.CreateClient(ConsentMode.OptIn);
        string randomId = client.AnonymousId;

        client.Enable();
        client.Track("Training Started", null);
        await client.FlushAsync();

        Assert.True(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.Enabled, client.ConsentState);
        Assert.Equal(0, _sandbox.NoticeCount);
        using JsonDocument config = JsonDocument.Parse(_sandbox.ReadConfig());
        Assert.True(config.RootElement.GetProperty("enabled").GetBoolean());
        Assert.Equal("2026-12-04T17:05:36Z", config.RootElement.GetProperty("consentDate").GetString());
        Assert.False(config.RootElement.GetProperty("noticeShown").GetBoolean());
        string storedId = config.RootElement.GetProperty("telemetryId").GetString()!;
        Assert.NotEqual(randomId, storedId);
        Assert.Equal(storedId, client.AnonymousId);
        Assert.Equal(storedId, Assert.Single(_sandbox.Sink.Items).AnonymousId);
    }

    [Fact]
    public void OptIn_LaterRunUsesRecordedConsent()
    {
        using (TelemetryClient first = _sandbox.CreateClient(ConsentMode.OptIn))
        {
            first.Enable();
        }

        using TelemetryClient second = _sandbox.CreateClient(ConsentMode.OptIn);

        Assert.True(second.IsEnabled);
        Assert.Equal(TelemetryConsentState.Enabled, second.ConsentState);
    }

    [Fact]
    public void RedirectedOutput_SkipsNoticeWhenAsked()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent!.ShowNoticeWhenOutputRedirected = false;
        options.Consent.IsOutputRedirected = () => true;
        using var client = new TelemetryClient(options);

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.NotYetGranted, client.ConsentState);
        Assert.Equal(0, _sandbox.NoticeCount);
        Assert.False(File.Exists(_sandbox.DefaultConfigPath));
    }

    [Fact]
    public void RedirectedOutput_ShowsNoticeByDefault()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent!.IsOutputRedirected = () => true;
        using var client = new TelemetryClient(options);

        Assert.True(client.IsEnabled);
        Assert.Equal(1, _sandbox.NoticeCount);
    }

    [Fact]
    public void TerminalOutput_ShowsNoticeWhenRedirectionMatters()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent!.ShowNoticeWhenOutputRedirected = false;
        using var client = new TelemetryClient(options);

        Assert.True(client.IsEnabled);
        Assert.Equal(1, _sandbox.NoticeCount);
    }

    [Fact]
    public void HandWrittenConsent_GetsIdAndSecret()
    {
        _sandbox.WriteConfig("{\"enabled\": true, \"theme\": \"dark\"}");

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.Equal(TelemetryConsentState.Enabled, client.ConsentState);
        Assert.Equal(0, _sandbox.NoticeCount);
        using JsonDocument config = JsonDocument.Parse(_sandbox.ReadConfig());
        Assert.Equal(client.AnonymousId, config.RootElement.GetProperty("telemetryId").GetString());
        Assert.True(config.RootElement.TryGetProperty("secret", out _));
        Assert.Equal("dark", config.RootElement.GetProperty("theme").GetString());
    }

    [Fact]
    public void FileWithoutDecision_GetsConsentAndKeepsKeys()
    {
        _sandbox.WriteConfig("{\"theme\": \"dark\"}");

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.True(client.IsEnabled);
        Assert.Equal(1, _sandbox.NoticeCount);
        using JsonDocument config = JsonDocument.Parse(_sandbox.ReadConfig());
        Assert.True(config.RootElement.GetProperty("enabled").GetBoolean());
        Assert.Equal("dark", config.RootElement.GetProperty("theme").GetString());
    }

    [Fact]
    public void TwoClients_PrintNoticeOnce()
    {
        using TelemetryClient first = _sandbox.CreateClient();
        using TelemetryClient second = _sandbox.CreateClient();

        Assert.Equal(1, _sandbox.NoticeCount);
        Assert.Equal(first.AnonymousId, second.AnonymousId);
    }

    [Fact]
    public void XdgConfigHome_HoldsFile()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string configHome = Path.Combine(_sandbox.Root, "xdg");
        _sandbox.Set("XDG_CONFIG_HOME", configHome);

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.Equal(Path.Combine(configHome, "ConsentTests", "telemetry.json"), client.ConfigPath);
        Assert.True(File.Exists(client.ConfigPath));
    }

    [Fact]
    public void ConfigVariable_MovesFile()
    {
        string path = Path.Combine(_sandbox.Root, "elsewhere", "settings.json");
        _sandbox.Set(ConsentSandbox.ConfigVariable, path);

        using TelemetryClient client = _sandbox.CreateClient();

        Assert.Equal(path, client.ConfigPath);
        Assert.True(File.Exists(path));
        Assert.False(File.Exists(_sandbox.DefaultConfigPath));
    }

    [Fact]
    public void ConfigPathOption_WinsOverVariable()
    {
        string optionPath = Path.Combine(_sandbox.Root, "option.json");
        _sandbox.Set(ConsentSandbox.ConfigVariable, Path.Combine(_sandbox.Root, "variable.json"));
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent!.ConfigPath = optionPath;

        using var client = new TelemetryClient(options);

        Assert.Equal(optionPath, client.ConfigPath);
        Assert.True(File.Exists(optionPath));
    }

    [Fact]
    public void BlankConfigPathOption_Throws()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent!.ConfigPath = " ";

        var exception = Assert.Throws<ArgumentException>(() => new TelemetryClient(options));

        Assert.Contains("TelemetryOptions.Consent.ConfigPath is empty", exception.Message);
    }

    [Fact]
    public void UndefinedMode_Throws()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent!.Mode = (ConsentMode)7;

        var exception = Assert.Throws<ArgumentException>(() => new TelemetryClient(options));

        Assert.Contains("TelemetryOptions.Consent.Mode is 7", exception.Message);
        Assert.False(File.Exists(_sandbox.DefaultConfigPath));
    }

    [Fact]
    public void WithoutConsent_TouchesNoFile()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent = null;
        options.AnonymousId = null;

        using var client = new TelemetryClient(options);

        Assert.True(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.Enabled, client.ConsentState);
        Assert.Null(client.ConfigPath);
        Assert.False(Directory.Exists(Path.Combine(_sandbox.Home, ".config")));
        Assert.Equal(0, _sandbox.NoticeCount);
    }

    [Fact]
    public void NoSink_TouchesNoFile()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Sink = null;
        options.EntryAssembly = typeof(object).Assembly;

        using var client = new TelemetryClient(options);

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.NoSink, client.ConsentState);
        Assert.False(File.Exists(_sandbox.DefaultConfigPath));
        Assert.Equal(0, _sandbox.NoticeCount);
    }

    [Fact]
    public async Task ExplicitAnonymousId_WinsOverStoredId()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.AnonymousId = "app-chosen-id";
        using var client = new TelemetryClient(options);

        client.Track("Training Started", null);
        await client.FlushAsync();

        Assert.Equal("app-chosen-id", client.AnonymousId);
        Assert.Equal("app-chosen-id", Assert.Single(_sandbox.Sink.Items).AnonymousId);
    }

    [Fact]
    public async Task HashWorkingDirectory_UsesStoredSecret()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.HashWorkingDirectory = true;
        using var client = new TelemetryClient(options);

        client.Track("Training Started", null);
        await client.FlushAsync();

        byte[] secret = TelemetryConfig.Parse(File.ReadAllBytes(_sandbox.DefaultConfigPath)).Secret!;
        string expected = KeyedHash.Compute(secret, DefaultContext.GetFullPath(Directory.GetCurrentDirectory())!);
        TelemetryProperties context = Assert.Single(_sandbox.Sink.Items).Context;
        Assert.True(context.TryGetValue("directory", out TelemetryValue directory));
        Assert.Equal($"\"{expected}\"", directory.ToString());
        Assert.DoesNotContain(Convert.ToBase64String(secret), _sandbox.Sink.Bodies.Single());
    }
}
