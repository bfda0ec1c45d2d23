using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

// Consent: the decision the constructor made, and the toggles that record the user's choice in the config file.
public sealed partial class TelemetryClient
{
    internal const string TelemetryDisabledEventName = "Telemetry Disabled";

    // Maximum wait for the spool lock file when an opt-out deletes the spool.
    private static readonly TimeSpan SpoolClearWait = TimeSpan.FromMilliseconds(250);

    private volatile TelemetryConsentState _consentState;

    /// <summary>
    /// Whether the client sends events, and why. Decided once, in the constructor, and changed only by
    /// <see cref="Enable"/> and <see cref="DisableAsync"/>.
    /// </summary>
    /// <remarks>
    /// The reasons are checked in this order, and the first that applies wins: <c>DO_NOT_TRACK</c>,
    /// <c>&lt;PREFIX&gt;_TELEMETRY_ENABLED</c> (false, then true), <see cref="TelemetryOptions.Enabled"/>,
    /// <see cref="TelemetryOptions.DisableInContinuousIntegration"/>, whether a sink exists, and last, when
    /// <see cref="TelemetryOptions.Consent"/> is set, whether the config file can be used and what it records.
    /// </remarks>
    public TelemetryConsentState ConsentState => _consentState;

    /// <summary>
    /// Full path of the config file that records consent, or null when <see cref="TelemetryOptions.Consent"/> is
    /// null or no path could be found, for example because <c>HOME</c> is not set.
    /// </summary>
    public string? ConfigPath { get; }

    /// <summary>
    /// Whether the process runs on a continuous integration server, detected from environment variables when the
    /// client was created.
    /// </summary>
    public bool IsContinuousIntegration { get; }

    /// <summary>
    /// Records the user's consent, with the current date, in the config file, and turns the client on unless
    /// something other than the user's decision keeps it off.
    /// </summary>
    /// <remarks>
    /// <para>
    /// An environment variable, <see cref="TelemetryOptions.Enabled"/> or a missing sink still keeps the client
    /// off, and <see cref="ConsentState"/> names that reason. The telemetry id and the secret in the file are kept,
    /// or created when the file has none. Other keys in the file are kept.
    /// </para>
    /// <para>
    /// Does not throw for I/O failures. When the file cannot be written, a warning is logged, the client stays off
    /// and <see cref="ConsentState"/> is <see cref="TelemetryConsentState.ConfigUnavailable"/>. Blocks while the file
    /// is written, usually for a few milliseconds.
    /// </para>
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// <see cref="TelemetryOptions.Consent"/> is null, so there is no config file to record consent in.
    /// </exception>
    public void Enable()
    {
        ConsentSession consent = GetConsentSession(nameof(Enable));
        bool recorded = consent.RecordDecision(enabled: true);
        StoredConsent stored = recorded ? StoredConsent.Granted : StoredConsent.Unavailable;

        TelemetryConsentState? turnedOn = null;
        lock (_stateLock)
        {
            ConsentDecision decision = _resolved.Redecide(stored);
            _consentState = decision.State;
            _anonymousId = _resolved.AnonymousId;
            if (!decision.IsEnabled)
            {
                _isEnabled = false;
            }
            else if (!_isEnabled && Volatile.Read(ref _disposeStarted) == 0)
            {
                TurnOn();
                turnedOn = decision.State;
            }
        }

        // The logger runs outside the lock, so a slow logger does not hold up track calls.
        if (turnedOn is TelemetryConsentState state)
        {
            LogConsentState(state);
        }
    }

