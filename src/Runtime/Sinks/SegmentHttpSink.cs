using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

/// <summary>
/// Sink that sends each batch to Segment's HTTP Tracking API with <c>POST {base address}/v1/batch</c>.
/// </summary>
/// <remarks>
/// <para>
/// Each request carries the write key in an <c>Authorization: Basic</c> header, never in the body, and a compact
/// JSON body whose <c>sentAt</c> is stamped when the attempt starts. The body is gzip-compressed unless
/// <see cref="UseCompression"/> is false. The sink is thread-safe.
/// </para>
/// <para>
/// Without a handler of its own, every sink sends through one <see cref="HttpMessageHandler"/> that the process
/// shares, so creating and disposing sinks does not use up sockets.
/// </para>
/// <para>
/// <see cref="SendAsync"/> makes one attempt per batch and does not retry or store batches on disk.
/// </para>
/// </remarks>
public sealed partial class SegmentHttpSink : ITelemetrySink, IDisposable
{
    private static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);

    // HttpClient.Timeout and CancellationTokenSource accept at most int.MaxValue milliseconds.
    private static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    private readonly HttpClient _httpClient;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _requestTimeout = DefaultRequestTimeout;

    // BatchUri without its query, for messages and logs, because a proxy may carry an access token in the query.
    private readonly string _displayUri;

    private int _disposed;

    /// <summary>
    /// Initializes a sink for one Segment source.
    /// </summary>
    /// <param name="writeKey">The write key of the Segment source.</param>
    /// <param name="baseAddress">
    /// The absolute address that <c>v1/batch</c> is appended to, such as <see cref="DefaultBaseAddress"/>,
    /// <see cref="EuropeBaseAddress"/> or a proxy like <c>https://proxy.example.com/segment/</c>. It must use https,
    /// except that a loopback host such as <c>http://127.0.0.1:5000/</c> may use http. A trailing slash is optional.
    /// A query is kept.
    /// </param>
    /// <param name="handler">
    /// The HTTP handler to send through, or null for the handler that all sinks of the process share. The sink never
    /// disposes either one.
    /// </param>
    /// <param name="timeProvider">
    /// The clock for the <c>sentAt</c> member, <c>Retry-After</c> dates and <see cref="RequestTimeout"/>, or null
    /// for <see cref="TimeProvider.System"/>.
    /// </param>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="writeKey"/> or <paramref name="baseAddress"/> is null.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="writeKey"/> is empty or white space, or <paramref name="baseAddress"/> is relative, is not
    /// http or https, contains user information, or uses http with a host that is not a loopback address.
    /// </exception>
    public SegmentHttpSink(
        string writeKey,
        Uri baseAddress,
        HttpMessageHandler? handler = null,
        TimeProvider? timeProvider = null)
    {
        ValidateWriteKey(writeKey);
        ValidateBaseAddress(baseAddress);

        BatchUri = BuildBatchUri(baseAddress);
        _displayUri = BatchUri.GetLeftPart(UriPartial.Path);
        _authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        _timeProvider = timeProvider ?? TimeProvider.System;

        // Each request gets its own timeout from RequestTimeout, so the client-wide timeout is turned off.
        _httpClient = new HttpClient(handler ?? SharedHandler.Value, disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// Base address of Segment's United States region, <c>https://api.segment.io/</c>.
    /// </summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.segment.io/");

    /// <summary>
    /// Base address of Segment's European Union region, <c>https://events.eu1.segmentapis.com/</c>.
    /// A write key from a workspace in one region is not accepted by the other.
    /// </summary>
    public static Uri EuropeBaseAddress { get; } = new("https://events.eu1.segmentapis.com/");

    /// <summary>
    /// Address that batches are posted to, for example <c>https://api.segment.io/v1/batch</c>.
    /// </summary>
    public Uri BatchUri { get; }

    /// <summary>
    /// Whether to compress each body with gzip and send it with <c>Content-Encoding: gzip</c>. Default: true.
    /// Segment applies its size limits to the uncompressed JSON.
    /// </summary>
    public bool UseCompression { get; init; } = true;

    /// <summary>
    /// Maximum duration of one attempt, from sending the request to reading the response. Default: 10 seconds.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The value is zero, negative other than <see cref="Timeout.InfiniteTimeSpan"/>, or more than
    /// <see cref="int.MaxValue"/> milliseconds.
    /// </exception>
    public TimeSpan RequestTimeout
    {
        get => _requestTimeout;
        init
        {
            ValidateRequestTimeout(value);
            _requestTimeout = value;
        }
    }

    /// <summary>
    /// Returns the base address of <paramref name="region"/>: <see cref="DefaultBaseAddress"/> for
    /// <see cref="SegmentRegion.UnitedStates"/> and <see cref="EuropeBaseAddress"/> for
    /// <see cref="SegmentRegion.Europe"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="region"/> is not a defined <see cref="SegmentRegion"/> value.
    /// </exception>
    public static Uri GetBaseAddress(SegmentRegion region) => region switch
    {
        SegmentRegion.UnitedStates => DefaultBaseAddress,
        SegmentRegion.Europe => EuropeBaseAddress,
        _ => throw new ArgumentOutOfRangeException(
            nameof(region),
            region,
            $"The region {(int)region} is not a SegmentRegion value. "
            + "Pass SegmentRegion.UnitedStates or SegmentRegion.Europe."),
    };

    /// <summary>
    /// Posts the batch to <see cref="BatchUri"/> once and waits for the response. An empty batch sends nothing.
    /// </summary>
    /// <param name="batch">The items to send.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when Segment has responded with a 2xx status code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="batch"/> contains a null item.</exception>
    /// <exception cref="HttpRequestException">
    /// Segment responded with a status code outside 2xx, which the message names together with
    /// <see cref="BatchUri"/> without its query, or the connection failed.
    /// </exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> was canceled, or the request took longer than
    /// <see cref="RequestTimeout"/>.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The sink has been disposed.</exception>
    public async Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken)
    {
        if (batch is null)
        {
            throw new ArgumentNullException(nameof(batch));
        }

        if (batch.Count == 0)
        {
            return;
        }

        ThrowIfDisposed();
        QueuedEvent[] events = SerializeItems(batch);
        SendResult result = await SendAttemptAsync(events, retryCount: 0, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == SendOutcome.Delivered)
        {
            return;
        }

        if (result.StatusCode is int statusCode)
        {
            throw CreateStatusException(statusCode, result.Reason, batch.Count);
        }

        // Without a status code, every failed attempt carries the exception that ended it.
        ExceptionDispatchInfo.Capture(result.Exception!).Throw();
    }

    /// <summary>
    /// Disposes the sink's HTTP client but not the handler. Later calls to <see cref="SendAsync"/> throw
    /// <see cref="ObjectDisposedException"/>. Calling this more than once has no further effect.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>
    /// Returns the type name and <see cref="BatchUri"/> without its query. The write key is never included.
    /// </summary>
    public override string ToString() => $"{nameof(SegmentHttpSink)}({_displayUri})";

    /// <summary>
    /// Returns why <paramref name="baseAddress"/> cannot be used, or null when it is valid.
    /// </summary>
    internal static string? DescribeInvalidBaseAddress(Uri baseAddress)
    {
        if (!baseAddress.IsAbsoluteUri)
        {
            return $"The base address '{baseAddress.OriginalString}' is relative. "
                + $"Pass an absolute https address such as {DefaultBaseAddress}.";
        }

        if (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps)
        {
            return $"The base address uses the scheme '{baseAddress.Scheme}', which is not supported. "
                + "Pass an http or https address.";
        }

        if (baseAddress.UserInfo.Length != 0)
        {
            // HttpClient does not send user information from the address, and error messages name the address.
            return "The base address contains user information, which is not sent. "
                + "Remove it. The write key is sent in the Authorization header.";
        }

        if (baseAddress.Scheme == Uri.UriSchemeHttp && !baseAddress.IsLoopback)
        {
            // Plain http would send the write key and the events unencrypted across the network. The query is left
            // out of the message because it may carry an access token.
            return $"The base address '{baseAddress.GetLeftPart(UriPartial.Path)}' uses http with a host that is "
                + "not a loopback address, so the write key would be sent unencrypted. "
                + "Use https, or a loopback address such as http://127.0.0.1:5000/ for a local collector.";
        }

        return null;
    }

    private static void ValidateWriteKey(string writeKey)
    {
        if (writeKey is null)
        {
            throw new ArgumentNullException(nameof(writeKey));
        }

        if (string.IsNullOrWhiteSpace(writeKey))
        {
            throw new ArgumentException(
                "The write key is empty. Pass the write key shown in the settings of the Segment source.",
                nameof(writeKey));
        }
    }

    private static void ValidateBaseAddress(Uri baseAddress)
    {
        if (baseAddress is null)
        {
            throw new ArgumentNullException(nameof(baseAddress));
        }

        string? problem = DescribeInvalidBaseAddress(baseAddress);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(baseAddress));
        }
    }

    private static void ValidateRequestTimeout(TimeSpan value)
    {
        if (value == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (value <= TimeSpan.Zero || value > MaxRequestTimeout)
        {
            throw new ArgumentOutOfRangeException(
                nameof(RequestTimeout),
                value,
                $"The request timeout {value} is invalid. Pass a value greater than zero and at most "
                + $"{MaxRequestTimeout} ({int.MaxValue} ms), or Timeout.InfiniteTimeSpan to wait without limit.");
        }
    }

    private static Uri BuildBatchUri(Uri baseAddress)
    {
        var builder = new UriBuilder(baseAddress) { Fragment = string.Empty };
        builder.Path = builder.Path.TrimEnd('/') + "/v1/batch";
        return builder.Uri;
    }

    private static QueuedEvent[] SerializeItems(IReadOnlyList<TrackItem> batch)
    {
        var events = new QueuedEvent[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            TrackItem item = batch[i] ?? throw new ArgumentException(
                $"The batch item at index {i} is null. Remove it before sending.",
                nameof(batch));
            events[i] = QueuedEvent.Create(item);
        }

        return events;
    }

    private HttpRequestException CreateStatusException(int statusCode, string reason, int itemCount)
    {
        string message = $"Segment did not accept a batch of {itemCount} events: POST {_displayUri} returned {reason}.";
#if NET
        return new HttpRequestException(message, inner: null, (HttpStatusCode)statusCode);
#else
        return new HttpRequestException(message);
#endif
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(SegmentHttpSink));
        }
    }
}
