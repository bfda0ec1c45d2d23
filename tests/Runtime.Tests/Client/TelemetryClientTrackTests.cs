using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Client;

public sealed class TelemetryClientTrackTests
{
    [Fact]
    public async Task Track_RecordsExactItemFields()
    {
        var sink = new InMemorySink(new ManualTimeProvider(SampleItems.SentAt));
        using var client = new TelemetryClient(TestOptions.Create(sink));
        var properties = new TelemetryProperties(1);
        properties.Add("model_type", TelemetryValue.From("cnn"));

        client.Track("Training Started", properties);
        await client.FlushAsync();

        TrackItem item = Assert.Single(sink.Items);
        Assert.Equal("00000000-0000-0000-0000-000000000001", item.MessageId);
        Assert.Equal("anon-1", item.AnonymousId);
        Assert.Equal("Training Started", item.Event);
        Assert.Same(properties, item.Properties);
        Assert.Equal(SampleItems.TrackedAt, item.Timestamp);
        Assert.Equal(ExpectedContextJson("TrainingCli", "2.1.0"), item.Context.ToString());
    }

    [Fact]
    public async Task Track_ProducesExactBody()
    {
        var sink = new InMemorySink(new ManualTimeProvider(SampleItems.SentAt));
        using var client = new TelemetryClient(TestOptions.Create(sink));
        var properties = new TelemetryProperties(2);
        properties.Add("epochs", TelemetryValue.From(3));
        properties.Add("maybe", TelemetryValue.Null);

        client.Track("Training Started", properties);
        client.Track("Training Finished", null);
        await client.FlushAsync();

        string expected =
            "{\"batch\":["
            + "{\"type\":\"track\",\"messageId\":\"00000000-0000-0000-0000-000000000001\",\"anonymousId\":\"anon-1\","
            + "\"event\":\"Training Started\",\"properties\":{\"epochs\":3,\"maybe\":null},"
            + $"\"context\":{ExpectedContextJson("TrainingCli", "2.1.0")},\"timestamp\":\"2024-03-09T14:05:07.250Z\"}},"
            + "{\"type\":\"track\",\"messageId\":\"00000000-0000-0000-0000-000000000002\",\"anonymousId\":\"anon-1\","
            + "\"event\":\"Training Finished\",\"properties\":{},"
            + $"\"context\":{ExpectedContextJson("TrainingCli", "2.1.0")},\"timestamp\":\"2024-03-09T14:05:07.250Z\"}}"
            + "],\"sentAt\":\"2024-03-09T14:05:08.000Z\"}";
        Assert.Equal(expected, Assert.Single(sink.Bodies));
    }

    [Fact]
    public async Task Track_TimestampComesFromClock()
    {
        var clock = new ManualTimeProvider(SampleItems.TrackedAt);
        var sink = new InMemorySink();
        using var client = new TelemetryClient(TestOptions.Create(sink, clock));

        client.Track("First", null);
        clock.SetUtcNow(SampleItems.TrackedAt.AddMinutes(1));
        client.Track("Second", null);
        await client.FlushAsync();

        Assert.Equal(
            new[] { SampleItems.TrackedAt, SampleItems.TrackedAt.AddMinutes(1) },
            sink.Items.Select(item => item.Timestamp));
    }

    [Fact]
    public void Track_DoesNotCallSink()
    {
        var sink = new InMemorySink();
        using var client = new TelemetryClient(TestOptions.Create(sink));

        client.Track("Training Started", null);

        Assert.Empty(sink.Items);
        Assert.Equal(1, client.PendingCount);
        Assert.Equal(1, client.AcceptedCount);
    }

    [Fact]
    public void Context_OmitsMissingAppVersion()
    {
        // A client passes a null version only when there is no entry assembly, which a test host cannot arrange.
        TelemetryProperties context = TelemetryContext.Create("TrainingCli", appVersion: null);

        Assert.True(context.TryGetValue("app", out TelemetryValue app));
        Assert.Equal("{\"name\":\"TrainingCli\"}", app.ToString());
    }

