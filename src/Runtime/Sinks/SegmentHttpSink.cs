using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
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
/// JSON body whose <c>sentAt</c> is stamped when the request is built. The sink is thread-safe and uses one
/// <see cref="HttpClient"/> for its lifetime, so create one sink per process and destination.
/// </para>
/// <para>
/// The sink makes one attempt per batch. It does not retry, compress or store batches on disk.
/// </para>
/// </remarks>
public sealed class SegmentHttpSink : ITelemetrySink, IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly TimeProvider _timeProvider;

    // BatchUri without its query, for messages and logs, because a proxy may carry an access token in the query.
    private readonly string _displayUri;

    /// <summary>
    /// Initializes a sink for one Segment source.
    /// </summary>
    /// <param name="writeKey">The write key of the Segment source.</param>
    /// <param name="baseAddress">
    /// The absolute http or https address that <c>v1/batch</c> is appended to, such as
    /// <see cref="DefaultBaseAddress"/>, <see cref="EuropeBaseAddress"/> or a proxy like
    /// <c>http://127.0.0.1:5000/proxy/</c>. A trailing slash is optional. A query is kept.
    /// </param>
    /// <param name="handler">
    /// The HTTP handler to send through, or null for a new handler owned by the sink. A handler passed here is not
    /// disposed by the sink.
    /// </param>
    /// <param name="timeProvider">
    /// The clock for the <c>sentAt</c> member, or null for <see cref="TimeProvider.System"/>.
    /// </param>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="writeKey"/> or <paramref name="baseAddress"/> is null.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="writeKey"/> is empty or white space, or <paramref name="baseAddress"/> is relative, is not
    /// http or https, or contains user information.
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
        _httpClient = handler is null
            ? new HttpClient(CreateDefaultHandler(), disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
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
    /// Posts the batch to <see cref="BatchUri"/> and waits for the response headers. An empty batch sends nothing.
    /// </summary>
    /// <param name="batch">The items to send.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when Segment has responded with a 2xx status code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="HttpRequestException">
    /// Segment responded with a status code outside 2xx, which the message names together with
    /// <see cref="BatchUri"/> without its query, or the connection failed.
    /// </exception>
    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> was canceled, or the request timed out after
    /// <see cref="HttpClient.Timeout"/> (100 seconds).
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

        byte[] body = SegmentPayload.Serialize(batch, _timeProvider.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, BatchUri);
        request.Headers.Authorization = _authorization;
        request.Headers.TryAddWithoutValidation("User-Agent", LibraryInfo.UserAgent);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        // NOTE: one attempt only. Retries with back-off, Retry-After and X-Retry-Count belong here, with sentAt
        // stamped anew for each attempt.
        using HttpResponseMessage response = await _httpClient
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw CreateStatusException(response, batch.Count);
        }
    }

    /// <summary>
    /// Disposes the HTTP client, and the handler when the sink created it. Later sends fail with
    /// <see cref="ObjectDisposedException"/>. Calling this more than once has no further effect.
    /// </summary>
    public void Dispose() => _httpClient.Dispose();

    /// <summary>
    /// Returns the type name and <see cref="BatchUri"/> without its query. The write key is never included.
    /// </summary>
    public override string ToString() => $"{nameof(SegmentHttpSink)}({_displayUri})";

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

    /// <summary>
    /// Returns why <paramref name="baseAddress"/> cannot be used, or null when it is valid.
    /// </summary>
    internal static string? DescribeInvalidBaseAddress(Uri baseAddress)
    {
        if (!baseAddress.IsAbsoluteUri)
        {
            return $"The base address '{baseAddress.OriginalString}' is relative. "
                + $"Pass an absolute http or https address such as {DefaultBaseAddress}.";
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

        return null;
    }

    private static Uri BuildBatchUri(Uri baseAddress)
    {
        var builder = new UriBuilder(baseAddress) { Fragment = string.Empty };
        builder.Path = builder.Path.TrimEnd('/') + "/v1/batch";
        return builder.Uri;
    }

    private static HttpMessageHandler CreateDefaultHandler()
    {
#if NET
        // Recycling pooled connections lets a long-running process follow DNS changes of the endpoint.
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
#else
        return new HttpClientHandler();
#endif
    }

    private HttpRequestException CreateStatusException(HttpResponseMessage response, int itemCount)
    {
        int statusCode = (int)response.StatusCode;
        string message = $"Segment did not accept a batch of {itemCount} events: POST {_displayUri} returned "
            + $"HTTP {statusCode} ({response.ReasonPhrase}).";
#if NET
        return new HttpRequestException(message, inner: null, response.StatusCode);
#else
        return new HttpRequestException(message);
#endif
    }
}