    /// <summary>
    /// Sends a final <c>Telemetry Disabled</c> event when the client is enabled, waits up to
    /// <paramref name="timeout"/> for it to be delivered, and then records the opt-out in the config file.
    /// </summary>
    /// <param name="timeout">The maximum wait for the delivery, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">Stops the wait for the delivery. The opt-out is recorded all the same.</param>
    /// <returns>
    /// <see langword="true"/> when the <c>Telemetry Disabled</c> event reached the sink. <see langword="false"/> when
    /// the client was not enabled, the sink failed, or the wait ended first.
    /// </returns>
    /// <remarks>
    /// <para>
    /// The client is off from the moment the call starts: later track calls record nothing, and events still
    /// waiting after the delivery attempt are dropped and counted in <see cref="DroppedCount"/>, so nothing is
    /// sent after the opt-out is recorded. Events tracked before the call are sent with the final event. The
    /// events that earlier runs left in the spool are deleted.
    /// </para>
    /// <para>
    /// Does not throw for I/O failures. When the file cannot be written, a warning is logged and
    /// <see cref="ConsentState"/> is <see cref="TelemetryConsentState.ConfigUnavailable"/>. The client stays off
    /// until <see cref="Enable"/> is called, in every case. The file is written on the calling thread after the
    /// wait, which blocks for a few milliseconds.
    /// </para>
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// <see cref="TelemetryOptions.Consent"/> is null, so there is no config file to record the opt-out in.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </exception>
    public async Task<bool> DisableAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ConsentSession consent = GetConsentSession(nameof(DisableAsync));
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeout),
                timeout,
                "The timeout must be zero or greater, or Timeout.InfiniteTimeSpan.");
        }

        bool wasEnabled;
        lock (_stateLock)
        {
            wasEnabled = _isEnabled;
            _isEnabled = false;
        }

        // The final event announces an opt-out, so it is sent only when the opt-out can then be recorded. Otherwise
        // analytics would see an opt-out from a user whose next run sends again.
        if (!consent.CanRecord())
        {
            DropPending();
            lock (_stateLock)
            {
                _consentState = _resolved.Redecide(StoredConsent.Unavailable).State;
            }

            return false;
        }

        bool delivered = false;
        if (wasEnabled)
        {
            delivered = await SendFinalEventAsync(timeout, cancellationToken).ConfigureAwait(false);
        }

        DropPending();

        bool recorded = consent.RecordDecision(enabled: false);
        StoredConsent stored = recorded ? StoredConsent.Denied : StoredConsent.Unavailable;
        lock (_stateLock)
        {
            // An Enable call during the wait above may have turned track calls on again. The opt-out recorded now
            // is the user's last decision, so the client follows it.
            ConsentDecision decision = _resolved.Redecide(stored);
            _consentState = decision.State;
            if (!decision.IsEnabled)
            {
                _isEnabled = false;
            }
        }

        return delivered;
    }

    // Creates the sink and the context if needed and turns track calls on. Called by the constructor, and by Enable
    // under _stateLock.
    private void TurnOn()
    {
        if (_sink is null)
        {
            (ITelemetrySink? sink, bool ownsSink) = _resolved.CreateSink();
            _ownsSink = ownsSink;
            Volatile.Write(ref _sink, sink);
        }

        if (_sink is not null && _pipeline is null)
        {
            IBatchTransport transport = _sink is SegmentHttpSink httpSink
                ? new SegmentTransport(httpSink)
                : new SinkTransport(_sink);
            var pipeline = new DeliveryPipeline(
                _settings,
                transport,
                _resolved.CreateSpool(transport),
                _counters,
                _logger,
                _timeProvider);
            Volatile.Write(ref _pipeline, pipeline);
        }

        _context ??= CreateContext();
        _isEnabled = _sink is not null;
    }

    private TelemetryProperties CreateContext()
    {
        try
        {
            return DefaultContext.Create(_resolved.CreateContextSettings());
        }
        catch (Exception exception)
        {
            LogSafely(static (logger, error) => TelemetryLog.ContextFailed(logger, error), exception);
            return TelemetryContext.Create(_resolved.AppName, _resolved.AppVersion);
        }
    }

    // Adds the final event behind everything still waiting and waits for them. Returns whether the final event
    // was delivered.
    private async Task<bool> SendFinalEventAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        QueuedEvent finalEvent;
        try
        {
            finalEvent = QueuedEvent.Create(CreateItem(TelemetryDisabledEventName, new TelemetryProperties()));
        }
        catch (Exception exception)
        {
            _counters.AddDropped(TelemetryDropReason.InvalidEvent, 1);
            LogSafely(
                static (logger, error) => TelemetryLog.TrackFailed(logger, TelemetryDisabledEventName, error),
                exception);
            return false;
        }

        var delivery = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        finalEvent.DeliveryObserver = delivery;
        if (!Enqueue(finalEvent, requireEnabled: false))
        {
            return false;
        }

        using CancellationTokenSource timeoutSource = CreateTimeoutSource(timeout);
        using CancellationTokenSource linkedSource =
            CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        try
        {
            await FlushAsync(linkedSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linkedSource.IsCancellationRequested)
        {
            return false;
        }

        return delivery.Task.IsCompleted && await delivery.Task.ConfigureAwait(false);
    }

    private CancellationTokenSource CreateTimeoutSource(TimeSpan timeout)
    {
        // Some timers reject delays above int.MaxValue milliseconds (about 24.8 days), which mean no limit here.
        if (timeout == Timeout.InfiniteTimeSpan || timeout.TotalMilliseconds > int.MaxValue)
        {
            return new CancellationTokenSource();
        }

#if NET8_0_OR_GREATER
        return new CancellationTokenSource(timeout, _timeProvider);
#else
        return _timeProvider.CreateCancellationTokenSource(timeout);
#endif
    }

    // Drops the events that are still waiting and deletes the spool, so that nothing is sent after the opt-out.
    private void DropPending()
    {
        DeliveryPipeline? pipeline = Volatile.Read(ref _pipeline);
        pipeline?.DropForOptOut();

        // A running sender with a spool deletes it itself. One without, such as a debug sink's, or one that has
        // stopped because the client was disposed, leaves it to this method.
        if (pipeline?.SpoolPath is not null && !pipeline.IsStopped)
        {
            return;
        }

        try
        {
            DeliverySpool? spool = _resolved.CreateSpool();
            if (spool is null || !Directory.Exists(spool.DirectoryPath))
            {
                return;
            }

            using SpoolLease? lease = spool.TryAcquire(SpoolClearWait, out _, out _);
            lease?.Clear();
        }
        catch (Exception exception)
        {
            // The spool's methods report I/O failures without throwing, so this is a bug worth a log entry.
            LogSafely(static (logger, error) => TelemetryLog.SenderFailed(logger, 0, error), exception);
        }
    }

    private void LogConsentState(TelemetryConsentState state)
    {
        switch (state)
        {
            case TelemetryConsentState.Enabled or TelemetryConsentState.EnabledByEnvironment:
                LogSafely(
                    static (logger, client) =>
                        TelemetryLog.ClientEnabled(logger, client._sink!, client.WriteKeySource),
                    this);
                if (_resolved.Environment.Debug)
                {
                    LogSafely(
                        static (logger, variable) => TelemetryLog.DebugModeEnabled(logger, variable),
                        _resolved.Environment.DebugVariable);
                }

                break;

            case TelemetryConsentState.DisabledByOptions:
                LogSafely(static (logger, _) => TelemetryLog.ClientDisabledByOptions(logger), this);
                break;

            case TelemetryConsentState.NoSink:
                LogSafely(
                    static (logger, variable) => TelemetryLog.WriteKeyMissing(logger, variable),
                    WriteKeyEnvironmentVariable);
                break;

            default:
                LogSafely(static (logger, consentState) => TelemetryLog.ClientDisabled(logger, consentState), state);
                break;
        }
    }

    private ConsentSession GetConsentSession(string memberName) =>
        _resolved.Consent ?? throw new InvalidOperationException(
            $"TelemetryClient.{memberName} records the user's decision in the config file, which needs "
            + "TelemetryOptions.Consent. Set it, or switch the client with TelemetryOptions.Enabled instead.");
}
