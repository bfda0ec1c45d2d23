namespace Telemetry.Generators;

/// <summary>
/// Source of the write key that a <see cref="TelemetryClient"/> uses, for diagnostics.
/// </summary>
public enum TelemetryWriteKeySource
{
    /// <summary>
    /// No write key is used: the client is disabled, no key was found, or <see cref="TelemetryOptions.Sink"/> is set.
    /// </summary>
    None,

    /// <summary>The key came from <see cref="TelemetryOptions.WriteKey"/>.</summary>
    Options,

    /// <summary>
    /// The key came from the environment variable <c>&lt;EnvironmentPrefix&gt;_TELEMETRY_WRITE_KEY</c>.
    /// </summary>
    EnvironmentVariable,

    /// <summary>
    /// The key came from the entry assembly's <c>AssemblyMetadata("Telemetry.Generators.WriteKey", ...)</c>
    /// attribute, which the MSBuild property <c>TelemetryWriteKey</c> adds.
    /// </summary>
    AssemblyMetadata,
}
