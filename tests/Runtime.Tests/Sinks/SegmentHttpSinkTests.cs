using System;
using System.Net;
using System.Net.Http;
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
        Assert.Equal(ExpectedBody, request.BodyText);
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
        Assert.Equal(ExpectedBody, request.BodyText);
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

    // Proxy settings from the environment could route loopback requests elsewhere, so tests turn them off.
    private static SegmentHttpSink CreateSink(string writeKey, Uri baseAddress) => new(
        writeKey,
        baseAddress,
        new SocketsHttpHandler { UseProxy = false },
        new ManualTimeProvider(SampleItems.SentAt));
}
