using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// HTTP/1.1 server on 127.0.0.1 that imitates Segment's <c>/v1/batch</c> endpoint for tests. It checks every
/// request against the rules of the batch API, records it, and replies as scripted, including faults such as a
/// reply that never comes or a connection that closes mid-response.
/// </summary>
/// <remarks>
/// <para>
/// Each connection is served on its own task and may carry several requests (keep-alive). A request that breaks a
/// rule gets a 400 response with a plain-text list of its problems, which <see cref="Violations"/> also records.
/// A rejected request does not consume a scripted reply.
/// </para>
/// <para>
/// All members are thread-safe. Collection properties return copies that later requests do not change, but
/// <see cref="ReceivedRequest.Delivered"/> of a listed request can still turn true.
/// </para>
/// </remarks>
internal sealed partial class SegmentTestServer : IAsyncDisposable, IDisposable
{
    // Bounds how long AcceptConnections retries binding the old port and how long DisposeAsync waits for tasks.
    private static readonly TimeSpan RebindTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DisposeTimeout = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly object _listenerGate = new();
    private readonly string _credentials;
    private readonly int _port;
    private readonly Queue<ServerReply> _script = new();
    private readonly List<ReceivedRequest> _requests = new();
    private readonly List<string> _violations = new();
    private readonly List<string> _connectionErrors = new();
    private readonly List<string> _deliveredMessageIds = new();
    private readonly Dictionary<string, int> _deliveryCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, ClientConnection> _connections = new();
    private readonly List<Task> _tasks = new();
    private TcpListener? _listener;
    private ServerReply _defaultReply = ServerReply.Ok;
    private TaskCompletionSource _stateChanged = CreateSignal();
    private TaskCompletionSource _heldRequestsReleased = CreateSignal();
    private int _lastConnectionId;
    private bool _disposed;

    /// <summary>Starts listening on 127.0.0.1 on a free port.</summary>
    /// <param name="writeKey">
    /// Write key that every request must carry as <c>Authorization: Basic base64(writeKey + ":")</c>.
    /// </param>
    public SegmentTestServer(string writeKey)
    {
        ArgumentNullException.ThrowIfNull(writeKey);
        _credentials = writeKey + ":";
        TcpListener listener = StartListener(0);
        _port = ((IPEndPoint)listener.LocalEndpoint).Port;
        BaseAddress = new Uri($"http://127.0.0.1:{_port}/");
        _listener = listener;
        StartTask(() => AcceptConnectionsAsync(listener));
    }

