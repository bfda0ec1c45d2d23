using System;
using System.Runtime.InteropServices;

namespace Telemetry.Generators;

/// <summary>
/// Builds the <c>context</c> object that a client sends with every event.
/// </summary>
internal static class TelemetryContext
{
    /// <summary>
    /// Creates <c>{"library":{...},"app":{...},"os":{...}}</c>. The app version is omitted when it is null.
    /// </summary>
    internal static TelemetryProperties Create(string appName, string? appVersion)
    {
        var library = new TelemetryProperties(2);
        library.Add("name", TelemetryValue.From(LibraryInfo.Name));
        library.Add("version", TelemetryValue.From(LibraryInfo.Version));

        var app = new TelemetryProperties(2);
        app.Add("name", TelemetryValue.From(appName));
        if (appVersion is not null)
        {
            app.Add("version", TelemetryValue.From(appVersion));
        }

        var os = new TelemetryProperties(2);
        os.Add("name", TelemetryValue.From(GetOperatingSystemName()));
        os.Add("version", TelemetryValue.From(Environment.OSVersion.Version.ToString()));

        var context = new TelemetryProperties(3);
        context.Add("library", TelemetryValue.FromObject(library));
        context.Add("app", TelemetryValue.FromObject(app));
        context.Add("os", TelemetryValue.FromObject(os));
        return context;
    }

    /// <summary>
    /// Returns <c>Windows</c>, <c>Linux</c>, <c>macOS</c> or <c>FreeBSD</c>, else the runtime's description of the
    /// operating system.
    /// </summary>
    internal static string GetOperatingSystemName()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return "Windows";
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return "Linux";
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            return "macOS";
        }

        // OSPlatform.FreeBSD is missing from .NET Standard 2.0, so the platform is created by name.
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Create("FREEBSD")))
        {
            return "FreeBSD";
        }

        return RuntimeInformation.OSDescription;
    }
}
