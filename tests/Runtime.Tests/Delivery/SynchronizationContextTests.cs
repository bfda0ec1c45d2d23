using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

/// <summary>
/// Flushing and disposal called from a thread with a single-threaded synchronization context, as on a UI thread,
/// against the Segment test server.
/// </summary>
public sealed class SynchronizationContextTests
{
    private static readonly TimeSpan Guard = DeliveryTestOptions.Guard;

    // Flush() waits for at most the shutdown timeout, so a long one lets it wait for the delivery.
    private static readonly TimeSpan LongShutdownTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan HungShutdownTimeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Flush_ReturnsUnderBlockedContext()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        await using var client = new TelemetryClient(CreateOptions(server, LongShutdownTimeout));
        var context = new BlockedContext();

        RunOnThread(context, () =>
        {
            TrackEvents(client, 2);
            client.Flush();
        });
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Equal(DeliveryTestOptions.MessageIds(1, 2), server.DeliveredMessageIds);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, context.PostCount);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task FlushWithTimeout_ReturnsUnderBlockedContext()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        await using var client = new TelemetryClient(CreateOptions(server, LongShutdownTimeout));
        var context = new BlockedContext();
        bool completed = false;

        RunOnThread(context, () =>
        {
            TrackEvents(client, 2);
            completed = client.Flush(Guard);
        });
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.True(completed);
        Assert.Equal(DeliveryTestOptions.MessageIds(1, 2), server.DeliveredMessageIds);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, context.PostCount);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task FlushAsyncBlocking_CompletesUnderBlockedContext()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        await using var client = new TelemetryClient(CreateOptions(server, LongShutdownTimeout));
        var context = new BlockedContext();

        RunOnThread(context, () =>
        {
            TrackEvents(client, 2);
            client.FlushAsync().GetAwaiter().GetResult();
        });
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Equal(DeliveryTestOptions.MessageIds(1, 2), server.DeliveredMessageIds);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, context.PostCount);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task Dispose_DeliversUnderBlockedContext()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        var client = new TelemetryClient(CreateOptions(server, LongShutdownTimeout));
        var context = new BlockedContext();

        RunOnThread(context, () =>
        {
            TrackEvents(client, 2);
            client.Dispose();
        });
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Equal(DeliveryTestOptions.MessageIds(1, 2), server.DeliveredMessageIds);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
        Assert.Equal(0, context.PostCount);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task DisposeAsyncBlocking_CompletesUnderBlockedContext()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        var client = new TelemetryClient(CreateOptions(server, LongShutdownTimeout));
        var context = new BlockedContext();

        RunOnThread(context, () =>
        {
            TrackEvents(client, 2);
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Equal(DeliveryTestOptions.MessageIds(1, 2), server.DeliveredMessageIds);
        Assert.Equal(2, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
        Assert.Equal(0, context.PostCount);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task Dispose_BoundedWhenServerHangs()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.DefaultReply = ServerReply.NeverAnswer;
        var client = new TelemetryClient(CreateOptions(server, HungShutdownTimeout));
        var context = new BlockedContext();
        var stopwatch = new Stopwatch();

        RunOnThread(context, () =>
        {
            TrackEvents(client, 2);
            stopwatch.Start();
            client.Dispose();
            stopwatch.Stop();
        });

        // Disposal may block for the shutdown timeout plus 1 s for writing the spool. The rest is scheduling margin.
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, HungShutdownTimeout + TimeSpan.FromSeconds(1.5));
        Assert.Equal(2, client.GetStatistics().GetDroppedCount(TelemetryDropReason.ShutdownTimedOut));
        Assert.Equal(0, client.SentCount);
        Assert.Equal(0, context.PostCount);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task FlushWithTimeout_HungServerReturnsFalse()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        server.DefaultReply = ServerReply.NeverAnswer;
        await using var client = new TelemetryClient(CreateOptions(server, HungShutdownTimeout));
        var context = new BlockedContext();
        var stopwatch = new Stopwatch();
        bool completed = true;

        RunOnThread(context, () =>
        {
            TrackEvents(client, 2);
            stopwatch.Start();
            completed = client.Flush(TimeSpan.FromMilliseconds(200));
            stopwatch.Stop();
        });

        Assert.False(completed);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(200 + 1500));
        Assert.Equal(2, client.PendingCount);
        Assert.Equal(0, context.PostCount);
    }

    [Fact]
    public async Task PumpedContext_AwaitsFlushAndDispose()
    {
        await using var server = new SegmentTestServer(DeliveryTestOptions.WriteKey);
        await using var client = new TelemetryClient(CreateOptions(server, LongShutdownTimeout));
        using var context = new PumpedContext();
        var threadIds = new List<int>();

        await context.RunAsync(async () =>
        {
            TrackEvents(client, 2);
            await client.FlushAsync();
            threadIds.Add(Environment.CurrentManagedThreadId);
            client.Track("After flush", null);
            await client.DisposeAsync();
            threadIds.Add(Environment.CurrentManagedThreadId);
        }).WaitAsync(Guard);
        await server.WaitForDeliveredAsync(3, Guard);

        // The awaits in the body capture the context, so both continuations ran on its thread.
        Assert.Equal(new[] { context.ThreadId, context.ThreadId }, threadIds);
        Assert.Equal(DeliveryTestOptions.MessageIds(1, 3), server.DeliveredMessageIds);
        Assert.Equal(3, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
        Assert.Empty(server.Violations);
    }

    private static TelemetryOptions CreateOptions(SegmentTestServer server, TimeSpan shutdownTimeout)
    {
        TelemetryOptions options = DeliveryTestOptions.Create(server);
        options.ShutdownTimeout = shutdownTimeout;
        return options;
    }

    private static void TrackEvents(TelemetryClient client, int count)
    {
        for (int i = 1; i <= count; i++)
        {
            client.Track("Event " + i, null);
        }
    }

    private static void RunOnThread(SynchronizationContext context, Action action) =>
        Assert.Null(ContextThreads.Run(context, action, Guard));

    // Context that runs posted callbacks one at a time on its own thread, like a UI thread's message loop.
    private sealed class PumpedContext : SynchronizationContext, IDisposable
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = new();
        private readonly Thread _thread;

        public PumpedContext()
        {
            _thread = new Thread(RunLoop) { IsBackground = true, Name = "Pumped synchronization context" };
            _thread.Start();
        }

        public int ThreadId => _thread.ManagedThreadId;

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public override void Send(SendOrPostCallback d, object? state) =>
            throw new NotSupportedException("This test context supports only Post.");

        // Starts body on the context's thread and completes when the task it returns completes.
        public Task RunAsync(Func<Task> body)
        {
            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(
                async _ =>
                {
                    try
                    {
                        await body();
                        completion.SetResult();
                    }
                    catch (Exception exception)
                    {
                        completion.SetException(exception);
                    }
                },
                null);
            return completion.Task;
        }

        public void Dispose() => _queue.CompleteAdding();

        private void RunLoop()
        {
            SetSynchronizationContext(this);
            foreach ((SendOrPostCallback callback, object? state) in _queue.GetConsumingEnumerable())
            {
                callback(state);
            }
        }
    }
}
