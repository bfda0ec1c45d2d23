using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
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
public sealed class SegmentHttpSink : ITelemetrySink, IDisposable
{
    // Enough to read the short JSON that Segment returns, so the connection goes back to the pool. A longer body
    // is abandoned, and disposing the response closes its connection instead.
    private const int MaxDrainedResponseBytes = 64 * 1024;

    private static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);

    // HttpClient.Timeout and CancellationTokenSource accept at most int.MaxValue milliseconds.
    private static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    private static readonly Lazy<HttpMessageHandler> SharedHandler = new(CreateSharedHandler);

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
    /// Makes one attempt to post <paramref name="batch"/>, stamping <c>sentAt</c> with the current time of the
    /// sink's clock. An empty batch sends nothing and is reported as delivered without a status code.
    /// </summary>
    /// <param name="batch">The events to send, each already serialized.</param>
    /// <param name="retryCount">
    /// How many attempts came before this one. A value above zero is sent in the <c>X-Retry-Count</c> header.
    /// </param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>
    /// The outcome. A network error, an I/O error, a timeout after <see cref="RequestTimeout"/> or any other failure
    /// of the handler is <see cref="SendOutcome.Retryable"/> with the exception attached. So is a call after
    /// <see cref="Dispose"/>, which carries an <see cref="ObjectDisposedException"/> so that the caller keeps the
    /// events. Once response headers have arrived, the status code alone decides the outcome, even when reading the
    /// rest of the response fails.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="batch"/> contains a null event.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retryCount"/> is negative.</exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> was canceled before the response headers arrived.
    /// </exception>
    internal async Task<SendResult> SendAttemptAsync(
        IReadOnlyList<QueuedEvent> batch,
        int retryCount,
        CancellationToken cancellationToken)
    {
        if (batch is null)
        {
            throw new ArgumentNullException(nameof(batch));
        }

        if (retryCount < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(retryCount),
                retryCount,
                "The retry count must not be negative.");
        }

        if (batch.Count == 0)
        {
            return SendResult.Delivered(statusCode: null);
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            return CreateDisposedResult(new ObjectDisposedException(nameof(SegmentHttpSink)));
        }

        cancellationToken.ThrowIfCancellationRequested();
        byte[] body = SegmentBody.Build(batch, _timeProvider.GetUtcNow());
        using HttpRequestMessage request = CreateRequest(body, retryCount);
        using CancellationTokenSource? timeoutSource = CreateTimeoutSource();
        using CancellationTokenSource? linkedSource = timeoutSource is null
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        CancellationToken attemptToken = linkedSource?.Token ?? cancellationToken;
        try
        {
            using HttpResponseMessage response = await _httpClient
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken)
                .ConfigureAwait(false);
            SendResult result = CreateStatusResult(response);
            await DrainResponseAsync(response, attemptToken).ConfigureAwait(false);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception) when (timeoutSource is { IsCancellationRequested: true })
        {
            return new SendResult(
                SendOutcome.Retryable,
                statusCode: null,
                retryAfter: null,
                $"timed out after {FormatSeconds(_requestTimeout)}",
                exception);
        }
        catch (ObjectDisposedException exception)
        {
            return CreateDisposedResult(exception);
        }
        catch (Exception exception)
        {
            // HttpRequestException, IOException and SocketException are the usual network failures. Any other
            // exception, such as one thrown by a custom handler, is reported the same way so that the background
            // sender keeps running, and the result carries the exception for its log.
            return new SendResult(
                SendOutcome.Retryable,
                statusCode: null,
                retryAfter: null,
                "request failed with " + DescribeException(exception),
                exception);
        }
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

    private static HttpMessageHandler CreateSharedHandler()
    {
#if NET
        return new SocketsHttpHandler
        {
            // Recycling pooled connections lets a long-running process follow DNS changes of the endpoint.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(10),

            // A redirect would re-post the body without the Authorization header, possibly over plain http, so a
            // 3xx answer is a rejection instead.
            AllowAutoRedirect = false,
        };
#else
        return new HttpClientHandler { AllowAutoRedirect = false };
#endif
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

    // Reads and discards the start of the body so the connection can be reused. A failure here changes nothing,
    // because the status code has already decided the outcome.
    private static async Task DrainResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
#if NET
            using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using Stream stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            byte[] buffer = new byte[8192];
            int total = 0;
            while (total < MaxDrainedResponseBytes)
            {
                int read = await stream.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }
        catch (Exception exception) when (exception is IOException
            or HttpRequestException
            or OperationCanceledException
            or ObjectDisposedException)
        {
            // Disposing the response closes a connection whose body could not be read.
        }
    }

    private static SendResult CreateDisposedResult(ObjectDisposedException exception) => new(
        SendOutcome.Retryable,
        statusCode: null,
        retryAfter: null,
        "the sink is disposed",
        exception);

    // Names the exception types down the chain of inner exceptions, such as
    // "HttpRequestException (SocketException ConnectionRefused)". Messages are left out because some of them contain
    // the request address, whose query may carry an access token.
    private static string DescribeException(Exception exception)
    {
        var text = new StringBuilder(exception.GetType().Name);
        AppendSocketError(text, exception);
        int depth = 0;
        for (Exception? inner = exception.InnerException; inner is not null && depth < 3; inner = inner.InnerException)
        {
            text.Append(" (").Append(inner.GetType().Name);
            AppendSocketError(text, inner);
            depth++;
        }

        text.Append(')', depth);
        return text.ToString();
    }

    private static void AppendSocketError(StringBuilder text, Exception exception)
    {
        if (exception is SocketException socketException)
        {
            text.Append(' ').Append(socketException.SocketErrorCode);
        }
    }

    private static string FormatSeconds(TimeSpan value) =>
        value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private HttpRequestMessage CreateRequest(byte[] body, int retryCount)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, BatchUri);
        request.Headers.Authorization = _authorization;
        request.Headers.TryAddWithoutValidation("User-Agent", LibraryInfo.UserAgent);
        if (retryCount > 0)
        {
            request.Headers.TryAddWithoutValidation("X-Retry-Count", retryCount.ToString(CultureInfo.InvariantCulture));
        }

        var content = new ByteArrayContent(UseCompression ? SegmentBody.Compress(body) : body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (UseCompression)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        request.Content = content;
        return request;
    }

    private CancellationTokenSource? CreateTimeoutSource()
    {
        if (_requestTimeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

#if NET8_0_OR_GREATER
        return new CancellationTokenSource(_requestTimeout, _timeProvider);
#else
        return _timeProvider.CreateCancellationTokenSource(_requestTimeout);
#endif
    }

    private SendResult CreateStatusResult(HttpResponseMessage response)
    {
        int statusCode = (int)response.StatusCode;
        SendOutcome outcome = RetryRules.Classify(statusCode);
        if (outcome == SendOutcome.Delivered)
        {
            return SendResult.Delivered(statusCode);
        }

        TimeSpan? retryAfter = outcome == SendOutcome.Retryable
            ? RetryRules.ReadRetryAfter(response, _timeProvider.GetUtcNow(), RetryRules.MaxRetryAfter)
            : null;
        string reason = string.IsNullOrEmpty(response.ReasonPhrase)
            ? $"HTTP {statusCode}"
            : $"HTTP {statusCode} ({response.ReasonPhrase})";
        return new SendResult(outcome, statusCode, retryAfter, reason, exception: null);
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
