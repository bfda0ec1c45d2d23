using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators;

/// <summary>
/// Records product-analytics events and delivers them in the background, in batches, to Segment or another sink.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Track"/> does no I/O and never waits for the sender. It serializes the event once, adds it to a
/// bounded queue and returns, and it logs and counts its own failures instead of throwing them. A background sender
/// sends batches when enough events are waiting, when <see cref="TelemetryOptions.FlushInterval"/> passes, and on
/// <see cref="FlushAsync"/>. It retries failures that a retry can fix, and spools what it cannot deliver to disk for
/// the next run. <see cref="Dispose"/> and <see cref="DisposeAsync"/> stop it within
/// <see cref="TelemetryOptions.ShutdownTimeout"/>. All members are thread-safe.
/// </para>
/// <para>
/// A client that is off, because of an environment variable, an option, the user's decision or a missing sink, is
/// disabled: <see cref="IsEnabled"/> is <see langword="false"/>, track calls return at once and nothing touches the
/// network. <see cref="ConsentState"/> names the reason. See <see cref="TelemetryOptions.WriteKey"/> for how the sink
/// is chosen.
/// </para>
/// </remarks>
public sealed partial class TelemetryClient : IDisposable, IAsyncDisposable
{
    private readonly ResolvedTelemetryOptions _resolved;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Func<Guid> _messageIdGenerator;
    private readonly DeliverySettings _settings;
    private readonly DeliveryCounters _counters = new();

    // Set before _isEnabled first becomes true, by the constructor or by Enable under _stateLock, and never
    // changed after that. The volatile write of _isEnabled publishes them to track calls.
    private ITelemetrySink? _sink;
    private bool _ownsSink;
    private DeliveryPipeline? _pipeline;
    private TelemetryProperties? _context;
    private volatile string _anonymousId;

    // Guards _isEnabled changes, the sink, pipeline and context changes, and the queue's intake, so that no event is
    // accepted after an opt-out has emptied the queue.
    private readonly object _stateLock = new();
    private int _queueFullLogged;

    // Event names whose capture failure, invalid item or size has been logged, locked on themselves. Generated
    // code passes constant names, so each set grows to at most the number of event methods.
    private readonly HashSet<string> _captureFailuresLogged = new(StringComparer.Ordinal);
    private readonly HashSet<string> _invalidLogged = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tooLargeLogged = new(StringComparer.Ordinal);

    private volatile bool _isEnabled;
    private int _disposeStarted;

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
        _settings = _resolved.CreateDeliverySettings();
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
    public long AcceptedCount => _counters.Accepted;

    /// <summary>
    /// Number of events in batches that the sink accepted.
    /// </summary>
    public long SentCount => _counters.Sent;

    /// <summary>
    /// Number of events lost for any of the reasons of <see cref="TelemetryDropReason"/>.
    /// <see cref="GetStatistics"/> breaks the number down by reason.
    /// </summary>
    public long DroppedCount => _counters.DroppedTotal;

    /// <summary>
    /// Number of events waiting in the queue, in the batch being sent, or read back from the spool and not yet sent.
    /// </summary>
    public int PendingCount => Volatile.Read(ref _pipeline)?.PendingCount ?? 0;

    /// <summary>
    /// Returns a snapshot of the delivery counters, with the time of the last successful send and the reason of the
    /// last failure.
    /// </summary>
    public TelemetryStatistics GetStatistics() => _counters.CreateSnapshot(PendingCount);

    /// <summary>
    /// Records an event for the background sender. Does no I/O, never waits for the sender, and logs and counts
    /// failures instead of throwing.
    /// </summary>
    /// <param name="eventName">The event name, for example <c>"Training Started"</c>.</param>
    /// <param name="properties">The event properties, or null for none. They are serialized during the call.</param>
    /// <remarks>
    /// When the client is disabled or disposed, the call returns at once. An event that cannot be recorded is
    /// dropped, counted in <see cref="DroppedCount"/> and logged once per event name and reason: its name is null or
    /// empty, the message id generator, the clock or the JSON writer throws
    /// (<see cref="TelemetryDropReason.InvalidEvent"/>), its JSON is over 32,000 bytes
    /// (<see cref="TelemetryDropReason.TooLarge"/>), or the queue is full
    /// (<see cref="TelemetryDropReason.QueueFull"/>).
    /// </remarks>
    public void Track(string eventName, TelemetryProperties? properties)
    {
        if (!_isEnabled)
        {
            return;
        }

        QueuedEvent queuedEvent;
        try
        {
            queuedEvent = QueuedEvent.Create(CreateItem(eventName, properties));
        }
        catch (Exception exception)
        {
            _counters.AddDropped(TelemetryDropReason.InvalidEvent, 1);
            if (IsFirstFor(_invalidLogged, eventName))
            {
                LogSafely(
                    static (logger, state) => TelemetryLog.TrackFailed(logger, state.EventName, state.Exception),
                    (EventName: eventName, Exception: exception));
            }

            return;
        }

        Enqueue(queuedEvent, requireEnabled: true);
    }

    // Adds the event to the queue and counts it. Returns whether it was accepted.
    private bool Enqueue(QueuedEvent queuedEvent, bool requireEnabled)
    {
        if (queuedEvent.Size > QueuedEvent.MaxItemBytes)
        {
            _counters.AddDropped(TelemetryDropReason.TooLarge, 1);
            if (IsFirstFor(_tooLargeLogged, queuedEvent.EventName))
            {
                LogSafely(
                    static (logger, state) =>
                        TelemetryLog.EventTooLarge(logger, state.EventName, state.Size, QueuedEvent.MaxItemBytes),
                    (queuedEvent.EventName, queuedEvent.Size));
            }

            return false;
        }

        bool accepted;
        lock (_stateLock)
        {
            DeliveryPipeline? pipeline = _pipeline;
            if ((requireEnabled && !_isEnabled) || pipeline is null)
            {
                return false;
            }

            accepted = pipeline.TryEnqueue(queuedEvent);
        }

        if (accepted)
        {
            _counters.AddAccepted();
            if (Volatile.Read(ref _queueFullLogged) != 0)
            {
                Volatile.Write(ref _queueFullLogged, 0);
            }

            return true;
        }

        _counters.AddDropped(TelemetryDropReason.QueueFull, 1);
        if (Interlocked.Exchange(ref _queueFullLogged, 1) == 0)
        {
            LogSafely(
                static (logger, state) => TelemetryLog.QueueLimitReached(
                    logger,
                    state.EventName,
                    state.Settings.MaxQueueLength,
                    state.Settings.MaxQueueBytes),
                (queuedEvent.EventName, Settings: _settings));
        }

        return false;
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
        _counters.AddDropped(TelemetryDropReason.CaptureFailed, 1);

        if (IsFirstFor(_captureFailuresLogged, eventName))
        {
            LogSafely(
                static (logger, state) => TelemetryLog.CaptureFailed(logger, state.EventName, state.ExceptionType),
                (EventName: eventName, ExceptionType: exception?.GetType().FullName));
        }
    }

    // Returns true the first time it is called with eventName for this set, so each event name is logged once.
    private static bool IsFirstFor(HashSet<string> loggedNames, string? eventName)
    {
        lock (loggedNames)
        {
            return loggedNames.Add(eventName ?? string.Empty);
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
