using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Consent;

[Collection(ConsentCollection.Name)]
public sealed class ToggleTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly ConsentSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Disable_DeliversFinalEventBeforeRecording()
    {
        var sink = new ConfigSnapshotSink(_sandbox.DefaultConfigPath);
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Sink = sink;
        using var client = new TelemetryClient(options);
        client.Track("Training Started", null);

        bool delivered = await client.DisableAsync(Guard);

        Assert.True(delivered);
        Assert.Equal(new[] { "Training Started", "Telemetry Disabled" }, sink.Events);
        using (JsonDocument atDelivery = JsonDocument.Parse(sink.ConfigAtLastBatch!))
        {
            Assert.True(atDelivery.RootElement.GetProperty("enabled").GetBoolean());
        }

        using JsonDocument afterward = JsonDocument.Parse(_sandbox.ReadConfig());
        Assert.False(afterward.RootElement.GetProperty("enabled").GetBoolean());
        Assert.Equal(TelemetryConsentState.DisabledByUser, client.ConsentState);
        Assert.False(client.IsEnabled);
    }

    [Fact]
    public async Task Disable_EnableDuringWaitEndsOff()
    {
        var sink = new GatedSink(honoursCancellation: true);
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Sink = sink;
        using var client = new TelemetryClient(options);

        Task<bool> disable = client.DisableAsync(Guard);
        await sink.FirstSendStarted.WaitAsync(Guard);
        client.Enable();
        sink.Release();
        await disable.WaitAsync(Guard);

        // The opt-out is recorded last, so it is the decision the client follows.
        Assert.Equal(TelemetryConsentState.DisabledByUser, client.ConsentState);
        Assert.False(client.IsEnabled);
        client.Track("After the opt-out", null);
        Assert.Equal(0, client.PendingCount);
    }

    [Fact]
    public async Task Disable_SpoolLockedElsewhere_DeletedLater()
    {
        string spoolPath = Path.Combine(_sandbox.Root, "spool");
        var otherClientSpool = new DeliverySpool(
            spoolPath,
            maxBytes: 1_000_000,
            TimeSpan.FromDays(7),
            TimeProvider.System,
            _sandbox.Logger);
        SpoolLease? otherLease = otherClientSpool.TryAcquire(TimeSpan.Zero, out _, out _);
        Assert.NotNull(otherLease);
        TrackItem captured = SampleItems.CreateSimple(
            "00000000-0000-0000-0000-0000000000aa",
            "Before The Opt-out",
            "captured with consent");
        Assert.True(otherLease.Write(new[] { QueuedEvent.Create(captured) }).IsWritten);

        await using var server = new SegmentTestServer("opt-out-key");
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Sink = null;
        options.WriteKey = "opt-out-key";
        options.Endpoint = server.BaseAddress;
        options.SpoolDirectory = spoolPath;
        await using var client = new TelemetryClient(options);

        // The other client holds the lock, so the opt-out cannot delete the file yet.
        await client.DisableAsync(Guard);
        Assert.Single(Directory.GetFiles(spoolPath, "events-*.json"));

        otherLease.Dispose();
        await client.FlushAsync().WaitAsync(Guard);

        Assert.Empty(Directory.GetFiles(spoolPath, "events-*.json"));
        Assert.DoesNotContain(captured.MessageId, server.DeliveredMessageIds);
    }

    [Fact]
    public async Task Disable_FinalEventHasNoProperties()
    {
        using TelemetryClient client = _sandbox.CreateClient();

        await client.DisableAsync(Guard);

        TrackItem item = Assert.Single(_sandbox.Sink.Items);
        Assert.Equal("Telemetry Disabled", item.Event);
        Assert.Equal("{}", item.Properties.ToString());
        Assert.Equal(client.AnonymousId, item.AnonymousId);
    }

    [Fact]
    public async Task Disable_LaterTracksSendNothing()
    {
        var client = _sandbox.CreateClient();
        await client.DisableAsync(Guard);

        client.Track("After opt-out", null);
        await client.FlushAsync();
        client.Dispose();

        Assert.Equal(new[] { "Telemetry Disabled" }, _sandbox.Sink.Items.Select(item => item.Event));
        Assert.Equal(0, client.PendingCount);
    }

    [Fact]
    public async Task Disable_NextRunStaysOff()
    {
        using (TelemetryClient first = _sandbox.CreateClient())
        {
            await first.DisableAsync(Guard);
        }

        using TelemetryClient second = _sandbox.CreateClient();

        Assert.False(second.IsEnabled);
        Assert.Equal(TelemetryConsentState.DisabledByUser, second.ConsentState);
        Assert.Equal(1, _sandbox.NoticeCount);
    }

    [Fact]
    public async Task Disable_WhenOffOnlyRecords()
    {
        using TelemetryClient client = _sandbox.CreateClient(ConsentMode.OptIn);

        bool delivered = await client.DisableAsync(Guard);

        Assert.False(delivered);
        Assert.Empty(_sandbox.Sink.Items);
        using JsonDocument config = JsonDocument.Parse(_sandbox.ReadConfig());
        Assert.False(config.RootElement.GetProperty("enabled").GetBoolean());
        Assert.False(config.RootElement.TryGetProperty("telemetryId", out _));
        Assert.False(config.RootElement.TryGetProperty("secret", out _));
        Assert.Equal(TelemetryConsentState.DisabledByUser, client.ConsentState);
    }

    [Fact]
    public async Task Disable_UnwritableConfigSendsNothing()
    {
        using TelemetryClient client = _sandbox.CreateClient();
        Assert.True(client.IsEnabled);
        _sandbox.Sink.Clear();

        // A regular file where the config folder was makes every write fail, even for root.
        string folder = Path.GetDirectoryName(_sandbox.DefaultConfigPath)!;
        Directory.Delete(folder, recursive: true);
        File.WriteAllText(folder, "not a folder");

        bool delivered = await client.DisableAsync(TimeSpan.FromSeconds(5));

        Assert.False(delivered);
        Assert.Empty(_sandbox.Sink.Items);
        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.ConfigUnavailable, client.ConsentState);
    }

    [Fact]
    public async Task Disable_SinkFailureStillRecords()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Sink = new ThrowingSink(new InvalidOperationException("collector is down"));
        using var client = new TelemetryClient(options);

        bool delivered = await client.DisableAsync(Guard);

        Assert.False(delivered);
        Assert.Equal(1, client.DroppedCount);
        using JsonDocument config = JsonDocument.Parse(_sandbox.ReadConfig());
        Assert.False(config.RootElement.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Disable_CanceledWaitStillRecords()
    {
        var sink = new GatedSink(honoursCancellation: true);
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Sink = sink;
        var client = new TelemetryClient(options);
        client.Track("Training Started", null);
        using var cancellation = new CancellationTokenSource();

        Task<bool> disabling = client.DisableAsync(Timeout.InfiniteTimeSpan, cancellation.Token);
        await sink.FirstSendStarted.WaitAsync(Guard);
        cancellation.Cancel();
        bool delivered = await disabling.WaitAsync(Guard);
        client.Dispose();

        Assert.False(delivered);
        Assert.Empty(sink.Inner.Items);
        Assert.Equal(2, client.DroppedCount);
        using JsonDocument config = JsonDocument.Parse(_sandbox.ReadConfig());
        Assert.False(config.RootElement.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Disable_TimeoutEndsWait()
    {
        var sink = new GatedSink(honoursCancellation: true);
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Sink = sink;
        using var client = new TelemetryClient(options);

        bool delivered = await client.DisableAsync(TimeSpan.Zero).WaitAsync(Guard);

        Assert.False(delivered);
        Assert.Equal(TelemetryConsentState.DisabledByUser, client.ConsentState);
    }

    [Fact]
    public async Task Disable_HugeTimeoutMeansNoLimit()
    {
        using TelemetryClient client = _sandbox.CreateClient();

        bool delivered = await client.DisableAsync(TimeSpan.FromDays(100));

        Assert.True(delivered);
        Assert.Equal(TelemetryConsentState.DisabledByUser, client.ConsentState);
    }

    [Fact]
    public async Task Disable_NegativeTimeoutThrows()
    {
        using TelemetryClient client = _sandbox.CreateClient();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.DisableAsync(TimeSpan.FromSeconds(-1)));

        Assert.True(client.IsEnabled);
    }

    [Fact]
    public async Task Disable_KeepsUnknownKeys()
    {
        _sandbox.WriteConfig("{\"theme\": \"dark\", \"enabled\": true, \"plugins\": {\"a\": 1}}");
        using TelemetryClient client = _sandbox.CreateClient();

        await client.DisableAsync(Guard);

        using JsonDocument config = JsonDocument.Parse(_sandbox.ReadConfig());
        Assert.Equal("dark", config.RootElement.GetProperty("theme").GetString());
        Assert.Equal(1, config.RootElement.GetProperty("plugins").GetProperty("a").GetInt32());
        Assert.False(config.RootElement.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void Enable_KeepsUnknownKeysAndId()
    {
        _sandbox.WriteConfig(
            "{\"theme\": \"dark\", \"enabled\": false, \"telemetryId\": \"6f1c2a54-8d7e-4b53-9a0f-2c3d4e5f6a7b\"}");
        using TelemetryClient client = _sandbox.CreateClient();

        client.Enable();

        using JsonDocument config = JsonDocument.Parse(_sandbox.ReadConfig());
        Assert.Equal("dark", config.RootElement.GetProperty("theme").GetString());
        Assert.True(config.RootElement.GetProperty("enabled").GetBoolean());
        Assert.Equal("6f1c2a54-8d7e-4b53-9a0f-2c3d4e5f6a7b", config.RootElement.GetProperty("telemetryId").GetString());
        Assert.Equal("2026-12-04T17:05:36Z", config.RootElement.GetProperty("consentDate").GetString());
        Assert.Equal("6f1c2a54-8d7e-4b53-9a0f-2c3d4e5f6a7b", client.AnonymousId);
        Assert.True(client.IsEnabled);
    }

    [Fact]
    public void Enable_RecordsButEnvironmentKeepsOff()
    {
        _sandbox.Set(EnvironmentSettings.DoNotTrackVariable, "1");
        using TelemetryClient client = _sandbox.CreateClient(ConsentMode.OptIn);

        client.Enable();

        Assert.False(client.IsEnabled);
        Assert.Equal(TelemetryConsentState.DisabledByDoNotTrack, client.ConsentState);
        using JsonDocument config = JsonDocument.Parse(_sandbox.ReadConfig());
        Assert.True(config.RootElement.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Enable_AfterDisableTurnsBackOn()
    {
        using TelemetryClient client = _sandbox.CreateClient();
        await client.DisableAsync(Guard);

        client.Enable();
        client.Track("Training Started", null);
        await client.FlushAsync();

        Assert.True(client.IsEnabled);
        Assert.Equal(
            new[] { "Telemetry Disabled", "Training Started" },
            _sandbox.Sink.Items.Select(item => item.Event));
    }

    [Fact]
    public void Enable_AfterDisposeOnlyRecords()
    {
        TelemetryClient client = _sandbox.CreateClient(ConsentMode.OptIn);
        client.Dispose();

        client.Enable();

        Assert.False(client.IsEnabled);
        Assert.True(File.Exists(_sandbox.DefaultConfigPath));
    }

    [Fact]
    public async Task Toggles_WithoutConsentThrow()
    {
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Consent = null;
        using var client = new TelemetryClient(options);

        var enable = Assert.Throws<InvalidOperationException>(client.Enable);
        var disable = await Assert.ThrowsAsync<InvalidOperationException>(() => client.DisableAsync(Guard));

        Assert.Contains("TelemetryOptions.Consent", enable.Message);
        Assert.Contains("TelemetryClient.DisableAsync", disable.Message);
        Assert.True(client.IsEnabled);
    }

    // Records, for each batch, the event names and the config file's text at the moment the batch arrived.
    private sealed class ConfigSnapshotSink : ITelemetrySink
    {
        private readonly string _configPath;
        private readonly List<string> _events = new();

        public ConfigSnapshotSink(string configPath)
        {
            _configPath = configPath;
        }

        public IReadOnlyList<string> Events => _events;

        public string? ConfigAtLastBatch { get; private set; }

        public Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken)
        {
            ConfigAtLastBatch = File.ReadAllText(_configPath);
            _events.AddRange(batch.Select(item => item.Event));
            return Task.CompletedTask;
        }
    }
}
