using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Consent;

[Collection(ConsentCollection.Name)]
public sealed class DebugModeTests : IDisposable
{
    private const string WriteKey = "wk-debug-9f8e7d6c5b4a";

    private readonly ConsentSandbox _sandbox = new();
    private readonly StringWriter _debugOutput = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Debug_PrintsInsteadOfSinking()
    {
        _sandbox.Set(ConsentSandbox.DebugVariable, "true");
        TelemetryOptions options = _sandbox.CreateOptions();
        options.DebugWriter = _debugOutput;
        using var client = new TelemetryClient(options);

        client.Track("Training Started", null);
        await client.FlushAsync();

        Assert.Empty(_sandbox.Sink.Items);
        string output = _debugOutput.ToString();
        Assert.StartsWith("Telemetry debug mode: 1 event, printed instead of sent:", output);
        string json = output.Substring(output.IndexOf('{'));
        using JsonDocument body = JsonDocument.Parse(json);
        Assert.Equal("Training Started", body.RootElement.GetProperty("batch")[0].GetProperty("event").GetString());
        Assert.Contains("\n  \"batch\"", output.Replace("\r\n", "\n"));
        Assert.Equal(1, client.SentCount);
    }

    [Fact]
    public async Task Debug_NeverPrintsWriteKey()
    {
        _sandbox.Set(ConsentSandbox.DebugVariable, "1");
        TelemetryOptions options = _sandbox.CreateOptions();
        options.Sink = null;
        options.WriteKey = WriteKey;
        options.DebugWriter = _debugOutput;
        using var client = new TelemetryClient(options);

        client.Track("Training Started", null);
        await client.FlushAsync();

        Assert.True(client.IsEnabled);
        Assert.Equal(TelemetryWriteKeySource.Options, client.WriteKeySource);
        Assert.Contains("Training Started", _debugOutput.ToString());
        Assert.DoesNotContain(WriteKey, _debugOutput.ToString());
        string encodedKey = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(WriteKey + ":"));
        Assert.DoesNotContain(encodedKey, _debugOutput.ToString());
        Assert.DoesNotContain(WriteKey, _sandbox.Notice.ToString());
        Assert.DoesNotContain(
            _sandbox.Logger.Entries,
            entry => entry.Message.Contains(WriteKey, StringComparison.Ordinal));
        Assert.Single(_sandbox.Logger.WithEventId(18));
    }

    [Fact]
    public async Task Debug_SilentWhileDisabled()
    {
        _sandbox.Set(ConsentSandbox.DebugVariable, "true");
        _sandbox.Set(EnvironmentSettings.DoNotTrackVariable, "true");
        TelemetryOptions options = _sandbox.CreateOptions();
        options.DebugWriter = _debugOutput;
        using var client = new TelemetryClient(options);

        client.Track("Training Started", null);
        await client.FlushAsync();

        Assert.Equal(string.Empty, _debugOutput.ToString());
        Assert.Empty(_sandbox.Sink.Items);
    }

    [Fact]
    public async Task Debug_OffSendsToSink()
    {
        _sandbox.Set(ConsentSandbox.DebugVariable, "false");
        TelemetryOptions options = _sandbox.CreateOptions();
        options.DebugWriter = _debugOutput;
        using var client = new TelemetryClient(options);

        client.Track("Training Started", null);
        await client.FlushAsync();

        Assert.Single(_sandbox.Sink.Items);
        Assert.Equal(string.Empty, _debugOutput.ToString());
        Assert.DoesNotContain(_sandbox.Logger.Entries, entry => entry.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Debug_CountsEventsInHeader()
    {
        _sandbox.Set(ConsentSandbox.DebugVariable, "on");
        TelemetryOptions options = _sandbox.CreateOptions();
        options.DebugWriter = _debugOutput;
        using var client = new TelemetryClient(options);

        client.Track("A", null);
        client.Track("B", null);
        await client.FlushAsync();

        Assert.Single(
            _debugOutput.ToString().Split('\n'),
            line => line.StartsWith(
                "Telemetry debug mode: 2 events, printed instead of sent:",
                StringComparison.Ordinal));
    }
}
