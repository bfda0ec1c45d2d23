using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators.Runtime.Tests.Support;

// The request loop of one accepted connection and the writing of each kind of reply.
internal sealed partial class SegmentTestServer
{
    private static readonly byte[] SuccessBody = "{\"success\":true}"u8.ToArray();

    private static readonly byte[] GarbageBody = "<html><body>OK</body></html>"u8.ToArray();

    private async Task RunConnectionAsync(ClientConnection connection)
    {
        try
        {
            await ServeRequestsAsync(connection).ConfigureAwait(false);
        }
        catch (Exception exception) when (connection.IsClosing && IsConnectionFailure(exception))
        {
            // The server closed the connection itself, in RefuseConnections, ReleaseHeldRequests or disposal.
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            RecordConnectionError(connection, exception);
        }
        catch (Exception exception)
        {
            // A bug in this server. It becomes a violation because an exception in a background task would
            // otherwise go unobserved and the test would pass or hang for an unrelated reason.
            RecordViolation($"Connection {connection.Id}: the test server failed: {exception}");
        }
        finally
        {
            connection.Close();
            ForgetConnection(connection);
        }
    }

    private static bool IsConnectionFailure(Exception exception) =>
        exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException;

    private async Task ServeRequestsAsync(ClientConnection connection)
    {
        var reader = new HttpRequestReader(connection.Stream);
        CancellationToken closing = connection.Closing;
        while (true)
        {
            RequestHead head;
            try
            {
                string? headText = await reader.ReadHeadAsync(closing).ConfigureAwait(false);
                if (headText is null)
                {
                    return;
                }

                head = ParseHead(headText);
            }
            catch (MalformedRequestException exception)
            {
                // Without a parsed head there is no request to record, so only the violation remains.
                RecordViolation($"Connection {connection.Id}: {exception.Message}");
                byte[] response = FormatViolationResponse(exception.Message, closeConnection: true);
                await connection.Stream.WriteAsync(response, closing).ConfigureAwait(false);
                return;
            }

            string? framingProblem = ReadContentLength(head, out int contentLength);
            if (framingProblem is not null)
            {
                // The end of the body is unknown, so the connection cannot carry another request.
                var rejected = new RequestInspection();
                rejected.Problems.Add(framingProblem);
                RecordRequest(connection, head, Array.Empty<byte>(), rejected);
                byte[] response = FormatViolationResponse(framingProblem, closeConnection: true);
                await connection.Stream.WriteAsync(response, closing).ConfigureAwait(false);
                return;
            }

            if (head.ExpectsContinue)
            {
                await connection.Stream.WriteAsync(ContinueResponse, closing).ConfigureAwait(false);
            }

            byte[] rawBody = await reader.ReadBodyAsync(contentLength, closing).ConfigureAwait(false);
            RequestInspection inspection = InspectRequest(head.Method, head.Path, head.Headers, rawBody, _credentials);
            ReceivedRequest request = RecordRequest(connection, head, rawBody, inspection);
            bool keepOpen = await WriteReplyAsync(connection, request, request.Reply, head.KeepsConnectionOpen)
                .ConfigureAwait(false);
            if (!keepOpen)
            {
                return;
            }
        }
    }

    // Returns whether the connection stays open for another request.
    private async Task<bool> WriteReplyAsync(
        ClientConnection connection,
        ReceivedRequest request,
        ServerReply reply,
        bool keepOpen)
    {
        CancellationToken closing = connection.Closing;
        byte[] response;
        switch (reply.Kind)
        {
            case ServerReplyKind.Slow:
                await Task.Delay(reply.Delay, closing).ConfigureAwait(false);
                return await WriteReplyAsync(connection, request, reply.Then!, keepOpen).ConfigureAwait(false);

            case ServerReplyKind.NeverAnswer:
                await WaitForReleaseAsync(closing).ConfigureAwait(false);
                return false;

            case ServerReplyKind.CloseMidResponse:
                await connection.Stream.WriteAsync(PartialOkResponse, closing).ConfigureAwait(false);
                return false;

            case ServerReplyKind.GarbageOk:
                response = FormatResponse(200, null, "application/json", GarbageBody, !keepOpen);
                break;

            case ServerReplyKind.Status when request.Violations.Count > 0:
                response = FormatViolationResponse(string.Join("\n", request.Violations), !keepOpen);
                break;

            case ServerReplyKind.Status when reply.IsSuccess:
                response = reply.StatusCode == 204
                    ? FormatResponse(204, reply.RetryAfter, null, Array.Empty<byte>(), !keepOpen)
                    : FormatResponse(reply.StatusCode, reply.RetryAfter, "application/json", SuccessBody, !keepOpen);
                break;

            default:
                response = FormatResponse(reply.StatusCode, reply.RetryAfter, null, Array.Empty<byte>(), !keepOpen);
                break;
        }

        // The batch counts as accepted before the reply is written, as at a real server, so a client that reads the
        // reply always finds the delivery recorded.
        if (reply.IsSuccess)
        {
            RecordDelivery(request);
        }

        await connection.Stream.WriteAsync(response, closing).ConfigureAwait(false);
        await connection.Stream.FlushAsync(closing).ConfigureAwait(false);

        return keepOpen;
    }

    private static byte[] FormatViolationResponse(string text, bool closeConnection) =>
        FormatResponse(400, null, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text), closeConnection);

    /// <summary>An accepted TCP connection and the signal that the server is closing it.</summary>
    private sealed class ClientConnection
    {
        private readonly TcpClient _client;
        private readonly CancellationTokenSource _closing = new();

        public ClientConnection(int id, TcpClient client)
        {
            Id = id;
            _client = client;
            Stream = client.GetStream();
        }

        public int Id { get; }

        public NetworkStream Stream { get; }

        /// <summary>Canceled once the server starts closing the connection, which ends any wait or delay.</summary>
        public CancellationToken Closing => _closing.Token;

        public bool IsClosing => _closing.IsCancellationRequested;

        /// <summary>
        /// Closes the socket gracefully, so the client reads the end of the stream. Safe to call more than once.
        /// </summary>
        public void Close()
        {
            _closing.Cancel();
            _client.Dispose();
        }
    }
}
