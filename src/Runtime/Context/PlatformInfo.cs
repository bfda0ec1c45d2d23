using System;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Telemetry.Generators;

/// <summary>
/// Reads the operating system, .NET runtime, locale and time zone of the current process.
/// </summary>
internal static class PlatformInfo
{
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

    /// <summary>
    /// Returns the operating system version, for example <c>10.0.22631.0</c> on Windows 11 or the kernel version on
    /// Linux.
    /// </summary>
    internal static string GetOperatingSystemVersion() => Environment.OSVersion.Version.ToString();

    /// <summary>
    /// Returns the name and version of the .NET runtime, split from
    /// <see cref="RuntimeInformation.FrameworkDescription"/>: <c>.NET 8.0.11</c> gives <c>.NET</c> and
    /// <c>8.0.11</c>, and <c>.NET Framework 4.8.9032.0</c> gives <c>.NET Framework</c> and <c>4.8.9032.0</c>.
    /// </summary>
    /// <remarks>
    /// A description with no version number after the name gives <c>.NET</c> and <see cref="Environment.Version"/>.
    /// </remarks>
    internal static (string Name, string Version) GetRuntime() =>
        ParseFrameworkDescription(RuntimeInformation.FrameworkDescription)
        ?? (".NET", Environment.Version.ToString());

    /// <summary>
    /// Splits a framework description at the first word that starts with a digit. Returns null when there is no
    /// such word or no name before it.
    /// </summary>
    internal static (string Name, string Version)? ParseFrameworkDescription(string? description)
    {
        if (description is null)
        {
            return null;
        }

        for (int i = 1; i < description.Length; i++)
        {
            if (description[i - 1] != ' ' || !IsAsciiDigit(description[i]))
            {
                continue;
            }

            string name = description.Substring(0, i).Trim();
            int end = description.IndexOf(' ', i);
            string version = end < 0 ? description.Substring(i) : description.Substring(i, end - i);
            return name.Length == 0 ? null : (name, version);
        }

        return null;
    }

    /// <summary>
    /// Returns the name of the current UI culture, such as <c>en-US</c>, or null for the invariant culture.
    /// </summary>
    internal static string? GetLocale()
    {
        string name = CultureInfo.CurrentUICulture.Name;
        return name.Length == 0 ? null : name;
    }

    /// <summary>
    /// Returns the IANA id of the local time zone, such as <c>Europe/Amsterdam</c>, where the runtime can provide
    /// one, else the operating system's id. Returns null when the id is empty.
    /// </summary>
    /// <remarks>
    /// On Linux and macOS the local id is an IANA id. On Windows, .NET 6 and later convert the Windows id with the
    /// ICU time zone data. Without ICU (globalization-invariant mode) and on .NET Framework, the Windows id, such as
    /// <c>W. Europe Standard Time</c>, is returned unchanged.
    /// </remarks>
    internal static string? GetTimeZoneId()
    {
        TimeZoneInfo local = TimeZoneInfo.Local;
#if NET6_0_OR_GREATER
        if (!local.HasIanaId && TimeZoneInfo.TryConvertWindowsIdToIanaId(local.Id, out string? ianaId))
        {
            return ianaId;
        }
#endif
        return local.Id.Length == 0 ? null : local.Id;
    }

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';
}
