using System;
using System.IO;
using System.Security.Cryptography;

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
    /// <item><c>container</c>: whether the process runs in a container, from <see cref="ContainerDetection"/>.</item>
    /// <item><c>locale</c> and <c>timezone</c>: strings such as <c>en-US</c> and <c>Europe/Amsterdam</c>, each
    /// omitted when the process has none.</item>
    /// <item><c>directory</c>: the keyed hash of the working directory's full path, and <c>project</c>: the keyed
    /// hash of the URL of the git remote <c>origin</c>. Each is sent only when its option is on and
    /// <see cref="DefaultContextSettings.HashSecret"/> is not empty, and is omitted when its input cannot be
    /// read. See <see cref="KeyedHash"/>.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// The call starts no process and touches no network. It reads at most four small files:
    /// <c>/proc/self/cgroup</c> and, for <c>project</c>, a <c>.git</c> file, a <c>commondir</c> file and the git
    /// configuration file. It also checks whether the two container marker files exist and looks for a <c>.git</c>
    /// entry in up to 33 directories. A file that cannot be read leaves out the field that needs it, and no file
    /// error reaches the caller. Call it once per process and reuse the result, because a network drive can make
    /// these checks slow.
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
        context.Add("container", TelemetryValue.From(ContainerDetection.IsDetected()));
        AddIfNotNull(context, "locale", PlatformInfo.GetLocale());
        AddIfNotNull(context, "timezone", PlatformInfo.GetTimeZoneId());
        AddLocationHashes(context, settings);
        return context;
    }

    private static void AddLocationHashes(TelemetryProperties context, DefaultContextSettings settings)
    {
        byte[]? secret = settings.HashSecret;
        if (secret is null || secret.Length == 0 || !(settings.HashWorkingDirectory || settings.HashGitRemote))
        {
            return;
        }

        string? directory = GetFullPath(settings.WorkingDirectory);
        if (directory is null)
        {
            return;
        }

        if (settings.HashWorkingDirectory)
        {
            AddIfNotNull(context, "directory", TryHash(secret, directory));
        }

        if (settings.HashGitRemote)
        {
            string? originUrl = GitRemote.FindOriginUrl(directory);
            AddIfNotNull(context, "project", originUrl is null ? null : TryHash(secret, originUrl));
        }
    }

    /// <summary>
    /// Returns the full path of <paramref name="directory"/> without a trailing separator, so that <c>/work/app</c>
    /// and <c>/work/app/</c> hash alike, or null when the path is empty or invalid.
    /// </summary>
    internal static string? GetFullPath(string? directory)
    {
        if (string.IsNullOrEmpty(directory))
        {
            return null;
        }

        try
        {
            string fullPath = Path.GetFullPath(directory);
            string root = Path.GetPathRoot(fullPath) ?? string.Empty;
            return fullPath.Length > root.Length
                ? fullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
                : fullPath;
        }
        catch (Exception exception) when (SmallFile.IsFileError(exception))
        {
            return null;
        }
    }

    private static string? TryHash(byte[] secret, string text)
    {
        try
        {
            return KeyedHash.Compute(secret, text);
        }
        catch (Exception exception) when (exception is CryptographicException or PlatformNotSupportedException)
        {
            return null;
        }
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
