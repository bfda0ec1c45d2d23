namespace Telemetry.Generators;

/// <summary>
/// Whether a <see cref="TelemetryClient"/> sends events, and the reason. Only <see cref="Enabled"/> and
/// <see cref="EnabledByEnvironment"/> mean that events are sent.
/// </summary>
/// <remarks>
/// The client checks the reasons in a fixed order and reports the first that applies, so a client that the user
/// disabled and that also runs under <c>DO_NOT_TRACK=1</c> reports <see cref="DisabledByDoNotTrack"/>.
/// </remarks>
public enum TelemetryConsentState
{
    /// <summary>
    /// Events are sent: the config file records the user's consent, or the client has no
    /// <see cref="TelemetryOptions.Consent"/> and the application decides through
    /// <see cref="TelemetryOptions.Enabled"/>.
    /// </summary>
    Enabled,

    /// <summary>
    /// Events are sent because <c>&lt;PREFIX&gt;_TELEMETRY_ENABLED</c> is true. No notice is printed and the config
    /// file is not written.
    /// </summary>
    EnabledByEnvironment,

    /// <summary>Nothing is sent because <c>DO_NOT_TRACK</c> is <c>1</c> or <c>true</c>.</summary>
    DisabledByDoNotTrack,

    /// <summary>Nothing is sent because <c>&lt;PREFIX&gt;_TELEMETRY_ENABLED</c> is false.</summary>
    DisabledByEnvironment,

    /// <summary>Nothing is sent because <see cref="TelemetryOptions.Enabled"/> is <see langword="false"/>.</summary>
    DisabledByOptions,

    /// <summary>
    /// Nothing is sent because a continuous integration server was detected and
    /// <see cref="TelemetryOptions.DisableInContinuousIntegration"/> is <see langword="true"/>.
    /// </summary>
    DisabledInContinuousIntegration,

    /// <summary>Nothing is sent because the user opted out and the config file records it.</summary>
    DisabledByUser,

    /// <summary>
    /// Nothing is sent because the user has not consented yet: in <see cref="ConsentMode.OptIn"/> mode before
    /// <see cref="TelemetryClient.Enable"/>, or in <see cref="ConsentMode.OptOut"/> mode when the first-run notice
    /// could not be shown.
    /// </summary>
    NotYetGranted,

    /// <summary>
    /// Nothing is sent because the config file could not be found, read or written, for example because the home
    /// folder is missing or read-only. A warning was logged. The next run tries again.
    /// </summary>
    ConfigUnavailable,

    /// <summary>
    /// Nothing is sent because the client has no sink: no <see cref="TelemetryOptions.Sink"/>, no write key and no
    /// <see cref="TelemetryOptions.FallbackSink"/>.
    /// </summary>
    NoSink,
}
