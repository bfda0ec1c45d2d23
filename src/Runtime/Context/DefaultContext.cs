using System;

namespace Telemetry.Generators;

/// <summary>
/// Builds the default Segment <c>context</c> object that a client sends with every event.
/// </summary>
internal static class DefaultContext
{
    /// <summary>
    /// Creates the context object. Keys, in order:
    /// <list type="bullet">
    /// <item><c>library</c>, <c>app</c>, <c>os</c> and <c>runtime</c>: objects with <c>name</c> and <c>version</c>
    /// strings. <c>app.version</c> is omitted when <see cref="DefaultContextSettings.AppVersion"/> is null.</item>
    /// <item><c>cpu</c>: an object whose <c>count</c> is <see cref="Environment.ProcessorCount"/>, the number of
    /// processors available to the process.</item>
    /// <item><c>ci</c>: <see cref="DefaultContextSettings.IsContinuousIntegration"/>.</item>
    /// <item><c>locale</c> and <c>timezone</c>: strings such as <c>en-US</c> and <c>Europe/Amsterdam</c>, each
    /// omitted when the process has none.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// The call reads no files and starts no process. Call it once per process and reuse the result.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static TelemetryProperties Create(DefaultContextSettings settings)
    {
        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        var context = new TelemetryProperties(11);
        context.Add("library", NameAndVersion(LibraryInfo.Name, LibraryInfo.Version));
        context.Add("app", NameAndVersion(settings.AppName, settings.AppVersion));
        string osName = PlatformInfo.GetOperatingSystemName();
        context.Add("os", NameAndVersion(osName, PlatformInfo.GetOperatingSystemVersion()));

        (string runtimeName, string runtimeVersion) = PlatformInfo.GetRuntime();
        context.Add("runtime", NameAndVersion(runtimeName, runtimeVersion));

        var cpu = new TelemetryProperties(1);
        cpu.Add("count", TelemetryValue.From(Environment.ProcessorCount));
        context.Add("cpu", TelemetryValue.FromObject(cpu));

        context.Add("ci", TelemetryValue.From(settings.IsContinuousIntegration));
        AddIfNotNull(context, "locale", PlatformInfo.GetLocale());
        AddIfNotNull(context, "timezone", PlatformInfo.GetTimeZoneId());
        return context;
    }

    // The version is omitted when it is null.
    private static TelemetryValue NameAndVersion(string name, string? version)
    {
        var members = new TelemetryProperties(2);
        members.Add("name", TelemetryValue.From(name));
        if (version is not null)
        {
            members.Add("version", TelemetryValue.From(version));
        }

        return TelemetryValue.FromObject(members);
    }

    private static void AddIfNotNull(TelemetryProperties context, string key, string? value)
    {
        if (value is not null)
        {
            context.Add(key, TelemetryValue.From(value));
        }
    }
}