    /// <summary>
    /// Address of the server, <c>http://127.0.0.1:{port}/</c>. The port stays the same for the server's lifetime.
    /// </summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// Reply for a valid request when no scripted reply is left. Initially <see cref="ServerReply.Ok"/>.
    /// </summary>
    public ServerReply DefaultReply
    {
        get
        {
            lock (_gate)
            {
                return _defaultReply;
            }
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                _defaultReply = value;
            }
        }
    }

    /// <summary>
    /// Appends <paramref name="replies"/> to the queue of scripted replies. Each valid request takes the next one,
    /// whichever connection it arrives on, and falls back to <see cref="DefaultReply"/> when the queue is empty.
    /// </summary>
    public void Script(params ServerReply[] replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (Array.IndexOf(replies, null) >= 0)
        {
            throw new ArgumentException("The scripted replies must not contain null.", nameof(replies));
        }

        lock (_gate)
        {
            foreach (ServerReply reply in replies)
            {
                _script.Enqueue(reply);
            }
        }
    }

    /// <summary>
    /// Closes the connections of requests held by <see cref="ServerReply.NeverAnswer"/> without a reply. Requests
    /// that take NeverAnswer later are held again.
    /// </summary>
    public void ReleaseHeldRequests()
    {
        TaskCompletionSource released;
        lock (_gate)
        {
            released = _heldRequestsReleased;
            _heldRequestsReleased = CreateSignal();
        }

        released.TrySetResult();
    }

    /// <summary>
    /// Stops listening, so that new connections fail with "connection refused", and closes every open connection,
    /// including those held by <see cref="ServerReply.NeverAnswer"/>. Does nothing when already stopped.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The server is disposed.</exception>
    public void RefuseConnections()
    {
        lock (_listenerGate)
        {
            TcpListener? listener;
            ClientConnection[] open;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                listener = _listener;
                _listener = null;
                open = _connections.Values.ToArray();
            }

            listener?.Stop();
            foreach (ClientConnection connection in open)
            {
                connection.Close();
            }
        }
    }

    /// <summary>
    /// Listens again on the port of <see cref="BaseAddress"/> after <see cref="RefuseConnections"/>. Does nothing
    /// when already listening. Blocks while it retries the bind for up to 5 seconds if the port is still in use.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The port stayed in use, for example because another process took it.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The server is disposed.</exception>
    public void AcceptConnections()
    {
        lock (_listenerGate)
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_listener is not null)
                {
                    return;
                }
            }

            TcpListener listener = RebindListener();
            lock (_gate)
            {
                if (_disposed)
                {
                    listener.Stop();
                    throw new ObjectDisposedException(GetType().FullName);
                }

                _listener = listener;
            }

            StartTask(() => AcceptConnectionsAsync(listener));
        }
    }

    /// <summary>
    /// Stops listening, closes every connection and releases held requests without waiting for the connection
    /// tasks, which end on their own once their sockets are closed. Never throws, and later calls do nothing.
    /// </summary>
    /// <remarks>
    /// It does not block on the tasks because a blocked thread-pool thread can starve the very continuations it
    /// waits for. Use <see cref="DisposeAsync"/> to also wait for the tasks to end.
    /// </remarks>
    public void Dispose() => Stop();

    /// <summary>
    /// Stops listening, closes every connection, releases held requests and waits up to 5 seconds for the
    /// connection tasks to end. Never throws, and later calls do nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Task[] tasks = Stop();
        try
        {
            await Task.WhenAll(tasks).WaitAsync(DisposeTimeout).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // A task still running after the timeout can only touch its own closed socket.
        }
    }

    private static TaskCompletionSource CreateSignal() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TcpListener StartListener(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);

        // On Linux and macOS, SO_REUSEADDR lets the listener bind the port again while closed connections on it
        // are in TIME_WAIT. It stays off on Windows, where it would let another socket bind an active port.
        // NOTE: The rebind in AcceptConnections has been run on Linux only.
        if (!OperatingSystem.IsWindows())
        {
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }

        listener.Start();
        return listener;
    }

    private TcpListener RebindListener()
    {
        DateTime deadline = DateTime.UtcNow + RebindTimeout;
        while (true)
        {
            try
            {
                return StartListener(_port);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new InvalidOperationException(
                        $"Could not listen on 127.0.0.1:{_port} again because the port stayed in use for " +
                        $"{RebindTimeout.TotalSeconds} s. Another process may have taken it.",
                        exception);
                }

                // A retry interval, not synchronisation, because the OS frees the port on its own schedule.
                Thread.Sleep(50);
            }
        }
    }

    private async Task AcceptConnectionsAsync(TcpListener listener)
    {
        try
        {
            while (await AcceptOneAsync(listener).ConfigureAwait(false))
            {
            }
        }
        catch (Exception exception)
        {
            // A bug in this server, recorded for the same reason as in RunConnectionAsync.
            RecordViolation($"The test server failed to accept connections: {exception}");
        }
    }

    // Returns false once the listener has stopped.
    private async Task<bool> AcceptOneAsync(TcpListener listener)
    {
        TcpClient client;
        try
        {
            client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
            when (exception is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // RefuseConnections and disposal stop the listener, which ends a pending accept. Any other failure
            // leaves the server without a listener, so it is recorded for the test to see instead of a timeout.
            bool stopped;
            lock (_gate)
            {
                stopped = _disposed || !ReferenceEquals(_listener, listener);
            }

            if (!stopped)
            {
                RecordViolation($"The test server stopped accepting connections: {exception}");
            }

            return false;
        }

        lock (_gate)
        {
            // A connection accepted while the listener was being stopped must not outlive the stop.
            if (!_disposed && ReferenceEquals(_listener, listener))
            {
                _lastConnectionId++;
                var connection = new ClientConnection(_lastConnectionId, client);
                _connections.Add(connection.Id, connection);
                StartTask(() => RunConnectionAsync(connection));
                return true;
            }
        }

        client.Dispose();
        return false;
    }

    // Task.Run keeps the server's continuations off the test's synchronization context. The task is added under
    // the lock, so Stop either returns it among the tasks to wait for or has already marked the server disposed.
    private void StartTask(Func<Task> work)
    {
        lock (_gate)
        {
            _tasks.Add(Task.Run(work));
        }
    }

    private void ForgetConnection(ClientConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection.Id);
        }
    }

    private Task WaitForReleaseAsync(CancellationToken cancellationToken)
    {
        Task released;
        lock (_gate)
        {
            released = _heldRequestsReleased.Task;
        }

        return released.WaitAsync(cancellationToken);
    }

    // Returns the tasks to wait for, or none when the server was already stopped.
    private Task[] Stop()
    {
        TcpListener? listener;
        ClientConnection[] open;
        Task[] tasks;
        lock (_gate)
        {
            if (_disposed)
            {
                return Array.Empty<Task>();
            }

            _disposed = true;
            listener = _listener;
            _listener = null;
            open = _connections.Values.ToArray();
            tasks = _tasks.ToArray();
        }

        listener?.Stop();
        foreach (ClientConnection connection in open)
        {
            connection.Close();
        }

        ReleaseHeldRequests();
        SignalStateChanged();
        return tasks;
    }
}
