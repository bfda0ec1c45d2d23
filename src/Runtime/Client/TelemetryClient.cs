using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators;

/// <summary>
/// Records product-analytics events in memory and sends them to a sink in batches when flushed.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Track"/> does no I/O. It appends the event to an in-memory queue under a short lock, and it logs and
/// counts its own failures instead of throwing them. Nothing is sent until <see cref="FlushAsync"/>,
/// <see cref="Flush()"/> or <see cref="Dispose"/> runs. All members are thread-safe.
/// </para>
/// <para>
/// A client that is off, because of an environment variable, an option, the user's decision or a missing sink, is
/// disabled: <see cref="IsEnabled"/> is <see langword="false"/>, track calls return at once and nothing touches the
/// network. <see cref="ConsentState"/> names the reason. See <see cref="TelemetryOptions.WriteKey"/> for how the sink
/// is chosen.
/// </para>
/// </remarks>
public sealed partial class TelemetryClient : IDisposable
{
    private readonly ResolvedTelemetryOptions _resolved;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Func<Guid> _messageIdGenerator;
    private readonly int _maxBatchSize;
    private readonly int _maxQueueLength;

    // Set before _isEnabled first becomes true, by the constructor or by Enable under _pendingLock, and never
    // changed after that. The volatile write of _isEnabled publishes them to track calls.
    private ITelemetrySink? _sink;
    private bool _ownsSink;
    private TelemetryProperties? _context;
    private volatile string _anonymousId;

    // Guards _pending, _queueFullLogged, _isEnabled changes, _sink and _context changes, and _disposeCompleted.
    private readonly object _pendingLock = new();
    private List<TrackItem> _pending = new();
    private bool _queueFullLogged;
    private bool _disposeCompleted;

    // The items of the flush that is running, if any. Guarded by _pendingLock.
    private InFlightItems? _inFlight;

    // Event names whose capture failure has been logged, locked on itself. Generated code passes constant names, so
    // the set grows to at most the number of event methods.
    private readonly HashSet<string> _captureFailuresLogged = new(StringComparer.Ordinal);

    // Lets one flush at a time call the sink, so batches reach it in tracking order.
    private readonly SemaphoreSlim _flushGate = new(1, 1);

    private volatile bool _isEnabled;
    private int _disposeStarted;
    private long _acceptedCount;
    private long _sentCount;
    private long _droppedCount;

    /// <summary>
    /// Initializes a client, decides whether it sends and chooses its sink. Creating a client does not touch the
    /// network.
    /// </summary>
    /// <param name="options">The settings. They are read once, here.</param>
    /// <remarks>
    /// The constructor reads the telemetry environment variables once. With <see cref="TelemetryOptions.Consent"/>
    /// set, it also reads the config file once, and on a first run in opt-out mode it records consent and prints
    /// the notice, which blocks for as long as that file I/O takes. I/O failures are logged, never thrown, and
    /// leave the client off, and <see cref="ConsentState"/> names the reason.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid. The message names the option and the fix.</exception>
    public TelemetryClient(TelemetryOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _resolved = ResolvedTelemetryOptions.Resolve(options);
        _logger = _resolved.Logger;
        _timeProvider = _resolved.TimeProvider;
        _messageIdGenerator = _resolved.MessageIdGenerator;
        _maxBatchSize = _resolved.MaxBatchSize;
        _maxQueueLength = _resolved.MaxQueueLength;
        _anonymousId = _resolved.AnonymousId;
        WriteKeySource = _resolved.WriteKeySource;
        WriteKeyEnvironmentVariable = _resolved.WriteKeyVariable;
        ConfigPath = _resolved.Consent?.ConfigPath;
        IsContinuousIntegration = _resolved.IsContinuousIntegration;

        ConsentDecision decision = _resolved.Decision;
        _consentState = decision.State;
        if (decision.IsEnabled)
        {
            TurnOn();
        }

        LogConsentState(decision.State);
    }

    /// <summary>
    /// Whether track calls record events: <see langword="true"/> while <see cref="ConsentState"/> is
    /// <see cref="TelemetryConsentState.Enabled"/> or <see cref="TelemetryConsentState.EnabledByEnvironment"/>,
    /// until the client is disposed. Reading it costs one field read.
    /// </summary>
    public bool IsEnabled => _isEnabled;

    /// <summary>
    /// Anonymous id sent with every event of this client: <see cref="TelemetryOptions.AnonymousId"/>, else the
    /// telemetry id stored in the config file, else a random UUID drawn for this client.
    /// </summary>
    /// <remarks>
    /// <see cref="Enable"/> can change it from the random UUID to the id it stores, so read it after a toggle.
    /// </remarks>
    public string AnonymousId => _anonymousId;

    /// <summary>
    /// Where the write key came from, or <see cref="TelemetryWriteKeySource.None"/> when the client has no key:
    /// <see cref="TelemetryOptions.Sink"/> is set, no key was found, or <see cref="TelemetryOptions.Enabled"/> is
    /// <see langword="false"/> and no environment variable overrides it. A client that is off for another reason,
    /// such as <c>DO_NOT_TRACK</c>, reports the key it found. The key itself is not exposed.
    /// </summary>
    public TelemetryWriteKeySource WriteKeySource { get; }

