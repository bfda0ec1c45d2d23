using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

/// <summary>
/// Collection that runs the stress tests alone, because their threads would otherwise starve the thread pool and
/// push the timing bounds of the tests running beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StressCollection
{
    public const string Name = "Delivery stress";
}

[Collection(StressCollection.Name)]
public sealed class DeliveryStressTests
{
    private const string WriteKey = "stress-key";
    private const string WhileDisabledEventName = "While Disabled";

    // Bounds every wait so that a hung test fails. No wait depends on it for synchronisation.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper _output;

    public DeliveryStressTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Track_SixteenThreads_DeliversEachOnce()
    {
        const int threadCount = 16;
        const int eventsPerThread = 6_250;
        const int totalEvents = threadCount * eventsPerThread;
        await using var server = new SegmentTestServer(WriteKey);
        var generatedIds = new ConcurrentBag<Guid>();
        await using var client = new TelemetryClient(CreateOptions(server, generatedIds));
        Assert.True(client.IsEnabled);

        using var start = new ManualResetEventSlim(initialState: false);
        Task[] trackers = Enumerable.Range(0, threadCount)
            .Select(thread => StartThread(() =>
            {
                start.Wait();
                for (int i = 0; i < eventsPerThread; i++)
                {
                    client.Track("Stress Event", CreateProperties(thread, i));
                }
            }))
            .ToArray();

        // Each FlushAsync waits for the whole backlog ahead of it, so the flusher keeps the task and adds the next
        // flush. The short Flush timeout lets the flushes interleave with the track calls.
        using var trackingDone = new CancellationTokenSource();
        var flushTasks = new List<Task>();
        int flushTimeouts = 0;
        start.Set();
        Task flusher = StartThread(() =>
        {
            do
            {
                flushTasks.Add(client.FlushAsync());
                if (!client.Flush(TimeSpan.FromMilliseconds(20)))
                {
                    flushTimeouts++;
                }
            }
            while (!trackingDone.IsCancellationRequested);
        });

        await Task.WhenAll(trackers).WaitAsync(Guard);
        trackingDone.Cancel();
        await flusher.WaitAsync(Guard);
        await Task.WhenAll(flushTasks).WaitAsync(Guard);
        await client.FlushAsync().WaitAsync(Guard);

        // The server records a delivery after it writes the reply, so the client can finish its flush first.
        await server.WaitForDeliveredAsync(totalEvents, Guard);

        _output.WriteLine(
            $"{server.Requests.Count} requests, {flushTasks.Count} flush rounds during tracking, {flushTimeouts} of "
            + "them with a timed-out Flush.");
        Assert.Empty(server.Violations);
        Assert.NotEmpty(flushTasks);
        Assert.Equal(totalEvents, client.AcceptedCount);
        Assert.Equal(totalEvents, client.SentCount);
        Assert.Equal(0, client.DroppedCount);
        Assert.Equal(0, client.PendingCount);
        Assert.Equal(totalEvents, server.DeliveredMessageIds.Count);

        string[] ids = generatedIds.Select(id => id.ToString("D")).ToArray();
        Assert.Equal(totalEvents, ids.Distinct(StringComparer.Ordinal).Count());
        string[] notDeliveredOnce = ids.Where(id => server.DeliveryCount(id) != 1).Take(10).ToArray();
        Assert.Empty(notDeliveredOnce);

        // Every (worker, index) pair arrives once with the values it was tracked with.
        var pairs = new HashSet<(string Worker, int Index)>();
        foreach (ReceivedRequest request in server.Requests)
        {
            foreach (string item in request.ItemJson)
            {
                (string worker, int index) = ReadAndCheckProperties(item);
                Assert.True(pairs.Add((worker, index)), $"The pair {worker}/{index} arrived more than once.");
            }
        }

        Assert.Equal(totalEvents, pairs.Count);
    }

