using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators.Runtime.Tests.Support;

// Records requests, violations and deliveries, and lets tests wait for them on a signal.
internal sealed partial class SegmentTestServer
{
    /// <summary>All requests read completely, valid or not, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>
    /// Broken rules of the batch API, each prefixed with the request or connection it came from, and failures of the
    /// server itself. Tests of a correct client assert that this list is empty.
    /// </summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return _violations.ToArray();
            }
        }
    }

    /// <summary>
    /// I/O errors that ended a connection inside a request or a reply, such as a client that closed the connection
    /// before sending the whole body. A client that closes an idle keep-alive connection is not an error.
    /// </summary>
    public IReadOnlyList<string> ConnectionErrors
    {
        get
        {
            lock (_gate)
            {
                return _connectionErrors.ToArray();
            }
        }
    }

    /// <summary>
    /// Distinct message ids of requests the server accepted with a 2xx reply, in the order of first delivery.
    /// </summary>
    public IReadOnlyCollection<string> DeliveredMessageIds
    {
        get
        {
            lock (_gate)
            {
                return _deliveredMessageIds.ToArray();
            }
        }
    }

    /// <summary>
    /// Returns how many requests with a completely written 2xx reply carried <paramref name="messageId"/>.
    /// </summary>
    public int DeliveryCount(string messageId)
    {
        lock (_gate)
        {
            return _deliveryCounts.TryGetValue(messageId, out int count) ? count : 0;
        }
    }

    /// <summary>
    /// Completes when <see cref="DeliveredMessageIds"/> has at least <paramref name="distinctCount"/> ids.
    /// </summary>
    /// <param name="safetyTimeout">Time after which a hung test fails. The wait itself ends on a signal.</param>
    /// <exception cref="TimeoutException">The count was not reached in time. The message names both counts.</exception>
    /// <exception cref="ObjectDisposedException">The server was disposed before the count was reached.</exception>
    public Task WaitForDeliveredAsync(int distinctCount, TimeSpan safetyTimeout) =>
        WaitUntilAsync(
            () => _deliveredMessageIds.Count >= distinctCount,
            $"{distinctCount} distinct delivered message ids",
            safetyTimeout);

    /// <summary>
    /// Completes when <see cref="Requests"/> has at least <paramref name="count"/> requests, whatever the reply.
    /// </summary>
    /// <param name="safetyTimeout">Time after which a hung test fails. The wait itself ends on a signal.</param>
    /// <exception cref="TimeoutException">The count was not reached in time. The message names both counts.</exception>
    /// <exception cref="ObjectDisposedException">The server was disposed before the count was reached.</exception>
    public Task WaitForRequestsAsync(int count, TimeSpan safetyTimeout) =>
        WaitUntilAsync(() => _requests.Count >= count, $"{count} received requests", safetyTimeout);

    private ReceivedRequest RecordRequest(
        ClientConnection connection,
        RequestHead head,
        byte[] rawBody,
        RequestInspection inspection)
    {
        ReceivedRequest request;
        lock (_gate)
        {
            // The reply is taken in the same lock that numbers the request, so scripted replies follow arrival order.
            ServerReply reply = inspection.Problems.Count > 0
                ? ServerReply.Status(400)
                : _script.Count > 0 ? _script.Dequeue() : _defaultReply;
            int sequence = _requests.Count + 1;
            request = new ReceivedRequest(
                sequence,
                connection.Id,
                DateTimeOffset.UtcNow,
                head.Method,
                head.Path,
                head.Headers,
                rawBody,
                inspection,
                reply);
            _requests.Add(request);
            foreach (string problem in inspection.Problems)
            {
                _violations.Add($"Request {sequence} ({head.Method} {head.Path}): {problem}");
            }
        }

        SignalStateChanged();
        return request;
    }

    private void RecordDelivery(ReceivedRequest request)
    {
        lock (_gate)
        {
            request.MarkDelivered();
            foreach (string messageId in request.MessageIds.Distinct(StringComparer.Ordinal))
            {
                _deliveryCounts.TryGetValue(messageId, out int count);
                _deliveryCounts[messageId] = count + 1;
                if (count == 0)
                {
                    _deliveredMessageIds.Add(messageId);
                }
            }
        }

        SignalStateChanged();
    }

    private void RecordViolation(string text)
    {
        lock (_gate)
        {
            _violations.Add(text);
        }

        SignalStateChanged();
    }

    private void RecordConnectionError(ClientConnection connection, Exception exception)
    {
        lock (_gate)
        {
            _connectionErrors.Add($"Connection {connection.Id}: {exception.GetType().Name}: {exception.Message}");
        }
    }

    private void SignalStateChanged()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _stateChanged;
            _stateChanged = CreateSignal();
        }

        changed.TrySetResult();
    }

    // Waits on the state-changed signal and checks the condition under the lock, so no change can slip between.
    private async Task WaitUntilAsync(Func<bool> isReached, string goal, TimeSpan safetyTimeout)
    {
        using var timeout = new CancellationTokenSource(safetyTimeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (isReached())
                {
                    return;
                }

                if (_disposed)
                {
                    throw new ObjectDisposedException(
                        GetType().FullName,
                        $"The server was disposed while a test waited for {goal}. {DescribeState()}");
                }

                changed = _stateChanged.Task;
            }

            try
            {
                await changed.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                string state;
                lock (_gate)
                {
                    state = DescribeState();
                }

                throw new TimeoutException(
                    $"Timed out after {safetyTimeout.TotalSeconds} s waiting for {goal}. {state}");
            }
        }
    }

    // Must be called under _gate.
    private string DescribeState()
    {
        string text =
            $"The server received {_requests.Count} requests and delivered {_deliveredMessageIds.Count} distinct " +
            $"message ids, with {_violations.Count} violations and {_connectionErrors.Count} connection errors.";
        if (_violations.Count > 0)
        {
            text += $" First violation: {_violations[0]}";
        }

        return text;
    }
}
