using System;

namespace Telemetry.Generators;

/// <summary>
/// Outcome of reading the config file: valid, missing, corrupt or unreadable.
/// </summary>
internal sealed class ConfigReadResult
{
    internal static readonly ConfigReadResult Missing = new(config: null, exception: null, isCorrupt: false);

    private ConfigReadResult(TelemetryConfig? config, Exception? exception, bool isCorrupt)
    {
        Config = config;
        Exception = exception;
        IsCorrupt = isCorrupt;
    }

    /// <summary>The parsed file, or null when it is missing, corrupt or unreadable.</summary>
    internal TelemetryConfig? Config { get; }

    /// <summary>Why the file is corrupt or unreadable, or null.</summary>
    internal Exception? Exception { get; }

    /// <summary>Whether the file exists but does not hold a valid config.</summary>
    internal bool IsCorrupt { get; }

    /// <summary>Whether the file exists but could not be read, for example for lack of permission.</summary>
    internal bool IsUnreadable => Exception is not null && !IsCorrupt;

    internal static ConfigReadResult Valid(TelemetryConfig config) => new(config, exception: null, isCorrupt: false);

    internal static ConfigReadResult Corrupt(Exception exception) => new(config: null, exception, isCorrupt: true);

    internal static ConfigReadResult Unreadable(Exception exception) => new(config: null, exception, isCorrupt: false);
}

/// <summary>
/// Outcome of <see cref="TelemetryConfigStore.Update"/>: the config the file contains afterwards, and where a corrupt
/// file was moved to.
/// </summary>
internal sealed class ConfigUpdateResult
{
    internal ConfigUpdateResult(TelemetryConfig config, string? quarantinedPath, string? quarantineReason)
    {
        Config = config;
        QuarantinedPath = quarantinedPath;
        QuarantineReason = quarantineReason;
    }

    internal TelemetryConfig Config { get; }

    /// <summary>Where the corrupt file was moved, or null when the file was valid or missing.</summary>
    internal string? QuarantinedPath { get; }

    /// <summary>Why the moved file was invalid, or null.</summary>
    internal string? QuarantineReason { get; }
}
