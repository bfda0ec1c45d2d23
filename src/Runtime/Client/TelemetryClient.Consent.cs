using System;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

// Consent: the decision the constructor made, and the toggles that record the user's choice in the config file.
public sealed partial class TelemetryClient
{
    internal const string TelemetryDisabledEventName = "Telemetry Disabled";

    private volatile TelemetryConsentState _consentState;

    /// <summary>
    /// Whether the client sends events, and why. Decided once, in the constructor, and changed only by
    /// <see cref="Enable"/> and <see cref="DisableAsync"/>.
    /// </summary>
    /// <remarks>
    /// The reasons are checked in this order, and the first that applies wins: <c>DO_NOT_TRACK</c>,
    /// <c>&lt;PREFIX&gt;_TELEMETRY_ENABLED</c> (false, then true), <see cref="TelemetryOptions.Enabled"/>,
    /// <see cref="TelemetryOptions.DisableInContinuousIntegration"/>, then the user's decision in the config file
    /// when <see cref="TelemetryOptions.Consent"/> is set, and last whether a sink exists.
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
        ThrowIfNoConsent(nameof(Enable));

        // TODO: record the consent in the config file.
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
    /// sent after the opt-out. Events tracked before the call are sent with the final event.
    /// </para>
    /// <para>
    /// Does not throw for I/O failures. When the file cannot be written, a warning is logged and
    /// <see cref="ConsentState"/> is <see cref="TelemetryConsentState.ConfigUnavailable"/>; the client stays off
    /// for its lifetime in any case.
    /// </para>
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// <see cref="TelemetryOptions.Consent"/> is null, so there is no config file to record the opt-out in.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </exception>
    public Task<bool> DisableAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ThrowIfNoConsent(nameof(DisableAsync));
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeout),
                timeout,
                "The timeout must be zero or greater, or Timeout.InfiniteTimeSpan.");
        }

        // TODO: send the final event and record the opt-out.
        return Task.FromResult(false);
    }

    private void ThrowIfNoConsent(string memberName)
    {
        if (ConfigPath is null && !_hasConsentOptions)
        {
            throw new InvalidOperationException(
                $"TelemetryClient.{memberName} records the user's decision in the config file, which needs "
                + "TelemetryOptions.Consent. Set it, or switch the client with TelemetryOptions.Enabled instead.");
        }
    }
}
