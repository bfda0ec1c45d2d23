using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Sinks;

public sealed class SegmentHttpSinkTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private const string ExpectedBody =
        "{\"batch\":[" + SampleItems.TrainingStartedJson + "],\"sentAt\":\"2024-03-09T14:05:08.000Z\"}";

    [Fact]
    public async Task SendAsync_PostsExactRequest()
    {
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress("/"));
        Task<RecordedRequest> received = server.ReceiveOneAsync(LoopbackHttpServer.OkResponse);

        await sink.SendAsync(new[] { SampleItems.CreateTrainingStarted() }, CancellationToken.None).WaitAsync(Guard);
        RecordedRequest request = await received.WaitAsync(Guard);

        Assert.Equal("POST /v1/batch HTTP/1.1", request.RequestLine);
        Assert.Equal("Basic YWJjMTIzOg==", request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal(1, request.CountHeaders("Content-Type"));
        Assert.Equal("Telemetry.Generators/" + LibraryInfo.Version, request.Header("User-Agent"));
        Assert.Equal($"127.0.0.1:{server.Port}", request.Header("Host"));
        Assert.Equal(request.Body.Length.ToString(), request.Header("Content-Length"));
        Assert.Null(request.Header("Transfer-Encoding"));
        Assert.Equal("gzip", request.Header("Content-Encoding"));
        Assert.Equal(ExpectedBody, Encoding.UTF8.GetString(Decompress(request.Body)));
    }

    [Fact]
    public void LibraryVersion_HasNoBuildMetadata()
    {
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+([-.][0-9A-Za-z.-]+)?$"), LibraryInfo.Version);
        Assert.DoesNotContain("+", LibraryInfo.Version);
    }

    [Theory]
    [InlineData("/proxy/")]
    [InlineData("/proxy")]
    public async Task SendAsync_KeepsBasePathPrefix(string basePath)
    {
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress(basePath));
        Task<RecordedRequest> received = server.ReceiveOneAsync(LoopbackHttpServer.OkResponse);

        await sink.SendAsync(new[] { SampleItems.CreateTrainingStarted() }, CancellationToken.None).WaitAsync(Guard);
        RecordedRequest request = await received.WaitAsync(Guard);

        Assert.Equal("POST /proxy/v1/batch HTTP/1.1", request.RequestLine);
        Assert.Equal(ExpectedBody, Encoding.UTF8.GetString(Decompress(request.Body)));
    }

    [Fact]
    public async Task SendAsync_BadRequestThrowsWithStatusAndUrl()
    {
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress("/"));
        Task<RecordedRequest> received = server.ReceiveOneAsync(LoopbackHttpServer.BadRequestResponse);

        TrackItem[] batch = { SampleItems.CreateTrainingStarted() };
        var exception = await Assert.ThrowsAsync<HttpRequestException>(
            () => sink.SendAsync(batch, CancellationToken.None).WaitAsync(Guard));
        await received.WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Contains("400", exception.Message);
        Assert.Contains($"http://127.0.0.1:{server.Port}/v1/batch", exception.Message);
        Assert.DoesNotContain("abc123", exception.Message);
        Assert.DoesNotContain("YWJjMTIzOg==", exception.Message);
    }

    [Fact]
    public async Task SendAsync_EmptyBatchSendsNothing()
    {
        // No server listens here: a request would fail, so success shows that nothing was sent.
        using var sink = CreateSink("abc123", new Uri("http://127.0.0.1:9/"));

        await sink.SendAsync(Array.Empty<TrackItem>(), CancellationToken.None).WaitAsync(Guard);
    }

    [Fact]
    public async Task SendAsync_AfterDisposeThrows()
    {
        var sink = CreateSink("abc123", new Uri("http://127.0.0.1:9/"));
        sink.Dispose();
        sink.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => sink.SendAsync(new[] { SampleItems.CreateTrainingStarted() }, CancellationToken.None));
    }

    [Theory]
    [InlineData("https://api.segment.io", "https://api.segment.io/v1/batch")]
    [InlineData("https://api.segment.io/", "https://api.segment.io/v1/batch")]
    [InlineData("http://127.0.0.1:5000/proxy/", "http://127.0.0.1:5000/proxy/v1/batch")]
    [InlineData("http://127.0.0.1:5000/a/b", "http://127.0.0.1:5000/a/b/v1/batch")]
    [InlineData("http://127.0.0.1:5000/proxy?token=t#part", "http://127.0.0.1:5000/proxy/v1/batch?token=t")]
    public void BatchUri_AppendsRoute(string baseAddress, string expected)
    {
        using var sink = new SegmentHttpSink("abc123", new Uri(baseAddress));

        Assert.Equal(expected, sink.BatchUri.AbsoluteUri);
    }

    [Fact]
    public void RegionBaseAddresses()
    {
        Assert.Equal("https://api.segment.io/", SegmentHttpSink.DefaultBaseAddress.AbsoluteUri);
        Assert.Equal("https://events.eu1.segmentapis.com/", SegmentHttpSink.EuropeBaseAddress.AbsoluteUri);
    }

    [Fact]
    public void ToString_OmitsWriteKey()
    {
        using var sink = new SegmentHttpSink("abc123", SegmentHttpSink.DefaultBaseAddress);

        Assert.Equal("SegmentHttpSink(https://api.segment.io/v1/batch)", sink.ToString());
    }

    [Fact]
    public void ToString_OmitsQuery()
    {
        using var sink = new SegmentHttpSink("abc123", new Uri("http://127.0.0.1:5000/proxy?token=secret"));

        Assert.Equal("SegmentHttpSink(http://127.0.0.1:5000/proxy/v1/batch)", sink.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankWriteKeyThrows(string writeKey)
    {
        var exception = Assert.Throws<ArgumentException>(
            () => new SegmentHttpSink(writeKey, SegmentHttpSink.DefaultBaseAddress));

        Assert.Equal("writeKey", exception.ParamName);
        Assert.Contains("write key is empty", exception.Message);
    }

    [Fact]
    public void Constructor_NullArgumentsThrow()
    {
        Assert.Equal(
            "writeKey",
            Assert.Throws<ArgumentNullException>(
                () => new SegmentHttpSink(null!, SegmentHttpSink.DefaultBaseAddress)).ParamName);
        Assert.Equal(
            "baseAddress",
            Assert.Throws<ArgumentNullException>(() => new SegmentHttpSink("abc123", null!)).ParamName);
    }

    [Fact]
    public void Constructor_RelativeBaseAddressThrows()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => new SegmentHttpSink("abc123", new Uri("proxy/", UriKind.Relative)));

        Assert.Equal("baseAddress", exception.ParamName);
        Assert.Contains("'proxy/' is relative", exception.Message);
    }

    [Fact]
    public void Constructor_UnsupportedSchemeThrows()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => new SegmentHttpSink("abc123", new Uri("ftp://127.0.0.1/")));

        Assert.Equal("baseAddress", exception.ParamName);
        Assert.Contains("'ftp'", exception.Message);
    }

    [Fact]
    public void Constructor_UserInfoThrows()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => new SegmentHttpSink("abc123", new Uri("https://user:secret@127.0.0.1/")));

        Assert.Equal("baseAddress", exception.ParamName);
        Assert.DoesNotContain("secret", exception.Message);
    }

    [Fact]
    public async Task SendAsync_RetryableStatusThrowsWithReason()
    {
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress("/"));
        Task<RecordedRequest> received = server.ReceiveOneAsync(CreateResponse(503, "Service Unavailable"));

        TrackItem[] batch = { SampleItems.CreateTrainingStarted() };
        var exception = await Assert.ThrowsAsync<HttpRequestException>(
            () => sink.SendAsync(batch, CancellationToken.None).WaitAsync(Guard));
        await received.WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Equal(
            $"Segment did not accept a batch of 1 events: POST http://127.0.0.1:{server.Port}/v1/batch returned "
            + "HTTP 503 (Service Unavailable).",
            exception.Message);
    }

    [Fact]
    public async Task SendAsync_RefusedConnectionThrows()
    {
        using var sink = CreateSink("abc123", GetAddressWithoutListener());

        TrackItem[] batch = { SampleItems.CreateTrainingStarted() };

        await Assert.ThrowsAsync<HttpRequestException>(
            () => sink.SendAsync(batch, CancellationToken.None).WaitAsync(Guard));
    }

    [Fact]
    public async Task SendAsync_TimeoutThrowsCanceled()
    {
        using var silentServer = new SilentServer();
        using var sink = CreateSink(
            "abc123",
            silentServer.Address,
            TimeProvider.System,
            requestTimeout: TimeSpan.FromMilliseconds(200));

        TrackItem[] batch = { SampleItems.CreateTrainingStarted() };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => sink.SendAsync(batch, CancellationToken.None).WaitAsync(Guard));
    }

    [Fact]
    public async Task SendAsync_NullItemThrows()
    {
        using var sink = CreateSink("abc123", new Uri("http://127.0.0.1:9/"));

        TrackItem[] batch = { SampleItems.CreateTrainingStarted(), null! };

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => sink.SendAsync(batch, CancellationToken.None));

        Assert.Equal("batch", exception.ParamName);
        Assert.Contains("index 1 is null", exception.Message);
    }

    [Fact]
    public async Task SendAttempt_SendsHeadersAndGzipBody()
    {
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress("/"));
        QueuedEvent[] events = CreateEvents(2);

        (SendResult result, RecordedRequest request) = await SendOneAsync(sink, server, events, retryCount: 0);

        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("POST /v1/batch HTTP/1.1", request.RequestLine);
        Assert.Equal("Basic YWJjMTIzOg==", request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("Telemetry.Generators/" + LibraryInfo.Version, request.Header("User-Agent"));
        Assert.Equal("gzip", request.Header("Content-Encoding"));
        Assert.Equal(1, request.CountHeaders("Content-Encoding"));
        Assert.Null(request.Header("X-Retry-Count"));
        Assert.Equal(SegmentBody.Build(events, SampleItems.SentAt), Decompress(request.Body));
    }

    [Fact]
    public async Task SendAttempt_WithoutCompressionSendsPlainBody()
    {
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress("/"), useCompression: false);
        QueuedEvent[] events = CreateEvents(2);

        (SendResult result, RecordedRequest request) = await SendOneAsync(sink, server, events, retryCount: 0);

        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        Assert.Null(request.Header("Content-Encoding"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal(SegmentBody.Build(events, SampleItems.SentAt), request.Body);
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(3, "3")]
    public async Task SendAttempt_RetrySendsRetryCount(int retryCount, string expectedHeader)
    {
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress("/"));

        (_, RecordedRequest request) = await SendOneAsync(sink, server, CreateEvents(1), retryCount);

        Assert.Equal(expectedHeader, request.Header("X-Retry-Count"));
        Assert.Equal(1, request.CountHeaders("X-Retry-Count"));
    }

    [Fact]
    public async Task SendAttempt_StampsSentAtPerAttempt()
    {
        using var server = new LoopbackHttpServer();
        var clock = new ManualTimeProvider(SampleItems.SentAt);
        using var sink = CreateSink("abc123", server.GetAddress("/"), clock);
        QueuedEvent[] events = CreateEvents(2);

        (_, RecordedRequest first) = await SendOneAsync(sink, server, events, retryCount: 0);
        clock.SetUtcNow(SampleItems.SentAt.AddSeconds(5.5));
        (_, RecordedRequest second) = await SendOneAsync(sink, server, events, retryCount: 1);

        using JsonDocument firstBody = JsonDocument.Parse(Decompress(first.Body));
        using JsonDocument secondBody = JsonDocument.Parse(Decompress(second.Body));
        Assert.Equal("2024-03-09T14:05:08.000Z", firstBody.RootElement.GetProperty("sentAt").GetString());
        Assert.Equal("2024-03-09T14:05:13.500Z", secondBody.RootElement.GetProperty("sentAt").GetString());
        Assert.Equal(SegmentBody.Build(events, SampleItems.SentAt.AddSeconds(5.5)), Decompress(second.Body));
        Assert.Equal(GetMessageIds(firstBody), GetMessageIds(secondBody));
    }

    [Theory]
    [InlineData(200, "OK", nameof(SendOutcome.Delivered))]
    [InlineData(202, "Accepted", nameof(SendOutcome.Delivered))]
    [InlineData(302, "Found", nameof(SendOutcome.Rejected))]
    [InlineData(400, "Bad Request", nameof(SendOutcome.Rejected))]
    [InlineData(401, "Unauthorized", nameof(SendOutcome.Rejected))]
    [InlineData(403, "Forbidden", nameof(SendOutcome.Rejected))]
    [InlineData(404, "Not Found", nameof(SendOutcome.Rejected))]
    [InlineData(408, "Request Timeout", nameof(SendOutcome.Retryable))]
    [InlineData(410, "Gone", nameof(SendOutcome.Retryable))]
    [InlineData(413, "Payload Too Large", nameof(SendOutcome.Rejected))]
    [InlineData(429, "Too Many Requests", nameof(SendOutcome.Retryable))]
    [InlineData(460, "Client Closed", nameof(SendOutcome.Retryable))]
    [InlineData(500, "Internal Server Error", nameof(SendOutcome.Retryable))]
    [InlineData(501, "Not Implemented", nameof(SendOutcome.Rejected))]
    [InlineData(502, "Bad Gateway", nameof(SendOutcome.Retryable))]
    [InlineData(503, "Service Unavailable", nameof(SendOutcome.Retryable))]
    [InlineData(504, "Gateway Timeout", nameof(SendOutcome.Retryable))]
    [InlineData(505, "HTTP Version Not Supported", nameof(SendOutcome.Rejected))]
    [InlineData(511, "Network Authentication Required", nameof(SendOutcome.Rejected))]
    public async Task SendAttempt_ClassifiesStatus(int statusCode, string reasonPhrase, string expectedOutcome)
    {
        // SendOutcome is internal, and xUnit needs public parameter types, so the case names the outcome.
        SendOutcome expected = Enum.Parse<SendOutcome>(expectedOutcome);
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress("/?token=secret"));

        (SendResult result, _) = await SendOneAsync(
            sink,
            server,
            CreateEvents(1),
            retryCount: 0,
            CreateResponse(statusCode, reasonPhrase));

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(statusCode, result.StatusCode);
        Assert.Null(result.Exception);
        if (expected != SendOutcome.Delivered)
        {
            Assert.Equal($"HTTP {statusCode} ({reasonPhrase})", result.Reason);
        }

        Assert.DoesNotContain("secret", result.Reason);
        Assert.DoesNotContain("abc123", result.Reason);
    }

    [Theory]
    [InlineData("120", 120.0)]
    [InlineData("0", 0.0)]
    [InlineData("Sat, 09 Mar 2024 14:06:08 GMT", 60.0)]
    [InlineData("Sat, 09 Mar 2024 14:00:00 GMT", 0.0)]
    [InlineData("Sat, 09 Mar 2024 15:05:08 GMT", 300.0)]
    [InlineData("100000", 300.0)]
    [InlineData("soon", null)]
    public async Task SendAttempt_ReadsRetryAfter(string headerValue, double? expectedSeconds)
    {
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress("/"));

        (SendResult result, _) = await SendOneAsync(
            sink,
            server,
            CreateEvents(1),
            retryCount: 0,
            CreateResponse(429, "Too Many Requests", $"Retry-After: {headerValue}\r\n"));

        Assert.Equal(SendOutcome.Retryable, result.Outcome);
        Assert.Equal(expectedSeconds is null ? null : TimeSpan.FromSeconds(expectedSeconds.Value), result.RetryAfter);
    }

    [Fact]
    public async Task SendAttempt_RetryableWithoutRetryAfter()
    {
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress("/"));

        (SendResult result, _) = await SendOneAsync(
            sink,
            server,
            CreateEvents(1),
            retryCount: 0,
            CreateResponse(503, "Service Unavailable"));

        Assert.Equal(SendOutcome.Retryable, result.Outcome);
        Assert.Null(result.RetryAfter);
    }

    [Fact]
    public async Task SendAttempt_RejectionIgnoresRetryAfter()
    {
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress("/"));

        (SendResult result, _) = await SendOneAsync(
            sink,
            server,
            CreateEvents(1),
            retryCount: 0,
            CreateResponse(400, "Bad Request", "Retry-After: 30\r\n"));

        Assert.Equal(SendOutcome.Rejected, result.Outcome);
        Assert.Null(result.RetryAfter);
    }

    [Fact]
    public async Task SendAttempt_TimeoutIsRetryable()
    {
        using var silentServer = new SilentServer();
        using var sink = CreateSink(
            "abc123",
            silentServer.Address,
            TimeProvider.System,
            requestTimeout: TimeSpan.FromMilliseconds(200));

        // Guard bounds the wait. The attempt ends after RequestTimeout, long before Guard.
        SendResult result = await sink
            .SendAttemptAsync(CreateEvents(1), retryCount: 0, CancellationToken.None)
            .WaitAsync(Guard);

        Assert.Equal(SendOutcome.Retryable, result.Outcome);
        Assert.Equal("timed out after 0.2 s", result.Reason);
        Assert.Null(result.StatusCode);
        Assert.Null(result.RetryAfter);
        Assert.IsAssignableFrom<OperationCanceledException>(result.Exception);
    }

    [Fact]
    public async Task SendAttempt_RefusedConnectionIsRetryable()
    {
        Uri address = GetAddressWithoutListener();
        using var sink = CreateSink("abc123", new Uri(address, "/?token=secret"));

        SendResult result = await sink
            .SendAttemptAsync(CreateEvents(1), retryCount: 0, CancellationToken.None)
            .WaitAsync(Guard);

        Assert.Equal(SendOutcome.Retryable, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.IsType<HttpRequestException>(result.Exception);
        Assert.StartsWith("request failed with HttpRequestException", result.Reason);
        Assert.Contains("ConnectionRefused", result.Reason);
        Assert.DoesNotContain("secret", result.Reason);
        Assert.DoesNotContain("abc123", result.Reason);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"succ")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nnot a chunk")]
    [InlineData("HTTP/1.1 202 Accepted\r\nContent-Length: 9\r\nConnection: close\r\n\r\n<garbage>")]
    public async Task SendAttempt_UnreadableSuccessBodyDelivered(string response)
    {
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress("/"));

        (SendResult result, _) = await SendOneAsync(sink, server, CreateEvents(1), retryCount: 0, response);

        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        Assert.Null(result.Exception);
    }

    [Fact]
    public async Task SendAttempt_CallerCancellationThrows()
    {
        using var silentServer = new SilentServer();
        using var sink = CreateSink("abc123", silentServer.Address);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => sink.SendAttemptAsync(CreateEvents(1), retryCount: 0, cancellation.Token).WaitAsync(Guard));
    }

    [Fact]
    public async Task SendAttempt_CanceledTokenSendsNothing()
    {
        // No server listens here, so only an early cancellation can produce OperationCanceledException.
        using var sink = CreateSink("abc123", GetAddressWithoutListener());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => sink.SendAttemptAsync(CreateEvents(1), retryCount: 0, new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task SendAttempt_AfterDisposeIsRetryable()
    {
        var sink = CreateSink("abc123", new Uri("http://127.0.0.1:9/"));
        sink.Dispose();

        SendResult result = await sink.SendAttemptAsync(CreateEvents(1), retryCount: 0, CancellationToken.None);

        Assert.Equal(SendOutcome.Retryable, result.Outcome);
        Assert.IsType<ObjectDisposedException>(result.Exception);
        Assert.Equal("the sink is disposed", result.Reason);
    }

    [Fact]
    public async Task SendAttempt_EmptyBatchSendsNothing()
    {
        // No server listens here, so a request would fail. Delivered shows that nothing was sent.
        using var sink = CreateSink("abc123", new Uri("http://127.0.0.1:9/"));

        SendResult result = await sink.SendAttemptAsync(
            Array.Empty<QueuedEvent>(),
            retryCount: 0,
            CancellationToken.None);

        Assert.Equal(SendOutcome.Delivered, result.Outcome);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task SendAttempt_NegativeRetryCountThrows()
    {
        using var sink = CreateSink("abc123", new Uri("http://127.0.0.1:9/"));

        var exception = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => sink.SendAttemptAsync(CreateEvents(1), retryCount: -1, CancellationToken.None));

        Assert.Equal("retryCount", exception.ParamName);
    }

    [Fact]
    public async Task SendAttempt_InfiniteTimeoutSends()
    {
        using var server = new LoopbackHttpServer();
        using var sink = CreateSink("abc123", server.GetAddress("/"), requestTimeout: Timeout.InfiniteTimeSpan);

        (SendResult result, _) = await SendOneAsync(sink, server, CreateEvents(1), retryCount: 0);

        Assert.Equal(SendOutcome.Delivered, result.Outcome);
    }

    [Fact]
    public void Properties_HaveDefaults()
    {
        using var sink = new SegmentHttpSink("abc123", SegmentHttpSink.DefaultBaseAddress);

        Assert.True(sink.UseCompression);
        Assert.Equal(TimeSpan.FromSeconds(10), sink.RequestTimeout);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(2_000_000L)]
    [InlineData(int.MaxValue * TimeSpan.TicksPerMillisecond)]
    [InlineData(-TimeSpan.TicksPerMillisecond)]
    public void RequestTimeout_AcceptsValidValue(long ticks)
    {
        using var sink = new SegmentHttpSink("abc123", SegmentHttpSink.DefaultBaseAddress)
        {
            RequestTimeout = TimeSpan.FromTicks(ticks),
        };

        Assert.Equal(TimeSpan.FromTicks(ticks), sink.RequestTimeout);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(-2 * TimeSpan.TicksPerMillisecond)]
    [InlineData((int.MaxValue + 1L) * TimeSpan.TicksPerMillisecond)]
    public void RequestTimeout_RejectsInvalidValue(long ticks)
    {
        var value = TimeSpan.FromTicks(ticks);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => new SegmentHttpSink("abc123", SegmentHttpSink.DefaultBaseAddress) { RequestTimeout = value });

        Assert.Equal("RequestTimeout", exception.ParamName);
        Assert.Equal(value, exception.ActualValue);
        Assert.Contains($"The request timeout {value} is invalid.", exception.Message);
    }

    [Fact]
    public void GetBaseAddress_ReturnsRegionAddress()
    {
        Assert.Equal(
            "https://api.segment.io/",
            SegmentHttpSink.GetBaseAddress(SegmentRegion.UnitedStates).AbsoluteUri);
        Assert.Equal(
            "https://events.eu1.segmentapis.com/",
            SegmentHttpSink.GetBaseAddress(SegmentRegion.Europe).AbsoluteUri);
    }

    [Fact]
    public void GetBaseAddress_UndefinedRegionThrows()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => SegmentHttpSink.GetBaseAddress((SegmentRegion)7));

        Assert.Equal("region", exception.ParamName);
        Assert.StartsWith("The region 7 is not a SegmentRegion value.", exception.Message);
    }

    [Fact]
    public void Constructor_PlainHttpRemoteHostThrows()
    {
        const string Expected =
            "The base address 'http://collector.example.com/segment' uses http with a host that is not a loopback "
            + "address, so the write key would be sent unencrypted. "
            + "Use https, or a loopback address such as http://127.0.0.1:5000/ for a local collector.";
        var baseAddress = new Uri("http://collector.example.com/segment?token=secret");

        var exception = Assert.Throws<ArgumentException>(() => new SegmentHttpSink("abc123", baseAddress));

        Assert.Equal("baseAddress", exception.ParamName);
        Assert.Equal(new ArgumentException(Expected, "baseAddress").Message, exception.Message);
        Assert.Equal(Expected, SegmentHttpSink.DescribeInvalidBaseAddress(baseAddress));
    }

    [Theory]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://127.1.2.3:8080/proxy/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("https://collector.example.com/segment/")]
    [InlineData("https://10.0.0.5/")]
    public void Constructor_AcceptsSecureOrLoopbackAddress(string baseAddress)
    {
        using var sink = new SegmentHttpSink("abc123", new Uri(baseAddress));

        Assert.Null(SegmentHttpSink.DescribeInvalidBaseAddress(new Uri(baseAddress)));
        Assert.EndsWith("/v1/batch", sink.BatchUri.AbsolutePath);
    }

    [Theory]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://0.0.0.0:5000/")]
    [InlineData("http://api.segment.io/")]
    public void Constructor_PlainHttpNonLoopbackThrows(string baseAddress)
    {
        var exception = Assert.Throws<ArgumentException>(() => new SegmentHttpSink("abc123", new Uri(baseAddress)));

        Assert.Equal("baseAddress", exception.ParamName);
        Assert.Contains("not a loopback address", exception.Message);
    }

    private static async Task<(SendResult Result, RecordedRequest Request)> SendOneAsync(
        SegmentHttpSink sink,
        LoopbackHttpServer server,
        QueuedEvent[] events,
        int retryCount,
        string response = LoopbackHttpServer.OkResponse)
    {
        Task<RecordedRequest> received = server.ReceiveOneAsync(response);
        SendResult result = await sink.SendAttemptAsync(events, retryCount, CancellationToken.None).WaitAsync(Guard);
        RecordedRequest request = await received.WaitAsync(Guard);
        return (result, request);
    }

    private static QueuedEvent[] CreateEvents(int count)
    {
        var events = new QueuedEvent[count];
        for (int i = 0; i < count; i++)
        {
            string messageId = $"00000000-0000-0000-0000-{i + 1:D12}";
            events[i] = QueuedEvent.Create(SampleItems.CreateTrainingStarted(messageId));
        }

        return events;
    }

    private static string CreateResponse(int statusCode, string reasonPhrase, string extraHeaders = "") =>
        $"HTTP/1.1 {statusCode} {reasonPhrase}\r\n{extraHeaders}Content-Length: 0\r\nConnection: close\r\n\r\n";

    private static List<string?> GetMessageIds(JsonDocument body)
    {
        var messageIds = new List<string?>();
        foreach (JsonElement item in body.RootElement.GetProperty("batch").EnumerateArray())
        {
            messageIds.Add(item.GetProperty("messageId").GetString());
        }

        return messageIds;
    }

    private static byte[] Decompress(byte[] body)
    {
        using var input = new MemoryStream(body);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    // A port that was just released on 127.0.0.1 has no listener, so connections to it are refused at once.
    private static Uri GetAddressWithoutListener()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    // Proxy settings from the environment could route loopback requests elsewhere, so tests turn them off.
    private static SegmentHttpSink CreateSink(
        string writeKey,
        Uri baseAddress,
        TimeProvider? timeProvider = null,
        bool useCompression = true,
        TimeSpan? requestTimeout = null)
    {
        var handler = new SocketsHttpHandler { UseProxy = false };
        TimeProvider clock = timeProvider ?? new ManualTimeProvider(SampleItems.SentAt);
        if (requestTimeout is null)
        {
            return new SegmentHttpSink(writeKey, baseAddress, handler, clock) { UseCompression = useCompression };
        }

        return new SegmentHttpSink(writeKey, baseAddress, handler, clock)
        {
            UseCompression = useCompression,
            RequestTimeout = requestTimeout.Value,
        };
    }

    /// <summary>
    /// Listener on 127.0.0.1 that never accepts. The operating system still completes TCP handshakes into its
    /// backlog, so a client connects and sends its request but never gets a response.
    /// </summary>
    private sealed class SilentServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public SilentServer()
        {
            _listener.Start();
        }

        public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public void Dispose() => _listener.Stop();
    }
}
