using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Telemetry.Generators.Benchmarks;

/// <summary>
/// The cost on the caller's thread of one event call with telemetry on, against a blocking HTTP POST per event,
/// which is what the Python telemetry module that this library replaces does.
/// </summary>
/// <remarks>
/// Every connection goes to 127.0.0.1 without TLS, so the baseline's round trip is far shorter than one to Segment.
/// The memory diagnoser counts the allocations of the whole process, which include the loopback server's in the
/// baseline and the background sender's in the generated methods.
/// </remarks>
[MemoryDiagnoser]
public class EnabledEventBenchmarks
{
    private const string WriteKey = "benchmark-write-key";
    private const string AnonymousId = "4a3c1e2b-7d5f-4e8a-9b6c-0d1e2f3a4b5c";

    private HttpListener? server;
    private Task? serverLoop;
    private HttpClient? httpClient;
    private Uri? trackAddress;
    private TelemetryClient? client;

    [GlobalSetup(Target = nameof(BlockingPostPerEvent))]
    public void StartLoopbackServer()
    {
        int port = GetUnusedLoopbackPort();
        server = new HttpListener();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        serverLoop = RespondOkAsync(server);

        // UseProxy = false keeps every request on loopback, whatever proxy the environment names.
        httpClient = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        string credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":"));
        httpClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        trackAddress = new Uri($"http://127.0.0.1:{port}/v1/track");
    }

    [GlobalSetup(Target = nameof(GeneratedEventEnabled))]
    public void CreateDiscardingClient()
    {
        // Batches of up to 2,500 events, Segment's maximum, let the sender empty the queue in few sends, so it keeps
        // up with the caller.
        UseClient(new TelemetryOptions
        {
            AppName = "bench",
            Sink = new DiscardingSink(),
            MaxBatchSize = 2500,
        });
    }

    [GlobalSetup(Target = nameof(GeneratedEventEndpointDown))]
    public void CreateUnreachableClient()
    {
        // Nothing listens on the port, so every send fails with "connection refused" and is retried. The queue
        // fills within the warmup, and from then on nearly every event is dropped with the reason QueueFull.
        int closedPort = GetUnusedLoopbackPort();
        UseClient(new TelemetryOptions
        {
            AppName = "bench",
            WriteKey = WriteKey,
            Endpoint = new Uri($"http://127.0.0.1:{closedPort}/"),
            UseSpool = false,
            MinRetryDelay = TimeSpan.FromMilliseconds(1),
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (client is not null)
        {
            // The counters show whether the run measured the intended steady state: no drops with the discarding
            // sink, and nearly every event dropped with the endpoint down.
            TelemetryStatistics statistics = client.GetStatistics();
            Console.WriteLine(
                $"Client counters: accepted {statistics.Accepted}, sent {statistics.Sent}, "
                + $"dropped {statistics.Dropped} "
                + $"(queue full {statistics.GetDroppedCount(TelemetryDropReason.QueueFull)}), "
                + $"pending {statistics.PendingCount}");

            // TelemetryClient.Default keeps pointing at the disposed client, which ignores track calls.
            client.Dispose();
            client = null;
        }

        httpClient?.Dispose();
        httpClient = null;
        if (server is not null)
        {
            server.Close();
            serverLoop?.Wait(TimeSpan.FromSeconds(5));
            server = null;
        }
    }

    [Benchmark(Baseline = true)]
    public HttpStatusCode BlockingPostPerEvent()
    {
        var payload = new Dictionary<string, object?>
        {
            ["anonymousId"] = AnonymousId,
            ["event"] = "Training Started",
            ["properties"] = new Dictionary<string, object?>
            {
                ["model_type"] = "rasa",
                ["is_finetuning"] = false,
                ["num_story_steps"] = 12,
            },
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, trackAddress);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(payload));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using HttpResponseMessage response = httpClient!.Send(request);
        response.EnsureSuccessStatusCode();
        return response.StatusCode;
    }

    [Benchmark]
    public void GeneratedEventEnabled() => BenchmarkEvents.TrainingStarted("rasa", false, 12);

    [Benchmark]
    public void GeneratedEventEndpointDown() => BenchmarkEvents.TrainingStarted("rasa", false, 12);

    private void UseClient(TelemetryOptions options)
    {
        client = new TelemetryClient(options);
        if (!client.IsEnabled)
        {
            throw new InvalidOperationException(
                $"The benchmark client is disabled ({client.ConsentState}), so the benchmark would measure nothing. "
                + "Unset DO_NOT_TRACK and BENCH_TELEMETRY_ENABLED and run it again.");
        }

        TelemetryClient.Default = client;
    }

    // Returns a loopback port that was free a moment ago: the system picks it for port 0, and the listener releases
    // it. Another process could take it before the benchmark uses it.
    private static int GetUnusedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // Responds to every request with status 200 and an empty body, keeping the connection alive, until the
    // listener is closed.
    private static async Task RespondOkAsync(HttpListener listener)
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                await context.Request.InputStream.CopyToAsync(Stream.Null).ConfigureAwait(false);
                context.Response.StatusCode = (int)HttpStatusCode.OK;
                context.Response.ContentLength64 = 0;
                context.Response.Close();
            }
            catch (Exception exception) when (exception is HttpListenerException or IOException)
            {
                // The connection broke, so the request fails on the client's side. The next one may still work.
            }
        }
    }

    private sealed class DiscardingSink : ITelemetrySink
    {
        public Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}
