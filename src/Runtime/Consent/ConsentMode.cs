namespace Telemetry.Generators;

/// <summary>
/// How a <see cref="TelemetryClient"/> with <see cref="TelemetryOptions.Consent"/> treats a user who has not yet
/// decided whether telemetry is sent.
/// </summary>
public enum ConsentMode
{
    /// <summary>
    /// Telemetry is on after the first-run notice: the first run prints the notice, records consent in the config
    /// file and sends. The user can opt out at any time with <see cref="TelemetryClient.DisableAsync"/>.
    /// </summary>
    OptOut,

    /// <summary>
    /// Telemetry is off, and no notice is printed, until the user opts in with <see cref="TelemetryClient.Enable"/>.
    /// </summary>
    OptIn,
}
