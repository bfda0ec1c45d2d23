using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TrainingCli.Tests.Infrastructure;

/// <summary>One HTTP request as the collector read it off the socket.</summary>
internal sealed record ReceivedRequest(string RequestLine, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A minimal Segment-compatible collector on a <see cref="TcpListener"/> bound to 127.0.0.1. It reads each request
/// as raw HTTP/1.1, records it, and responds with <c>200 OK</c> and the body <c>{}</c>, or never responds when it
/// was started with <see cref="StartUnresponsive"/>.
/// </summary>
/// <remarks>
/// It reads bodies by <c>Content-Length</c> only, because the runtime's HTTP sink sends a fixed-length body. It
/// records each request before it responds, so once a client has read the response, <see cref="Requests"/>
/// contains that request.
/// </remarks>
internal sealed class LoopbackCollector : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<ReceivedRequest> requests = new();
    private readonly ConcurrentQueue<TcpClient> heldConnections = new();
    private readonly Action<ReceivedRequest>? onRequest;
    private readonly bool responds;
    private readonly Task acceptLoop;

    /// <summary>Starts listening on a free port of 127.0.0.1.</summary>
    /// <param name="onRequest">
    /// Called with each request after it is read and before the response is written, while the client still waits.
    /// It runs on the collector's accept loop, so it must not throw.
    /// </param>
    public LoopbackCollector(Action<ReceivedRequest>? onRequest = null)
        : this(onRequest, responds: true)
    {
    }

    private LoopbackCollector(Action<ReceivedRequest>? onRequest, bool responds)
    {
        this.onRequest = onRequest;
        this.responds = responds;
        listener.Start();
        acceptLoop = AcceptLoopAsync();
    }

    /// <summary>
    /// Starts a collector that reads and records each request but never responds, like a server that hangs. It
    /// keeps every connection open until it is disposed, so a client waits until its own request timeout.
    /// </summary>
    public static LoopbackCollector StartUnresponsive() => new(onRequest: null, responds: false);

    /// <summary>Base address to pass as <c>--endpoint</c>, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>
    /// Returns a base address on 127.0.0.1 where nothing listens, so every connection is refused at once.
    /// </summary>
    public static Uri AddressWithoutListener()
    {
        // A port that was just released has no listener.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => requests.ToList();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await acceptLoop;
        }
        catch (Exception exception)
            when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the pending accept with one of these.
        }

        while (heldConnections.TryDequeue(out var connection))
        {
            connection.Dispose();
        }

        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            if (!responds)
            {
                // DisposeAsync closes the connection. Until then the client sees an open socket and no response.
                heldConnections.Enqueue(client);
                await ReadAndRecordAsync(client.GetStream());
                continue;
            }

            using (client)
            {
                await using var stream = client.GetStream();
                await ReadAndRecordAsync(stream);

                var response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\n{}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), stopping.Token);
            }
        }
    }

    private async Task ReadAndRecordAsync(Stream stream)
    {
        var request = await ReadRequestAsync(stream, stopping.Token);
        requests.Enqueue(request);
        onRequest?.Invoke(request);
    }

    private static async Task<ReceivedRequest> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var count = await stream.ReadAsync(buffer, cancellationToken);
            if (count == 0)
            {
                throw new EndOfStreamException("The connection closed before the request headers ended.");
            }

            received.AddRange(buffer.AsSpan(0, count));
        }

        var headerLines = Encoding.ASCII.GetString(received.GetRange(0, headerEnd).ToArray()).Split("\r\n");
        var headers = headerLines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);

        var contentLength = int.Parse(headers["Content-Length"], CultureInfo.InvariantCulture);
        var body = received.Skip(headerEnd + 4).ToList();
        while (body.Count < contentLength)
        {
            var count = await stream.ReadAsync(buffer, cancellationToken);
            if (count == 0)
            {
                throw new EndOfStreamException(
                    $"The connection closed after {body.Count} of {contentLength} body bytes.");
            }

            body.AddRange(buffer.AsSpan(0, count));
        }

        var bodyBytes = body.ToArray();
        if (headers.TryGetValue("Content-Encoding", out var encoding)
            && string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            using var compressed = new MemoryStream(bodyBytes);
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            using var decompressed = new MemoryStream();
            gzip.CopyTo(decompressed);
            bodyBytes = decompressed.ToArray();
        }

        return new ReceivedRequest(headerLines[0], headers, Encoding.UTF8.GetString(bodyBytes));
    }

    private static int IndexOfHeaderEnd(List<byte> received)
    {
        for (var i = 0; i + 3 < received.Count; i++)
        {
            if (received[i] == '\r' && received[i + 1] == '\n' && received[i + 2] == '\r' && received[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
