using System;
using System.Globalization;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// Scripted behaviour of <see cref="SegmentTestServer"/> for a single request. It is a status reply, a reply after
/// a server-side delay, or a fault such as a request that never gets a reply or a connection that closes
/// mid-response.
/// </summary>
/// <remarks>Instances are immutable and compare by value, so tests can assert on a recorded reply.</remarks>
internal sealed class ServerReply : IEquatable<ServerReply>
{
    private ServerReply(ServerReplyKind kind, int statusCode, string? retryAfter, TimeSpan delay, ServerReply? then)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Delay = delay;
        Then = then;
    }

    /// <summary>Status 200 with the body <c>{"success":true}</c>, as Segment responds to an accepted batch.</summary>
    public static ServerReply Ok { get; } = new(ServerReplyKind.Status, 200, null, TimeSpan.Zero, null);

    /// <summary>
    /// Reads and records the request but never writes a reply. The connection stays open until
    /// <see cref="SegmentTestServer.ReleaseHeldRequests"/>, <see cref="SegmentTestServer.RefuseConnections"/> or
    /// disposal closes it.
    /// </summary>
    public static ServerReply NeverAnswer { get; } =
        new(ServerReplyKind.NeverAnswer, 0, null, TimeSpan.Zero, null);

    /// <summary>
    /// Writes the first bytes of a 200 status line and headers, then closes the connection, so the client reads a
    /// response that ended prematurely.
    /// </summary>
    public static ServerReply CloseMidResponse { get; } =
        new(ServerReplyKind.CloseMidResponse, 200, null, TimeSpan.Zero, null);

    /// <summary>Status 200 with <c>Content-Type: application/json</c> and a body that is not JSON.</summary>
    public static ServerReply GarbageOk { get; } = new(ServerReplyKind.GarbageOk, 200, null, TimeSpan.Zero, null);

    /// <summary>Shape of the reply, which decides how the server writes it.</summary>
    public ServerReplyKind Kind { get; }

    /// <summary>
    /// HTTP status code that the client receives, or 0 for <see cref="NeverAnswer"/>. For <see cref="Slow"/> it is
    /// the status code of the reply that follows the delay.
    /// </summary>
    public int StatusCode { get; }

    /// <summary>Value of the <c>Retry-After</c> response header, or null to send no such header.</summary>
    public string? RetryAfter { get; }

    /// <summary>Server-side delay before <see cref="Then"/> is written. Zero for all other kinds.</summary>
    public TimeSpan Delay { get; }

    /// <summary>
    /// Reply written after <see cref="Delay"/> for <see cref="ServerReplyKind.Slow"/>, otherwise null.
    /// </summary>
    public ServerReply? Then { get; }

    /// <summary>Whether the client receives a 2xx status line and a complete response.</summary>
    public bool IsSuccess => Kind switch
    {
        ServerReplyKind.Status or ServerReplyKind.GarbageOk => StatusCode is >= 200 and <= 299,
        ServerReplyKind.Slow => Then!.IsSuccess,
        _ => false,
    };

    /// <summary>
    /// Creates a reply with <paramref name="statusCode"/>, a JSON success body for 2xx codes other than 204 and an
    /// empty body otherwise.
    /// </summary>
    /// <param name="statusCode">HTTP status code from 200 to 599. Interim 1xx codes would break the framing.</param>
    /// <param name="retryAfter">
    /// Raw <c>Retry-After</c> header value, such as <c>"7"</c> seconds or an HTTP date, or null for no header.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The status code is outside 200 to 599.</exception>
    /// <exception cref="ArgumentException">The Retry-After value is empty or contains a line break.</exception>
    public static ServerReply Status(int statusCode, string? retryAfter = null)
    {
        if (statusCode is < 200 or > 599)
        {
            throw new ArgumentOutOfRangeException(
                nameof(statusCode),
                statusCode,
                "The status code must be from 200 to 599.");
        }

        bool invalidRetryAfter = retryAfter is not null
            && (retryAfter.Trim().Length == 0 || retryAfter.AsSpan().IndexOfAny('\r', '\n') >= 0);
        if (invalidRetryAfter)
        {
            throw new ArgumentException(
                "The Retry-After value must be non-empty text without line breaks, such as \"7\".",
                nameof(retryAfter));
        }

        if (statusCode == 200 && retryAfter is null)
        {
            return Ok;
        }

        return new ServerReply(ServerReplyKind.Status, statusCode, retryAfter, TimeSpan.Zero, null);
    }

    /// <summary>
    /// Creates a reply that waits <paramref name="delay"/> on the server, then behaves as <paramref name="then"/>.
    /// Disposal and <see cref="SegmentTestServer.RefuseConnections"/> cut the delay short and close the connection.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="then"/> is null.</exception>
    public static ServerReply Slow(TimeSpan delay, ServerReply then)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(then);
        return new ServerReply(ServerReplyKind.Slow, then.StatusCode, null, delay, then);
    }

    public bool Equals(ServerReply? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && Kind == other.Kind
            && StatusCode == other.StatusCode
            && RetryAfter == other.RetryAfter
            && Delay == other.Delay
            && Equals(Then, other.Then);
    }

    public override bool Equals(object? obj) => Equals(obj as ServerReply);

    public override int GetHashCode() => HashCode.Combine(Kind, StatusCode, RetryAfter, Delay, Then);

    public override string ToString() => Kind switch
    {
        ServerReplyKind.Status when RetryAfter is null => $"Status({StatusCode})",
        ServerReplyKind.Status => $"Status({StatusCode}, Retry-After: {RetryAfter})",
        ServerReplyKind.Slow =>
            $"Slow({Delay.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms, then {Then})",
        _ => Kind.ToString(),
    };
}

/// <summary>Shape of a <see cref="ServerReply"/>.</summary>
internal enum ServerReplyKind
{
    Status,
    NeverAnswer,
    Slow,
    CloseMidResponse,
    GarbageOk,
}