    [Fact]
    public async Task Context_DefaultsFromEntryAssembly()
    {
        var sink = new InMemorySink();
        TelemetryOptions options = TestOptions.Create(sink);
        options.AppName = null;
        options.AppVersion = null;
        options.EntryAssembly = TestOptions.TestAssembly;
        using var client = new TelemetryClient(options);

        client.Track("E", null);
        await client.FlushAsync();

        string expectedVersion = typeof(TelemetryClientTrackTests).Assembly.GetName().Version!.ToString(3);
        Assert.Equal(
            ExpectedContextJson("Telemetry.Generators.Runtime.Tests", expectedVersion),
            Assert.Single(sink.Items).Context.ToString());
        Assert.Equal("TELEMETRY_GENERATORS_RUNTIME_TESTS_TELEMETRY_WRITE_KEY", client.WriteKeyEnvironmentVariable);
    }

    [Fact]
    public async Task Flush_SplitsIntoBatches()
    {
        var sink = new InMemorySink();
        TelemetryOptions options = TestOptions.Create(sink);
        options.MaxBatchSize = 2;
        using var client = new TelemetryClient(options);

        for (int i = 0; i < 5; i++)
        {
            client.Track($"Event {i}", null);
        }

        await client.FlushAsync();

        int[] batchSizes = sink.Bodies
            .Select(body => JsonDocument.Parse(body).RootElement.GetProperty("batch").GetArrayLength())
            .ToArray();
        Assert.Equal(new[] { 2, 2, 1 }, batchSizes);
        Assert.Equal(
            new[] { "Event 0", "Event 1", "Event 2", "Event 3", "Event 4" },
            sink.Items.Select(item => item.Event));
        Assert.Equal(5, client.SentCount);
        Assert.Equal(0, client.PendingCount);
    }

    [Fact]
    public async Task Flush_NothingPendingSendsNothing()
    {
        var sink = new InMemorySink();
        using var client = new TelemetryClient(TestOptions.Create(sink));

        await client.FlushAsync();
        client.Flush();

        Assert.Empty(sink.Bodies);
    }

    [Fact]
    public void Track_DisabledClientRecordsNothing()
    {
        var sink = new InMemorySink();
        TelemetryOptions options = TestOptions.Create(sink);
        options.Enabled = false;
        using var client = new TelemetryClient(options);

        client.Track("Training Started", null);
        client.Flush();

        Assert.False(client.IsEnabled);
        Assert.Equal(0, client.AcceptedCount);
        Assert.Equal(0, client.PendingCount);
        Assert.Empty(sink.Items);
    }

