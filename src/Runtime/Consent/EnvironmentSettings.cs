using System;
using System.Collections.Generic;

namespace Telemetry.Generators;

/// <summary>
/// Telemetry settings read from environment variables once, when a client is created.
/// </summary>
internal sealed class EnvironmentSettings
{
    internal const string DoNotTrackVariable = "DO_NOT_TRACK";
    internal const string EnabledSuffix = "_TELEMETRY_ENABLED";
    internal const string DebugSuffix = "_TELEMETRY_DEBUG";
    internal const string ConfigSuffix = "_TELEMETRY_CONFIG";

    private EnvironmentSettings(string prefix)
    {
        EnabledVariable = prefix + EnabledSuffix;
        DebugVariable = prefix + DebugSuffix;
        ConfigVariable = prefix + ConfigSuffix;
    }

    internal string EnabledVariable { get; }

    internal string DebugVariable { get; }

    internal string ConfigVariable { get; }

    /// <summary>Whether <c>DO_NOT_TRACK</c> is <c>1</c> or <c>true</c>, in any case.</summary>
    internal bool DoNotTrack { get; private set; }

    /// <summary>The value of <c>&lt;PREFIX&gt;_TELEMETRY_ENABLED</c>, or null when it is unset or invalid.</summary>
    internal bool? Enabled { get; private set; }

    /// <summary>Whether <c>&lt;PREFIX&gt;_TELEMETRY_DEBUG</c> is true.</summary>
    internal bool Debug { get; private set; }

    /// <summary>
    /// The value of <c>&lt;PREFIX&gt;_TELEMETRY_CONFIG</c>, trimmed, or null when it is unset or blank.
    /// </summary>
    internal string? ConfigPath { get; private set; }

    /// <summary>Boolean variables whose value is not an accepted spelling, with that value, in reading order.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> InvalidValues { get; private set; } =
        Array.Empty<KeyValuePair<string, string>>();

    /// <summary>
    /// Reads the variables with the given prefix through <paramref name="getVariable"/>.
    /// </summary>
    /// <remarks>
    /// An empty or blank Boolean variable counts as unset, because Windows cannot store an empty variable and
    /// <c>export NAME=</c> usually means "no value". Any other value outside <see cref="BooleanText.AcceptedValues"/>
    /// is ignored and listed in <see cref="InvalidValues"/>. <c>DO_NOT_TRACK</c> only turns telemetry off, so its
    /// other values are ignored without being listed, as other tools that honour it do.
    /// </remarks>
    internal static EnvironmentSettings Read(string prefix, Func<string, string?> getVariable)
    {
        var settings = new EnvironmentSettings(prefix);
        var invalidValues = new List<KeyValuePair<string, string>>();

        string? doNotTrack = getVariable(DoNotTrackVariable)?.Trim();
        settings.DoNotTrack = doNotTrack == "1"
            || string.Equals(doNotTrack, "true", StringComparison.OrdinalIgnoreCase);

        settings.Enabled = ReadBoolean(settings.EnabledVariable, getVariable, invalidValues);
        settings.Debug = ReadBoolean(settings.DebugVariable, getVariable, invalidValues) == true;

        string? configPath = getVariable(settings.ConfigVariable)?.Trim();
        settings.ConfigPath = string.IsNullOrEmpty(configPath) ? null : configPath;

        settings.InvalidValues = invalidValues;
        return settings;
    }

    private static bool? ReadBoolean(
        string name,
        Func<string, string?> getVariable,
        List<KeyValuePair<string, string>> invalidValues)
    {
        string? text = getVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (BooleanText.TryParse(text, out bool value))
        {
            return value;
        }

        invalidValues.Add(new KeyValuePair<string, string>(name, text!));
        return null;
    }
}
