using System;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Client;

public sealed class TelemetryClientFallbackSinkTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task NoWriteKey_UsesFallbackSink()
    {
        var fallback = new InMemorySink();
        var logger = new RecordingLogger();
        TelemetryOptions options = TestOptions.CreateWithoutWriteKey();
        options.FallbackSink = fallback;
        options.Logger = logger;
        using var client = new TelemetryClient(options);

        client.Track("Training Started", null);
        await client.FlushAsync();

        Assert.True(client.IsEnabled);
        Assert.Equal(TelemetryWriteKeySource.None, client.WriteKeySource);
        Assert.Equal("Training Started", Assert.Single(fallback.Items).Event);
        Assert.Equal(1, client.SentCount);
        Assert.Contains("InMemorySink", Assert.Single(logger.WithEventId(1)).Message);
        Assert.Empty(logger.WithEventId(3));
    }

    [Theory]
    [InlineData(TelemetryWriteKeySource.Options)]
    [InlineData(TelemetryWriteKeySource.EnvironmentVariable)]
    [InlineData(TelemetryWriteKeySource.AssemblyMetadata)]
    public async Task WriteKey_TakesPrecedenceOverFallbackSink(TelemetryWriteKeySource source)
    {
        using var server = new LoopbackHttpServer();
        var fallback = new InMemorySink();
        TelemetryOptions options = TestOptions.CreateWithoutWriteKey();
        options.FallbackSink = fallback;
        options.Endpoint = server.GetAddress("/");
        string variable = options.EnvironmentPrefix + "_TELEMETRY_WRITE_KEY";
        if (source == TelemetryWriteKeySource.Options)
        {
            options.WriteKey = "key-from-options";
        }
        else if (source == TelemetryWriteKeySource.AssemblyMetadata)
        {
            options.EntryAssembly = TestOptions.TestAssembly;
        }

        using var variableScope = new EnvironmentVariableScope(
            variable,
            source == TelemetryWriteKeySource.EnvironmentVariable ? "key-from-environment" : null);
        using var client = new TelemetryClient(options);
        Task<RecordedRequest> received = server.ReceiveOneAsync(LoopbackHttpServer.OkResponse);

        client.Track("Training Started", null);
        await client.FlushAsync().WaitAsync(Guard);
        RecordedRequest request = await received.WaitAsync(Guard);

        Assert.Equal(source, client.WriteKeySource);
        Assert.Equal("POST /v1/batch HTTP/1.1", request.RequestLine);
        Assert.Contains("\"event\":\"Training Started\"", request.BodyText);
        Assert.Equal(1, client.SentCount);
        Assert.Empty(fallback.Items);
    }

    [Fact]
    public async Task Sink_TakesPrecedenceOverFallbackSink()
    {
        var sink = new InMemorySink();
        var fallback = new InMemorySink();
        TelemetryOptions options = TestOptions.CreateWithoutWriteKey();
        options.Sink = sink;
        options.FallbackSink = fallback;
        using var client = new TelemetryClient(options);

        client.Track("Training Started", null);
        await client.FlushAsync();

        Assert.Equal(TelemetryWriteKeySource.None, client.WriteKeySource);
        Assert.Single(sink.Items);
        Assert.Empty(fallback.Items);
    }

    [Fact]
    public async Task Disabled_IgnoresFallbackSink()
    {
        var fallback = new InMemorySink();
        TelemetryOptions options = TestOptions.CreateWithoutWriteKey();
        options.FallbackSink = fallback;
        options.Enabled = false;
        using var client = new TelemetryClient(options);

        client.Track("Training Started", null);
        await client.FlushAsync();

        Assert.False(client.IsEnabled);
        Assert.Equal(0, client.AcceptedCount);
        Assert.Empty(fallback.Items);
    }

    [Fact]
    public void Dispose_LeavesFallbackSinkUndisposed()
    {
        var fallback = new AsynchronousSink();
        TelemetryOptions options = TestOptions.CreateWithoutWriteKey();
        options.FallbackSink = fallback;
        var client = new TelemetryClient(options);
        client.Track("Training Started", null);

        client.Dispose();

        Assert.Single(fallback.Inner.Items);
        Assert.False(fallback.IsDisposed);
    }
}
