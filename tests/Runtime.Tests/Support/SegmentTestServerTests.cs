using System;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Support;

public sealed class SegmentTestServerTests
{
    private const string WriteKey = "server-test-key";

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task GzipBatch_IsDeliveredAndRecorded()
    {
        await using var server = new SegmentTestServer(WriteKey);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        string json = CreateBatchJson(ItemJson("id-1"), ItemJson("id-2"));

        using HttpRequestMessage message = CreateRequest(json, gzip: true);
        message.Headers.Add("X-Retry-Count", "2");
        using HttpResponseMessage response = await client.SendAsync(message).WaitAsync(Guard);
        await server.WaitForDeliveredAsync(2, Guard);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"success\":true}", await response.Content.ReadAsStringAsync());
        Assert.Empty(server.Violations);
        ReceivedRequest request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/batch", request.Path);
        Assert.Equal("gzip", request.Headers["content-encoding"]);
        Assert.Equal(Gzip(Encoding.UTF8.GetBytes(json)), request.RawBody);
        Assert.Equal(json, request.BodyText);
        Assert.Equal(2, request.RetryCount);
        Assert.Equal("2024-03-09T14:05:08.000Z", request.SentAt);
        Assert.Equal(new[] { "id-1", "id-2" }, request.MessageIds);
        Assert.Equal(new[] { ItemJson("id-1"), ItemJson("id-2") }, request.ItemJson);
        Assert.Equal(ServerReply.Ok, request.Reply);
        Assert.True(request.Delivered);
        Assert.Equal(new[] { "id-1", "id-2" }, server.DeliveredMessageIds);
        Assert.Equal(1, server.DeliveryCount("id-1"));
        Assert.Equal(0, server.DeliveryCount("id-3"));
    }

    [Fact]
    public async Task WrongWriteKey_IsRejectedWithViolation()
    {
        await using var server = new SegmentTestServer(WriteKey);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using HttpRequestMessage message = CreateRequest(CreateBatchJson(ItemJson("id-1")), writeKey: "other-key");
        using HttpResponseMessage response = await client.SendAsync(message).WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string violation = Assert.Single(server.Violations);
        Assert.StartsWith("Request 1 (POST /v1/batch): ", violation);
        Assert.Contains("Authorization header", violation);
        Assert.Contains("other-key:", violation);
        Assert.Contains("Authorization header", await response.Content.ReadAsStringAsync());
        Assert.Equal(ServerReply.Status(400), Assert.Single(server.Requests).Reply);
        Assert.Empty(server.DeliveredMessageIds);
    }

    [Fact]
    public async Task Script_IsConsumedInOrderOverOneConnection()
    {
        await using var server = new SegmentTestServer(WriteKey);
        server.Script(ServerReply.Status(503), ServerReply.Ok);
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseAddress, "proxy/") };
        string json = CreateBatchJson(ItemJson("id-1"));

        using HttpResponseMessage first = await client.SendAsync(CreateRequest(json)).WaitAsync(Guard);
        using HttpResponseMessage second = await client.SendAsync(CreateRequest(json)).WaitAsync(Guard);
        using HttpResponseMessage third = await client.SendAsync(CreateRequest(json)).WaitAsync(Guard);
        await server.WaitForRequestsAsync(3, Guard);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Empty(server.Violations);
        var requests = server.Requests;
        Assert.Equal(ServerReply.Status(503), requests[0].Reply);
        Assert.Equal(ServerReply.Ok, requests[1].Reply);
        Assert.Equal(ServerReply.Ok, requests[2].Reply);
        Assert.False(requests[0].Delivered);
        Assert.Equal("/proxy/v1/batch", requests[0].Path);
        Assert.Equal(requests[0].ConnectionId, requests[2].ConnectionId);
    }

    [Fact]
    public async Task TooManyRequests_SendsRetryAfter()
    {
        await using var server = new SegmentTestServer(WriteKey);
        server.Script(ServerReply.Status(429, "7"));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using HttpRequestMessage message = CreateRequest(CreateBatchJson(ItemJson("id-1")));
        using HttpResponseMessage response = await client.SendAsync(message).WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Empty(server.Violations);
        Assert.Empty(server.DeliveredMessageIds);
    }

    [Fact]
    public async Task NeverAnswer_HoldsClientUntilItsTimeout()
    {
        await using var server = new SegmentTestServer(WriteKey);
        string json = CreateBatchJson(ItemJson("id-1"));

        // The first request on a cold process can take longer than 200 ms, so a client without a timeout opens
        // the connection that the 200 ms client then reuses from the shared handler's pool.
        using var handler = new SocketsHttpHandler();
        using var warmUpClient = new HttpClient(handler, disposeHandler: false) { BaseAddress = server.BaseAddress };
        using HttpResponseMessage warmUp = await warmUpClient.SendAsync(CreateRequest(json)).WaitAsync(Guard);
        server.DefaultReply = ServerReply.NeverAnswer;
        using var client = new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromMilliseconds(200),
        };

        using HttpRequestMessage message = CreateRequest(json);
        await Assert.ThrowsAsync<TaskCanceledException>(() => client.SendAsync(message).WaitAsync(Guard));
        await server.WaitForRequestsAsync(2, Guard);

        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        ReceivedRequest heldRequest = server.Requests[1];
        Assert.Equal(ServerReply.NeverAnswer, heldRequest.Reply);
        Assert.Equal(server.Requests[0].ConnectionId, heldRequest.ConnectionId);
        Assert.False(heldRequest.Delivered);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task RefuseConnections_FailsUntilAcceptConnections()
    {
        await using var server = new SegmentTestServer(WriteKey);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        string json = CreateBatchJson(ItemJson("id-1"));
        using HttpResponseMessage before = await client.SendAsync(CreateRequest(json)).WaitAsync(Guard);

        server.RefuseConnections();
        var exception = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.SendAsync(CreateRequest(json)).WaitAsync(Guard));
        server.AcceptConnections();
        using HttpResponseMessage after = await client.SendAsync(CreateRequest(json)).WaitAsync(Guard);
        await server.WaitForRequestsAsync(2, Guard);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpRequestError.ConnectionError, exception.HttpRequestError);
        var socketException = Assert.IsType<SocketException>(exception.InnerException);
        Assert.Equal(SocketError.ConnectionRefused, socketException.SocketErrorCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(client.BaseAddress, server.BaseAddress);
        Assert.Equal(2, server.Requests.Count);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task CloseMidResponse_EndsResponsePrematurely()
    {
        await using var server = new SegmentTestServer(WriteKey);
        server.Script(ServerReply.CloseMidResponse);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using HttpRequestMessage message = CreateRequest(CreateBatchJson(ItemJson("id-1")));
        var exception = await Assert.ThrowsAsync<HttpRequestException>(
            () => client.SendAsync(message).WaitAsync(Guard));

        Assert.Equal(HttpRequestError.ResponseEnded, exception.HttpRequestError);
        Assert.Equal(ServerReply.CloseMidResponse, Assert.Single(server.Requests).Reply);
        Assert.Empty(server.Violations);
        Assert.Empty(server.DeliveredMessageIds);
    }

    [Fact]
    public async Task OversizeItem_IsRejectedWithViolation()
    {
        await using var server = new SegmentTestServer(WriteKey);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        string item = ItemJson("id-1", "{\"text\":\"" + new string('x', 33_000) + "\"}");

        using HttpRequestMessage message = CreateRequest(CreateBatchJson(item));
        using HttpResponseMessage response = await client.SendAsync(message).WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string violation = Assert.Single(server.Violations);
        Assert.Contains($"batch[0] is {Encoding.UTF8.GetByteCount(item)} bytes", violation);
        Assert.Contains("32000 bytes per item", violation);
        Assert.Empty(server.DeliveredMessageIds);
    }

    private static string ItemJson(string messageId, string properties = "{\"size\":1}") =>
        "{\"type\":\"track\",\"messageId\":\"" + messageId + "\",\"anonymousId\":\"anon-1\"," +
        "\"event\":\"Training Started\",\"properties\":" + properties + ",\"context\":{}," +
        "\"timestamp\":\"2024-03-09T14:05:07.250Z\"}";

    private static string CreateBatchJson(params string[] items) =>
        "{\"batch\":[" + string.Join(",", items) + "],\"sentAt\":\"2024-03-09T14:05:08.000Z\"}";

    private static HttpRequestMessage CreateRequest(string json, bool gzip = false, string writeKey = WriteKey)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        var content = new ByteArrayContent(gzip ? Gzip(body) : body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        var message = new HttpRequestMessage(HttpMethod.Post, "v1/batch") { Content = content };
        string credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        message.Headers.UserAgent.ParseAdd("SegmentTestServerTests/1.0");
        return message;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
