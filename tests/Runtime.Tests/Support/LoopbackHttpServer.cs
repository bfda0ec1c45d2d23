using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// Minimal HTTP/1.1 server on 127.0.0.1 that accepts one connection per call, records the raw request and writes
/// a canned response. It reads the request bytes itself, so tests see exactly what the client sent.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    public const string OkResponse = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    public const string BadRequestResponse =
        "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    private static readonly byte[] HeaderTerminator = "\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener;

    public LoopbackHttpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Returns http://127.0.0.1:{port}{path}.</summary>
    public Uri GetAddress(string path) => new($"http://127.0.0.1:{Port}{path}");

    /// <summary>
    /// Accepts one connection, reads one request with a Content-Length body, writes <paramref name="response"/>
    /// and closes the connection.
    /// </summary>
    public async Task<RecordedRequest> ReceiveOneAsync(string response)
    {
        using TcpClient connection = await _listener.AcceptTcpClientAsync();
        using NetworkStream stream = connection.GetStream();

        var received = new MemoryStream();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOf(received, HeaderTerminator)) < 0)
        {
            int read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                throw new IOException("The client closed the connection before the request headers ended.");
            }

            received.Write(buffer, 0, read);
        }

        byte[] bytes = received.ToArray();
        string head = Encoding.ASCII.GetString(bytes, 0, headerEnd);
        string[] lines = head.Split("\r\n");
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in lines[1..])
        {
            int colon = line.IndexOf(':');
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        int contentLength = int.Parse(FindHeader(headers, "Content-Length") ?? "0");
        int bodyStart = headerEnd + HeaderTerminator.Length;
        var body = new MemoryStream();
        body.Write(bytes, bodyStart, bytes.Length - bodyStart);
        while (body.Length < contentLength)
        {
            int read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                throw new IOException("The client closed the connection before the request body ended.");
            }

            body.Write(buffer, 0, read);
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        await stream.FlushAsync();
        return new RecordedRequest(lines[0], headers, body.ToArray());
    }

    public void Dispose() => _listener.Stop();

    internal static string? FindHeader(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        foreach (KeyValuePair<string, string> header in headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    private static int IndexOf(MemoryStream stream, byte[] pattern)
    {
        ReadOnlySpan<byte> data = stream.GetBuffer().AsSpan(0, (int)stream.Length);
        return data.IndexOf(pattern);
    }
}

/// <summary>
/// One HTTP request as it arrived: the request line, the headers in order and the raw body.
/// </summary>
internal sealed record RecordedRequest(
    string RequestLine,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body)
{
    /// <summary>The body as text, decompressed first when the request has <c>Content-Encoding: gzip</c>.</summary>
    public string BodyText => Encoding.UTF8.GetString(DecodedBody);

    /// <summary>The body, decompressed when the request has <c>Content-Encoding: gzip</c>.</summary>
    public byte[] DecodedBody
    {
        get
        {
            if (!string.Equals(Header("Content-Encoding"), "gzip", StringComparison.OrdinalIgnoreCase))
            {
                return Body;
            }

            using var compressed = new MemoryStream(Body);
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            using var decompressed = new MemoryStream();
            gzip.CopyTo(decompressed);
            return decompressed.ToArray();
        }
    }

    /// <summary>Returns the value of the first header named <paramref name="name"/>, or null.</summary>
    public string? Header(string name) => LoopbackHttpServer.FindHeader(Headers, name);

    public int CountHeaders(string name)
    {
        int count = 0;
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }
}
