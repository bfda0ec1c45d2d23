using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

// One attempt to post a batch: building the request, the per-attempt timeout, reading and classifying the
// response, and the HTTP handler shared by every sink created without one.
public sealed partial class SegmentHttpSink
{
    // Enough to read the short JSON that Segment returns, so the connection goes back to the pool. A longer body
    // is abandoned, and disposing the response closes its connection instead.
    private const int MaxDrainedResponseBytes = 64 * 1024;

    private static readonly Lazy<HttpMessageHandler> SharedHandler = new(CreateSharedHandler);

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
            // 3xx response is a rejection instead.
            AllowAutoRedirect = false,
        };
#else
        return new HttpClientHandler { AllowAutoRedirect = false };
#endif
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
}
