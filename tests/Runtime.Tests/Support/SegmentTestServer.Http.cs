using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators.Runtime.Tests.Support;

// Reads HTTP/1.1 request heads and bodies from a connection and formats the responses.
internal sealed partial class SegmentTestServer
{
    private const int MaxHeadBytes = 64 * 1024;

    // Bodies above this size are rejected unread, so a broken Content-Length cannot make the server allocate
    // gigabytes. It is far above MaxBodyBytes, so a body just over the Segment limit is still read and reported.
    private const int MaxRawBodyBytes = 16 * 1024 * 1024;

    private static readonly byte[] ContinueResponse = "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray();

    private static readonly byte[] PartialOkResponse = "HTTP/1.1 200 OK\r\nContent-Type: appli"u8.ToArray();

    private static RequestHead ParseHead(string head)
    {
        string[] lines = head.Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || requestLine[0].Length == 0 || requestLine[1].Length == 0)
        {
            throw new MalformedRequestException($"The request line '{lines[0]}' is not 'METHOD target HTTP/1.1'.");
        }

        string version = requestLine[2];
        if (version != "HTTP/1.1" && version != "HTTP/1.0")
        {
            throw new MalformedRequestException($"The HTTP version '{version}' is not supported. Send HTTP/1.1.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.AsSpan(1))
        {
            int colon = line.IndexOf(':');
            if (colon <= 0 || line[0] is ' ' or '\t' || line[colon - 1] is ' ' or '\t')
            {
                throw new MalformedRequestException($"The header line '{line}' is not 'Name: value'.");
            }

            string name = line[..colon];
            string value = line[(colon + 1)..].Trim(' ', '\t');
            headers[name] = headers.TryGetValue(name, out string? earlier) ? earlier + ", " + value : value;
        }

        string target = requestLine[1];
        int query = target.IndexOf('?');
        string path = query < 0 ? target : target[..query];
        var readOnlyHeaders = new ReadOnlyDictionary<string, string>(headers);
        return new RequestHead(requestLine[0], path, version, readOnlyHeaders);
    }

    // Returns a framing problem that makes the body unreadable, or null when the body has the returned length.
    private static string? ReadContentLength(RequestHead head, out int length)
    {
        length = 0;
        if (head.Headers.TryGetValue("Transfer-Encoding", out string? transferEncoding))
        {
            return $"The request has Transfer-Encoding: {transferEncoding}, which this server does not support. " +
                "The client must send the body with a Content-Length header.";
        }

        if (!head.Headers.TryGetValue("Content-Length", out string? value))
        {
            return null;
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
        {
            return $"The Content-Length header '{value}' is not a single non-negative integer.";
        }

        if (parsed > MaxRawBodyBytes)
        {
            return $"The Content-Length {parsed} is over the {MaxRawBodyBytes} bytes this server reads.";
        }

        length = (int)parsed;
        return null;
    }

    private static byte[] FormatResponse(
        int statusCode,
        string? retryAfter,
        string? contentType,
        byte[] body,
        bool closeConnection)
    {
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(statusCode).Append(' ').Append(GetReasonPhrase(statusCode)).Append("\r\n");
        if (contentType is not null)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        // A 204 response has no body and must not carry Content-Length (RFC 9110, section 8.6).
        if (statusCode != 204)
        {
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        if (retryAfter is not null)
        {
            head.Append("Retry-After: ").Append(retryAfter).Append("\r\n");
        }

        if (closeConnection)
        {
            head.Append("Connection: close\r\n");
        }

        head.Append("\r\n");
        byte[] headBytes = Encoding.ASCII.GetBytes(head.ToString());
        byte[] response = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(response, 0);
        body.CopyTo(response, headBytes.Length);
        return response;
    }

    private static string GetReasonPhrase(int statusCode) => statusCode switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",

        // HTTP/1.1 allows an empty reason phrase, and clients read only the code.
        _ => string.Empty,
    };

    /// <summary>Request line and headers of one request.</summary>
    private sealed record RequestHead(
        string Method,
        string Path,
        string Version,
        IReadOnlyDictionary<string, string> Headers)
    {
        public bool KeepsConnectionOpen
        {
            get
            {
                string connection = Headers.TryGetValue("Connection", out string? value) ? value : string.Empty;
                if (connection.Contains("close", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                // HTTP/1.0 closes the connection after each response unless the client asks for keep-alive.
                return Version == "HTTP/1.1" || connection.Contains("keep-alive", StringComparison.OrdinalIgnoreCase);
            }
        }

        public bool ExpectsContinue =>
            Headers.TryGetValue("Expect", out string? expect)
            && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class MalformedRequestException : Exception
    {
        public MalformedRequestException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// Reader of consecutive requests on one connection. Bytes that arrive after the end of one request are kept
    /// for the next, because a keep-alive client may send the next request before the server reads it.
    /// </summary>
    private sealed class HttpRequestReader
    {
        private static readonly byte[] HeadTerminator = "\r\n\r\n"u8.ToArray();

        private readonly Stream _stream;
        private byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public HttpRequestReader(Stream stream) => _stream = stream;

        /// <summary>
        /// Reads the request line and headers without the blank line that ends them, decoded as Latin-1.
        /// Returns null when the client closes or resets the connection before sending a byte of a new request.
        /// </summary>
        /// <exception cref="MalformedRequestException">The head is larger than 64 KiB.</exception>
        /// <exception cref="EndOfStreamException">The client closed the connection inside the head.</exception>
        public async Task<string?> ReadHeadAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                int terminator = _buffer.AsSpan(_start, _end - _start).IndexOf(HeadTerminator);
                if (terminator >= 0)
                {
                    string head = Encoding.Latin1.GetString(_buffer, _start, terminator);
                    _start += terminator + HeadTerminator.Length;
                    return head;
                }

                if (_end - _start >= MaxHeadBytes)
                {
                    throw new MalformedRequestException($"The request head is over {MaxHeadBytes} bytes.");
                }

                bool betweenRequests = _end == _start;
                int read;
                try
                {
                    read = await FillAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IOException) when (betweenRequests && !cancellationToken.IsCancellationRequested)
                {
                    return null;
                }

                if (read == 0)
                {
                    return betweenRequests
                        ? null
                        : throw new EndOfStreamException("The client closed the connection inside the request head.");
                }
            }
        }

        /// <exception cref="EndOfStreamException">The client closed the connection inside the body.</exception>
        public async Task<byte[]> ReadBodyAsync(int length, CancellationToken cancellationToken)
        {
            var body = new byte[length];
            int copied = Math.Min(length, _end - _start);
            Buffer.BlockCopy(_buffer, _start, body, 0, copied);
            _start += copied;
            while (copied < length)
            {
                int read = await _stream.ReadAsync(body.AsMemory(copied), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new EndOfStreamException(
                        $"The client closed the connection after {copied} of {length} body bytes.");
                }

                copied += read;
            }

            return body;
        }

        private async Task<int> FillAsync(CancellationToken cancellationToken)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _end += read;
            return read;
        }
    }
}
