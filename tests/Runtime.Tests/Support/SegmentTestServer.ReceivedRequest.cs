using System;
using System.Collections.Generic;
using System.Text;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// One HTTP request that <see cref="SegmentTestServer"/> read completely, with what it parsed from the batch and the
/// reply it chose.
/// </summary>
/// <remarks>
/// Every member except <see cref="Delivered"/> is fixed when the request is recorded. <see cref="Delivered"/> turns
/// true later, once the server has written a 2xx reply, so wait with
/// <see cref="SegmentTestServer.WaitForDeliveredAsync"/> before asserting on it.
/// </remarks>
internal sealed class ReceivedRequest
{
    private volatile bool _delivered;

    internal ReceivedRequest(
        int sequence,
        int connectionId,
        DateTimeOffset receivedAt,
        string method,
        string path,
        IReadOnlyDictionary<string, string> headers,
        byte[] rawBody,
        SegmentTestServer.RequestInspection inspection,
        ServerReply reply)
    {
        Sequence = sequence;
        ConnectionId = connectionId;
        ReceivedAt = receivedAt;
        Method = method;
        Path = path;
        Headers = headers;
        RawBody = rawBody;
        Body = inspection.Body;
        RetryCount = inspection.RetryCount;
        SentAt = inspection.SentAt;
        MessageIds = inspection.MessageIds.ToArray();
        ItemJson = inspection.ItemJson.ToArray();
        Violations = inspection.Problems.ToArray();
        Reply = reply;
    }

    /// <summary>Position in arrival order, starting at 1. Violation texts name the request by this number.</summary>
    public int Sequence { get; }

    /// <summary>
    /// Number of the TCP connection that carried the request, starting at 1. Requests sent over one keep-alive
    /// connection share the number.
    /// </summary>
    public int ConnectionId { get; }

    /// <summary>Wall-clock time at which the server finished reading the request body.</summary>
    public DateTimeOffset ReceivedAt { get; }

    public string Method { get; }

    /// <summary>Path of the request target without the query string, for example <c>/proxy/v1/batch</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// Request headers with case-insensitive names. Repeated headers are joined with <c>", "</c>, as HTTP allows.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Body bytes as sent, which are gzip data when the request has <c>Content-Encoding: gzip</c>.</summary>
    public byte[] RawBody { get; }

    /// <summary>Decompressed body, or <see cref="RawBody"/> when the request was not compressed.</summary>
    /// <remarks>Empty when the body could not be decompressed.</remarks>
    public byte[] Body { get; }

    /// <summary><see cref="Body"/> decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>Value of the <c>X-Retry-Count</c> header, or null when the header is missing or not a number.</summary>
    public int? RetryCount { get; }

    /// <summary>The <c>sentAt</c> string of the batch, or null when it is missing or not a string.</summary>
    public string? SentAt { get; }

    /// <summary>The <c>messageId</c> strings of the batch items in order, skipping items without one.</summary>
    public IReadOnlyList<string> MessageIds { get; }

    /// <summary>Raw JSON text of each element of the <c>batch</c> array, in order.</summary>
    public IReadOnlyList<string> ItemJson { get; }

    /// <summary>
    /// Rules of the Segment batch API that this request breaks. The same texts, prefixed with the request number,
    /// appear in <see cref="SegmentTestServer.Violations"/>.
    /// </summary>
    public IReadOnlyList<string> Violations { get; }

    /// <summary>
    /// Reply that the server chose. It is the scripted or default reply for a valid request, and
    /// <c>Status(400)</c> for a request with violations.
    /// </summary>
    public ServerReply Reply { get; }

    /// <summary>
    /// Whether the server accepted the request with a 2xx reply. It turns true just before the reply is written, so
    /// a client that reads the reply always finds it true, and a request whose client had already given up still
    /// counts as delivered, as at a real server.
    /// </summary>
    public bool Delivered => _delivered;

    internal void MarkDelivered() => _delivered = true;

    public override string ToString() => $"Request {Sequence} ({Method} {Path}, reply {Reply})";
}