    [Fact]
    public async Task Track_QueueLimitDropsAndCounts()
    {
        var sink = new InMemorySink();
        var logger = new RecordingLogger();
        TelemetryOptions options = TestOptions.Create(sink);
        options.MaxQueueLength = 3;
        options.Logger = logger;
        using var client = new TelemetryClient(options);

        for (int i = 0; i < 5; i++)
        {
            client.Track($"Event {i}", null);
        }

        Assert.Equal(3, client.AcceptedCount);
        Assert.Equal(2, client.DroppedCount);
        Assert.Equal(3, client.PendingCount);
        LogEntry warning = Assert.Single(logger.WithEventId(30));
        Assert.Contains("'Event 3'", warning.Message);

        await client.FlushAsync();
        client.Track("After flush", null);

        Assert.Equal(4, client.AcceptedCount);
        Assert.Equal(new[] { "Event 0", "Event 1", "Event 2" }, sink.Items.Select(item => item.Event));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Track_InvalidEventNameIsDroppedAndLogged(string? eventName)
    {
        var logger = new RecordingLogger();
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        options.Logger = logger;
        using var client = new TelemetryClient(options);

        client.Track(eventName!, null);

        Assert.Equal(0, client.AcceptedCount);
        Assert.Equal(1, client.DroppedCount);
        LogEntry entry = Assert.Single(logger.WithEventId(4));
        Assert.IsType<ArgumentException>(entry.Exception);
    }

    [Fact]
    public void Track_ThrowingIdGeneratorIsDroppedAndLogged()
    {
        var logger = new RecordingLogger();
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        options.Logger = logger;
        options.MessageIdGenerator = () => throw new InvalidOperationException("generator failed");
        using var client = new TelemetryClient(options);

        client.Track("Training Started", null);

        Assert.Equal(1, client.DroppedCount);
        Assert.Equal("generator failed", Assert.Single(logger.WithEventId(4)).Exception?.Message);
    }

    [Fact]
    public void ThrowingLogger_DoesNotReachCaller()
    {
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        options.Logger = new ThrowingLogger();
        options.MaxQueueLength = 1;
        using var client = new TelemetryClient(options);

        client.Track(null!, null);
        client.Track("Accepted", null);
        client.Track("Queue full", null);

        Assert.Equal(1, client.AcceptedCount);
        Assert.Equal(2, client.DroppedCount);
    }

    [Fact]
    public void ThrowingLogger_FlushAndDisposeSucceed()
    {
        TelemetryOptions options = TestOptions.Create(new ThrowingSink(new InvalidOperationException("sink is down")));
        options.Logger = new ThrowingLogger();
        var client = new TelemetryClient(options);
        client.Track("A", null);

        client.Flush();
        client.Track("B", null);
        client.Dispose();

        Assert.Equal(2, client.DroppedCount);
    }

    [Fact]
    public async Task Flush_SinkFailureIsCountedAndLogged()
    {
        var failure = new InvalidOperationException("sink is down");
        var sink = new ThrowingSink(failure);
        var logger = new RecordingLogger();
        TelemetryOptions options = TestOptions.Create(sink);
        options.Logger = logger;
        options.MaxBatchSize = 2;
        using var client = new TelemetryClient(options);

        client.Track("A", null);
        client.Track("B", null);
        client.Track("C", null);
        await client.FlushAsync();

        Assert.Equal(2, sink.CallCount);
        Assert.Equal(0, client.SentCount);
        Assert.Equal(3, client.DroppedCount);
        Assert.Equal(0, client.PendingCount);
        IReadOnlyList<LogEntry> entries = logger.WithEventId(21);
        Assert.Equal(2, entries.Count);
        Assert.Same(failure, entries[0].Exception);
        Assert.Contains("batch of 2 events", entries[0].Message);
        Assert.Contains("batch of 1 events", entries[1].Message);
    }

    [Fact]
    public void Flush_SinkThrowingSynchronouslyIsCaught()
    {
        var sink = new ThrowingSink(new InvalidOperationException("thrown before a task exists"), synchronous: true);
        using var client = new TelemetryClient(TestOptions.Create(sink));

        client.Track("A", null);
        client.Flush();

        Assert.Equal(1, sink.CallCount);
        Assert.Equal(1, client.DroppedCount);
        Assert.Equal(0, client.PendingCount);
    }

    [Fact]
    public async Task Track_ConcurrentCallersLoseNothing()
    {
        var sink = new InMemorySink();
        using var client = new TelemetryClient(TestOptions.Create(sink));

        Task[] producers = Enumerable.Range(0, 4)
            .Select(worker => Task.Run(() =>
            {
                for (int i = 0; i < 1000; i++)
                {
                    client.Track($"Event {worker}", null);
                }
            }))
            .ToArray();
        Task flusher = Task.Run(async () =>
        {
            while (!producers.All(producer => producer.IsCompleted))
            {
                await client.FlushAsync();
            }
        });
        await Task.WhenAll(producers).WaitAsync(TimeSpan.FromSeconds(30));
        await flusher.WaitAsync(TimeSpan.FromSeconds(30));
        await client.FlushAsync();

        Assert.Equal(4000, client.AcceptedCount);
        Assert.Equal(4000, client.SentCount);
        Assert.Equal(4000, sink.Items.Count);
        Assert.Equal(4000, sink.Items.Select(item => item.MessageId).Distinct().Count());
    }

    // The context's own members are tested with DefaultContext. These tests check that a client passes its app
    // name and version and the CI flag, and sends the context it built with every item.
    internal static string ExpectedContextJson(string appName, string appVersion)
    {
        var settings = new DefaultContextSettings(
            appName,
            appVersion,
            ContinuousIntegration.IsDetected(Environment.GetEnvironmentVariable),
            HashSecret: null,
            HashWorkingDirectory: false,
            HashGitRemote: false,
            Environment.CurrentDirectory);
        return DefaultContext.Create(settings).ToString();
    }
}