    [Fact]
    public async Task Track_WhileToggling_CountsEveryEvent()
    {
        const int threadCount = 8;
        const int roundCount = 3;
        const int enabledCallsPerRound = 3_000;
        const int whileDisabledPerRound = 10;

        // Bounds the events of each thread below MaxQueueLength in total, in case the toggler stalls.
        const int maxEnabledCallsPerThread = 20_000;

        string folder = Path.Combine(Path.GetTempPath(), "delivery-stress-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var server = new SegmentTestServer(WriteKey);
            var generatedIds = new ConcurrentBag<Guid>();
            TelemetryOptions options = CreateOptions(server, generatedIds);
            options.Consent = new ConsentOptions
            {
                Mode = ConsentMode.OptOut,
                ConfigPath = Path.Combine(folder, "telemetry.json"),
                NoticeWriter = new StringWriter(),
            };
            await using var client = new TelemetryClient(options);
            Assert.True(client.IsEnabled);

            // Round r starts once the trackers have made (r + 1) * enabledCallsPerRound calls while the client was
            // on, so every toggle happens while they track.
            var roundReady = Enumerable.Range(0, roundCount)
                .Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
                .ToArray();
            long callsWhileEnabled = 0;
            long callsWhileDisabled = 0;
            using var togglingDone = new CancellationTokenSource();
            using var start = new ManualResetEventSlim(initialState: false);
            Task[] trackers = Enumerable.Range(0, threadCount)
                .Select(thread => StartThread(() =>
                {
                    start.Wait();
                    int enabledCalls = 0;
                    int index = 0;
                    while (enabledCalls < maxEnabledCallsPerThread && !togglingDone.IsCancellationRequested)
                    {
                        bool wasEnabled = client.IsEnabled;
                        client.Track("Toggle Event", CreateProperties(thread, index++));
                        if (!wasEnabled)
                        {
                            Interlocked.Increment(ref callsWhileDisabled);

                            // Leaves the cores to the sender while a DisableAsync flushes.
                            Thread.Yield();
                            continue;
                        }

                        enabledCalls++;
                        long calls = Interlocked.Increment(ref callsWhileEnabled);
                        if (calls % enabledCallsPerRound == 0 && calls / enabledCallsPerRound <= roundCount)
                        {
                            roundReady[(calls / enabledCallsPerRound) - 1].TrySetResult();
                        }
                    }
                }))
                .ToArray();

            var disableResults = new List<bool>();
            Task toggler = Task.Run(async () =>
            {
                for (int round = 0; round < roundCount; round++)
                {
                    await roundReady[round].Task.WaitAsync(Guard);
                    Task<bool> disabling = client.DisableAsync(Guard);

                    // DisableAsync turns the client off before it first yields, so these calls come after it.
                    for (int i = 0; i < whileDisabledPerRound; i++)
                    {
                        client.Track(WhileDisabledEventName, null);
                    }

                    disableResults.Add(await disabling);
                    for (int i = 0; i < whileDisabledPerRound; i++)
                    {
                        client.Track(WhileDisabledEventName, null);
                    }

                    client.Enable();
                    Assert.True(client.IsEnabled);
                }
            });

            start.Set();
            try
            {
                await toggler.WaitAsync(Guard);
            }
            finally
            {
                togglingDone.Cancel();
            }

            await Task.WhenAll(trackers).WaitAsync(Guard);
            await client.FlushAsync().WaitAsync(Guard);
            await server.WaitForDeliveredAsync((int)client.SentCount, Guard);

            _output.WriteLine(
                $"{client.AcceptedCount} events accepted, {Interlocked.Read(ref callsWhileDisabled)} track calls by "
                + $"the trackers while the client was off, {server.Requests.Count} requests.");
            Assert.Empty(server.Violations);
            Assert.Equal(Enumerable.Repeat(true, roundCount), disableResults);
            Assert.Equal(TelemetryConsentState.Enabled, client.ConsentState);

            // Each accepted event was sent or dropped for the opt-out, and nothing was lost for another reason.
            TelemetryStatistics statistics = client.GetStatistics();
            long optedOut = statistics.GetDroppedCount(TelemetryDropReason.OptedOut);
            Assert.Equal(client.AcceptedCount, client.SentCount + optedOut);
            foreach (TelemetryDropReason reason in Enum.GetValues<TelemetryDropReason>())
            {
                if (reason != TelemetryDropReason.OptedOut)
                {
                    Assert.Equal(0, statistics.GetDroppedCount(reason));
                }
            }

            // Every DisableAsync delivered its final event, so the events accepted before it were delivered too.
            Assert.Equal(0, optedOut);
            Assert.Equal(0, client.PendingCount);

            // A call that saw the client on is rejected when a DisableAsync starts before the call reaches the
            // queue, which happens at most once per thread and round.
            long minimumAccepted = (roundCount * (enabledCallsPerRound - threadCount)) + roundCount;
            Assert.True(
                client.AcceptedCount >= minimumAccepted,
                $"Only {client.AcceptedCount} events were accepted, expected at least {minimumAccepted}.");

            IReadOnlyCollection<string> delivered = server.DeliveredMessageIds;
            Assert.Equal(client.SentCount, delivered.Count);
            Assert.Empty(delivered.Where(id => server.DeliveryCount(id) != 1).Take(10));
            var generated = new HashSet<string>(generatedIds.Select(id => id.ToString("D")), StringComparer.Ordinal);
            Assert.Empty(delivered.Where(id => !generated.Contains(id)).Take(10));

            var eventNames = server.Requests
                .Where(request => request.Delivered)
                .SelectMany(request => request.ItemJson)
                .Select(ReadEventName)
                .ToArray();
            Assert.Equal(roundCount, eventNames.Count(name => name == "Telemetry Disabled"));
            Assert.Equal(0, eventNames.Count(name => name == WhileDisabledEventName));
            Assert.Equal(client.SentCount - roundCount, eventNames.Count(name => name == "Toggle Event"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static TelemetryOptions CreateOptions(SegmentTestServer server, ConcurrentBag<Guid> generatedIds) => new()
    {
        WriteKey = WriteKey,
        Endpoint = server.BaseAddress,
        AppName = "StressTests",
        AppVersion = "1.0.0",
        AnonymousId = "anon-stress",
        EnvironmentPrefix = TestOptions.UniqueEnvironmentPrefix(),
        MessageIdGenerator = () =>
        {
            Guid id = Guid.NewGuid();
            generatedIds.Add(id);
            return id;
        },
        MaxBatchSize = 500,
        MaxQueueLength = 200_000,
        MaxQueueBytes = 1_000_000_000,
        FlushInterval = TimeSpan.FromMilliseconds(100),
        UseCompression = true,
        UseSpool = false,
    };

    private static TelemetryProperties CreateProperties(int thread, int index)
    {
        var properties = new TelemetryProperties(4);
        properties.Add("worker", TelemetryValue.From("worker-" + thread));
        properties.Add("index", TelemetryValue.From(index));
        properties.Add("ratio", TelemetryValue.From(index / 4.0));
        properties.Add("even", TelemetryValue.From(index % 2 == 0));
        return properties;
    }

    // Returns the worker and index of a "Stress Event" item after checking that its other values match them.
    private static (string Worker, int Index) ReadAndCheckProperties(string itemJson)
    {
        using JsonDocument document = JsonDocument.Parse(itemJson);
        JsonElement properties = document.RootElement.GetProperty("properties");
        string worker = properties.GetProperty("worker").GetString()!;
        int index = properties.GetProperty("index").GetInt32();
        Assert.Equal(index / 4.0, properties.GetProperty("ratio").GetDouble());
        Assert.Equal(index % 2 == 0, properties.GetProperty("even").GetBoolean());
        return (worker, index);
    }

    private static string ReadEventName(string itemJson)
    {
        using JsonDocument document = JsonDocument.Parse(itemJson);
        return document.RootElement.GetProperty("event").GetString()!;
    }

    // Runs the work on a thread of its own, so that busy trackers and a blocked flusher do not starve the thread pool
    // that the sender and the test server run on.
    private static Task StartThread(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
