using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Telemetry.Generators;

/// <summary>
/// Finds the path of the per-user config file that records consent.
/// </summary>
internal static class ConfigFileLocation
{
    internal const string FileName = "telemetry.json";

    /// <summary>
    /// Returns the full config file path: <paramref name="configuredPath"/>, else
    /// <paramref name="environmentPath"/>, else the per-user default for the current operating system.
    /// </summary>
    /// <param name="configuredPath">The value of <see cref="ConsentOptions.ConfigPath"/>.</param>
    /// <param name="environmentPath">The value of <c>&lt;PREFIX&gt;_TELEMETRY_CONFIG</c>.</param>
    /// <param name="appName">The application name, which names the folder of the default path.</param>
    /// <param name="getVariable">Reads <c>XDG_CONFIG_HOME</c>, <c>HOME</c> and <c>APPDATA</c>.</param>
    /// <param name="problem">Why no path was found, when the method returns null.</param>
    /// <returns>The full path, or null when the default is needed and no base folder is known.</returns>
    internal static string? Resolve(
        string? configuredPath,
        string? environmentPath,
        string appName,
        Func<string, string?> getVariable,
        out string? problem)
    {
        problem = null;
        string? explicitPath = configuredPath ?? environmentPath;
        if (explicitPath is not null)
        {
            return GetFullPath(explicitPath, out problem);
        }

        string folderName = ToFolderName(appName);
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            string? appData = NonBlank(getVariable("APPDATA"))
                ?? NonBlank(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData));
            if (appData is null)
            {
                problem = "APPDATA is not set and the user has no application data folder";
                return null;
            }

            return GetFullPath(Path.Combine(appData, folderName, FileName), out problem);
        }

        // The XDG Base Directory Specification treats a relative XDG_CONFIG_HOME as invalid and requires ignoring it.
        string? configHome = NonBlank(getVariable("XDG_CONFIG_HOME"));
        if (configHome is not null && Path.IsPathRooted(configHome))
        {
            return GetFullPath(Path.Combine(configHome, folderName, FileName), out problem);
        }

        // HOME is the only source here: a container user without HOME has no profile worth writing to, even
        // when the password database names a home folder.
        string? home = NonBlank(getVariable("HOME"));
        if (home is null)
        {
            problem = "neither XDG_CONFIG_HOME nor HOME is set";
            return null;
        }

        return GetFullPath(Path.Combine(home, ".config", folderName, FileName), out problem);
    }

    /// <summary>
    /// Turns an application name into a single folder name by replacing path separators and characters that file
    /// names cannot contain with <c>_</c>. The names <c>.</c> and <c>..</c> become <c>_</c>.
    /// </summary>
    internal static string ToFolderName(string appName)
    {
        char[] invalid = Path.GetInvalidFileNameChars();
        char[] characters = appName.Trim().ToCharArray();
        for (int i = 0; i < characters.Length; i++)
        {
            char current = characters[i];
            if (current == '/' || current == '\\' || Array.IndexOf(invalid, current) >= 0)
            {
                characters[i] = '_';
            }
        }

        string name = new(characters);
        return name.Length == 0 || name == "." || name == ".." ? "_" : name;
    }

    private static string? GetFullPath(string path, out string? problem)
    {
        problem = null;
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException
            or PathTooLongException or System.Security.SecurityException)
        {
            problem = $"the path '{path}' is invalid ({exception.Message})";
            return null;
        }
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
