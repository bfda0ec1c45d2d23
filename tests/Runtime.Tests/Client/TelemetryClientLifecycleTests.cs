using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Client;

public sealed class TelemetryClientLifecycleTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public void Dispose_FlushesPendingEvents()
    {
        var sink = new InMemorySink();
        var client = new TelemetryClient(TestOptions.Create(sink));
        client.Track("A", null);
        client.Track("B", null);

        client.Dispose();

        Assert.Equal(2, sink.Items.Count);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
    }

    [Fact]
    public void Dispose_TwiceIsHarmless()
    {
        var sink = new InMemorySink();
        var logger = new RecordingLogger();
        TelemetryOptions options = TestOptions.Create(sink);
        options.Logger = logger;
        var client = new TelemetryClient(options);
        client.Track("A", null);

        client.Dispose();
        client.Dispose();

        Assert.Single(sink.Items);
        Assert.Single(logger.WithEventId(9));
    }

    [Fact]
    public void Track_AfterDisposeIsNoOp()
    {
        var sink = new InMemorySink();
        var client = new TelemetryClient(TestOptions.Create(sink));
        client.Dispose();

        client.Track("Late", null);
        client.Flush();

        Assert.False(client.IsEnabled);
        Assert.Equal(0, client.AcceptedCount);
        Assert.Equal(0, client.DroppedCount);
        Assert.Empty(sink.Items);
    }

    [Fact]
    public void Dispose_LeavesUserSinkUndisposed()
    {
        var sink = new AsynchronousSink();
        var client = new TelemetryClient(TestOptions.Create(sink));

        client.Dispose();

        Assert.False(sink.IsDisposed);
    }

    [Fact]
    public async Task FlushAsync_CancelStopsOnlyTheWait()
    {
        var sink = new GatedSink(honoursCancellation: true);
        TelemetryOptions options = TestOptions.Create(sink);
        options.MaxBatchSize = 1;
        using var client = new TelemetryClient(options);
        client.Track("A", null);
        client.Track("B", null);
        using var cancellation = new CancellationTokenSource();

        Task flush = client.FlushAsync(cancellation.Token);
        await sink.FirstSendStarted.WaitAsync(Guard);
        client.Track("C", null);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => flush.WaitAsync(Guard));
        Assert.Equal(3, client.PendingCount);
        Assert.Equal(0, client.DroppedCount);

        sink.Release();
        await client.FlushAsync().WaitAsync(Guard);

        Assert.Equal(new[] { "A", "B", "C" }, Events(sink.Inner));
        Assert.Equal(3, client.SentCount);
    }

    [Fact]
    public async Task FlushAsync_CanceledBeforeStartThrows()
    {
        var sink = new InMemorySink();
        using var client = new TelemetryClient(TestOptions.Create(sink));
        client.Track("A", null);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.FlushAsync(new CancellationToken(true)));

        Assert.Equal(1, client.PendingCount);
        Assert.Empty(sink.Items);
    }

    [Fact]
    public async Task Flush_TimeoutReturnsFalse()
    {
        var sink = new GatedSink(honoursCancellation: false);
        using var client = new TelemetryClient(TestOptions.Create(sink));
        client.Track("A", null);

        bool completed = client.Flush(TimeSpan.FromMilliseconds(100));

        Assert.False(completed);
        sink.Release();
        await client.FlushAsync().WaitAsync(Guard);
        Assert.Equal(1, client.SentCount);
    }

    [Fact]
    public void Flush_CompletesWithinTimeout()
    {
        var sink = new AsynchronousSink();
        using var client = new TelemetryClient(TestOptions.Create(sink));
        client.Track("A", null);

        Assert.True(client.Flush(Guard));
        Assert.Single(sink.Inner.Items);
    }

    [Fact]
    public void Flush_NegativeTimeoutThrows()
    {
        using var client = new TelemetryClient(TestOptions.Create(new InMemorySink()));

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => client.Flush(TimeSpan.FromSeconds(-2)));

        Assert.Equal("timeout", exception.ParamName);
    }

    [Fact]
    public void Dispose_CanceledFlushDropsUnsentEvents()
    {
        var sink = new GatedSink(honoursCancellation: true);
        var logger = new RecordingLogger();
        TelemetryOptions options = TestOptions.Create(sink);
        options.Logger = logger;
        options.MaxBatchSize = 1;
        var client = new TelemetryClient(options);
        client.Track("A", null);
        client.Track("B", null);
        client.Track("C", null);

        var stopwatch = Stopwatch.StartNew();
        client.Dispose();
        stopwatch.Stop();

        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(1.5), Guard);
        Assert.Equal(0, client.SentCount);
        Assert.Equal(3, client.DroppedCount);
        Assert.Equal(3, client.GetStatistics().GetDroppedCount(TelemetryDropReason.ShutdownTimedOut));
        Assert.Contains("Dropped 3 events", Assert.Single(logger.WithEventId(29)).Message);
    }

    [Fact]
    public async Task Dispose_CountsEventsHeldByHungFlush()
    {
        var sink = new GatedSink(honoursCancellation: false);
        var client = new TelemetryClient(TestOptions.Create(sink));
        client.Track("A", null);
        Assert.False(client.Flush(TimeSpan.Zero));
        client.Track("B", null);

        client.Dispose();

        Assert.Equal(2, client.AcceptedCount);
        Assert.Equal(0, client.SentCount);
        Assert.Equal(2, client.DroppedCount);

        // The hung send finishing later must not count the abandoned event a second time. A new flush waits for
        // the hung one to release the flush gate, so the counters are final after it.
        sink.Release();
        await client.FlushAsync().WaitAsync(Guard);
        Assert.Equal(0, client.SentCount);
        Assert.Equal(2, client.DroppedCount);
    }

    [Fact]
    public void Dispose_ReturnsWhenSinkHangs()
    {
        var sink = new GatedSink(honoursCancellation: false);
        var logger = new RecordingLogger();
        TelemetryOptions options = TestOptions.Create(sink);
        options.Logger = logger;
        var client = new TelemetryClient(options);
        client.Track("A", null);

        var stopwatch = Stopwatch.StartNew();
        client.Dispose();
        stopwatch.Stop();
        sink.Release();

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, Guard);
        Assert.False(client.IsEnabled);
        Assert.Contains("Dropped 1 events", Assert.Single(logger.WithEventId(29)).Message);
    }

    [Fact]
    public void Flush_UnderBlockingContextCompletes()
    {
        var sink = new AsynchronousSink();
        using var client = new TelemetryClient(TestOptions.Create(sink));
        client.Track("A", null);
        client.Track("B", null);

        Exception? failure = RunOnThreadWithContext(new BlockedContext(), () => client.Flush());

        Assert.Null(failure);
        Assert.Equal(2, sink.Inner.Items.Count);
    }

    [Fact]
    public void FlushAsync_DoesNotCaptureContext()
    {
        // Blocking on FlushAsync under a context that never runs posted work completes only if every await in the
        // client uses ConfigureAwait(false).
        var sink = new AsynchronousSink();
        using var client = new TelemetryClient(TestOptions.Create(sink));
        client.Track("A", null);

        Exception? failure = RunOnThreadWithContext(
            new BlockedContext(),
            () => client.FlushAsync().GetAwaiter().GetResult());

        Assert.Null(failure);
        Assert.Single(sink.Inner.Items);
    }

    private static Exception? RunOnThreadWithContext(SynchronizationContext context, Action action) =>
        ContextThreads.Run(context, action, Guard);

    private static string[] Events(InMemorySink sink) => sink.Items.Select(item => item.Event).ToArray();
}
