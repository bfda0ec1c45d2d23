namespace Telemetry.Generators;

/// <summary>
/// What the config file records about the user's decision.
/// </summary>
internal enum StoredConsent
{
    /// <summary>The file is missing, corrupt, or records no decision.</summary>
    None,

    /// <summary>The file records <c>"enabled": true</c>.</summary>
    Granted,

    /// <summary>The file records <c>"enabled": false</c>.</summary>
    Denied,

    /// <summary>No path is known, or the file exists but cannot be read.</summary>
    Unavailable,
}

/// <summary>
/// Inputs of <see cref="ConsentDecision.Decide"/>, all gathered before the decision so that it does no I/O.
/// </summary>
internal readonly struct ConsentInputs
{
    internal bool DoNotTrack { get; init; }

    /// <summary>The value of <c>&lt;PREFIX&gt;_TELEMETRY_ENABLED</c>, or null when unset or invalid.</summary>
    internal bool? EnvironmentEnabled { get; init; }

    internal bool OptionsEnabled { get; init; }

    internal bool IsContinuousIntegration { get; init; }

    internal bool DisableInContinuousIntegration { get; init; }

    /// <summary>
    /// Whether a sink, a write key, a fallback sink or debug mode gives the client somewhere to send.
    /// </summary>
    internal bool HasSink { get; init; }

    /// <summary>Whether <see cref="TelemetryOptions.Consent"/> is set.</summary>
    internal bool HasConsentOptions { get; init; }

    internal ConsentMode Mode { get; init; }

    internal StoredConsent Stored { get; init; }

    /// <summary>Whether the first-run notice may be printed now.</summary>
    internal bool CanShowNotice { get; init; }
}

/// <summary>
/// The consent decision: whether a client sends, why, and whether it must first show the notice and record consent.
/// </summary>
internal readonly struct ConsentDecision
{
    private ConsentDecision(TelemetryConsentState state, bool requiresFirstRun)
    {
        State = state;
        RequiresFirstRun = requiresFirstRun;
    }

    internal TelemetryConsentState State { get; }

    /// <summary>
    /// Whether the client sends only after it has recorded consent in the config file and shown the notice. When
    /// recording fails, the state becomes <see cref="TelemetryConsentState.ConfigUnavailable"/>.
    /// </summary>
    internal bool RequiresFirstRun { get; }

    internal bool IsEnabled =>
        State is TelemetryConsentState.Enabled or TelemetryConsentState.EnabledByEnvironment;

    /// <summary>
    /// Decides by checking these rules in order. The first that applies wins.
    /// </summary>
    /// <remarks>
    /// <list type="number">
    /// <item><c>DO_NOT_TRACK</c> set: off.</item>
    /// <item><c>&lt;PREFIX&gt;_TELEMETRY_ENABLED</c> false: off.</item>
    /// <item><c>&lt;PREFIX&gt;_TELEMETRY_ENABLED</c> true: on without notice or config file, if there is a sink.</item>
    /// <item><see cref="TelemetryOptions.Enabled"/> false: off.</item>
    /// <item>CI detected and <see cref="TelemetryOptions.DisableInContinuousIntegration"/>: off.</item>
    /// <item>No sink: off, and the config file is not written.</item>
    /// <item>No <see cref="TelemetryOptions.Consent"/>: on.</item>
    /// <item>The config file is unavailable: off.</item>
    /// <item>The config file records a decision: that decision.</item>
    /// <item>Opt-in mode: off until the user enables telemetry.</item>
    /// <item>Opt-out mode: on after the notice is shown and consent recorded, or off for this run when the notice
    /// may not be shown.</item>
    /// </list>
    /// </remarks>
    internal static ConsentDecision Decide(in ConsentInputs inputs)
    {
        if (inputs.DoNotTrack)
        {
            return Final(TelemetryConsentState.DisabledByDoNotTrack);
        }

        if (inputs.EnvironmentEnabled == false)
        {
            return Final(TelemetryConsentState.DisabledByEnvironment);
        }

        if (inputs.EnvironmentEnabled == true)
        {
            return Final(inputs.HasSink ? TelemetryConsentState.EnabledByEnvironment : TelemetryConsentState.NoSink);
        }

        if (!inputs.OptionsEnabled)
        {
            return Final(TelemetryConsentState.DisabledByOptions);
        }

        if (inputs.IsContinuousIntegration && inputs.DisableInContinuousIntegration)
        {
            return Final(TelemetryConsentState.DisabledInContinuousIntegration);
        }

        if (!inputs.HasSink)
        {
            return Final(TelemetryConsentState.NoSink);
        }

        if (!inputs.HasConsentOptions)
        {
            return Final(TelemetryConsentState.Enabled);
        }

        switch (inputs.Stored)
        {
            case StoredConsent.Unavailable:
                return Final(TelemetryConsentState.ConfigUnavailable);
            case StoredConsent.Granted:
                return Final(TelemetryConsentState.Enabled);
            case StoredConsent.Denied:
                return Final(TelemetryConsentState.DisabledByUser);
        }

        if (inputs.Mode == ConsentMode.OptIn || !inputs.CanShowNotice)
        {
            return Final(TelemetryConsentState.NotYetGranted);
        }

        return new ConsentDecision(TelemetryConsentState.Enabled, requiresFirstRun: true);
    }

    private static ConsentDecision Final(TelemetryConsentState state) => new(state, requiresFirstRun: false);
}