    /// <summary>
    /// Name of the environment variable that the client reads the write key from, for example
    /// <c>TRAINING_CLI_TELEMETRY_WRITE_KEY</c>.
    /// </summary>
    public string WriteKeyEnvironmentVariable { get; }

    /// <summary>
    /// Number of events accepted into the queue.
    /// </summary>
    public long AcceptedCount => Interlocked.Read(ref _acceptedCount);

    /// <summary>
    /// Number of events in batches that the sink accepted.
    /// </summary>
    public long SentCount => Interlocked.Read(ref _sentCount);

    /// <summary>
    /// Number of events lost. An event is lost when the queue was full, when its track item or its property values
    /// could not be read, when the sink failed to send its batch, or when it was still waiting at disposal.
    /// </summary>
    public long DroppedCount => Interlocked.Read(ref _droppedCount);

    /// <summary>
    /// Number of events waiting for a flush.
    /// </summary>
    public int PendingCount
    {
        get
        {
            lock (_pendingLock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Records an event for the next flush. Does no I/O, and logs and counts failures instead of throwing.
    /// </summary>
    /// <param name="eventName">The event name, for example <c>"Training Started"</c>.</param>
    /// <param name="properties">
    /// The event properties, or null for none. The client keeps this instance until the event is sent, so do not
    /// change it after the call.
    /// </param>
    /// <remarks>
    /// When the client is disabled or disposed, the call returns at once. An event that cannot be recorded, because
    /// <paramref name="eventName"/> is null or empty, the message id generator or clock throws, or
    /// <see cref="TelemetryOptions.MaxQueueLength"/> events are waiting, is dropped, counted in
    /// <see cref="DroppedCount"/> and logged.
    /// </remarks>
    public void Track(string eventName, TelemetryProperties? properties)
    {
        if (!_isEnabled)
        {
            return;
        }

        TrackItem item;
        try
        {
            item = CreateItem(eventName, properties);
        }
        catch (Exception exception)
        {
            Interlocked.Increment(ref _droppedCount);
            LogSafely(
                static (logger, state) => TelemetryLog.TrackFailed(logger, state.EventName, state.Exception),
                (EventName: eventName, Exception: exception));
            return;
        }

        bool logQueueFull = false;
        lock (_pendingLock)
        {
            if (!_isEnabled)
            {
                return;
            }

            if (_pending.Count >= _maxQueueLength)
            {
                Interlocked.Increment(ref _droppedCount);
                logQueueFull = !_queueFullLogged;
                _queueFullLogged = true;
            }
            else
            {
                _pending.Add(item);
                Interlocked.Increment(ref _acceptedCount);
            }
        }

        if (logQueueFull)
        {
            LogSafely(
                static (logger, state) => TelemetryLog.QueueFull(logger, state.EventName, state.MaxQueueLength),
                (EventName: eventName, MaxQueueLength: _maxQueueLength));
        }
    }

    /// <summary>
    /// Counts an event as dropped because reading its property values threw, and logs a warning the first time
    /// this happens for <paramref name="eventName"/> on this client. Generated track methods call it.
    /// </summary>
    /// <param name="eventName">The name of the event that was not tracked. Null is accepted.</param>
    /// <param name="exception">The exception thrown while reading the property values. Null is accepted.</param>
    /// <remarks>
    /// <para>
    /// Each call adds one to <see cref="DroppedCount"/>, also when the client is disabled or disposed. The method
    /// does not throw, and an exception from the logger is discarded.
    /// </para>
    /// <para>
    /// The warning names the event and the exception type. It leaves out the exception's message and stack trace,
    /// because a collection's exception message can contain property values. Later failures of the same event
    /// name are counted without a log entry.
    /// </para>
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void ReportCaptureFailure(string eventName, Exception exception)
    {
        Interlocked.Increment(ref _droppedCount);

        bool firstFailure;
        lock (_captureFailuresLogged)
        {
            firstFailure = _captureFailuresLogged.Add(eventName ?? string.Empty);
        }

        if (firstFailure)
        {
            LogSafely(
                static (logger, state) => TelemetryLog.CaptureFailed(logger, state.EventName, state.ExceptionType),
                (EventName: eventName, ExceptionType: exception?.GetType().FullName));
        }
    }

    private TrackItem CreateItem(string eventName, TelemetryProperties? properties)
    {
        if (string.IsNullOrEmpty(eventName))
        {
            throw new ArgumentException(
                "The event name is null or empty. Pass a name such as \"Training Started\".",
                nameof(eventName));
        }

        return new TrackItem(
            _messageIdGenerator().ToString("D"),
            _anonymousId,
            eventName,
            properties ?? new TelemetryProperties(),
            _context!,
            _timeProvider.GetUtcNow());
    }

    private void LogSafely<TState>(Action<ILogger, TState> log, TState state) =>
        TelemetryLog.Safely(_logger, log, state);
}
