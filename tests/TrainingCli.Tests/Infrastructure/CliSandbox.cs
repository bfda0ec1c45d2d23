using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace TrainingCli.Tests.Infrastructure;

/// <summary>
/// A fresh home folder and a separate working directory for runs of the sample, both inside one temporary folder
/// that is deleted on dispose. Every run that uses the sandbox has the same home, so the runs share one telemetry
/// config file, and nothing the sample writes reaches the real user's profile.
/// </summary>
internal sealed class CliSandbox : IDisposable
{
    private readonly TemporaryDirectory root = new();

    public CliSandbox()
    {
        HomeDirectory = Path.Combine(root.Path, "home");
        WorkingDirectory = Path.Combine(root.Path, "work");
        Directory.CreateDirectory(HomeDirectory);
        Directory.CreateDirectory(WorkingDirectory);
    }

    /// <summary>Folder that <c>HOME</c> and <c>USERPROFILE</c> point at.</summary>
    public string HomeDirectory { get; }

    /// <summary>Folder the sample runs in, where commands such as <c>init</c> write their files.</summary>
    public string WorkingDirectory { get; }

    /// <summary><c>XDG_CONFIG_HOME</c>, the base of the config file's folder on Linux and macOS.</summary>
    public string XdgConfigHome => Path.Combine(HomeDirectory, ".config");

    /// <summary><c>APPDATA</c>, the base of the config file's folder on Windows.</summary>
    public string AppData => Path.Combine(HomeDirectory, "AppData", "Roaming");

    /// <summary>Where the sample's runtime keeps the telemetry config file for this home on this OS.</summary>
    public string ConfigPath => Path.Combine(
        OperatingSystem.IsWindows() ? AppData : XdgConfigHome,
        "TrainingCli",
        "telemetry.json");

    /// <summary>Whether the config file exists.</summary>
    public bool ConfigExists => File.Exists(ConfigPath);

    /// <summary>Parses the config file.</summary>
    /// <exception cref="JsonException">The file is not valid JSON.</exception>
    public JsonElement ReadConfig()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(ConfigPath));
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Returns the names of the entries in the config file's folder other than the config file and its lock file,
    /// such as temporary files that a write left behind.
    /// </summary>
    public IReadOnlyList<string> ConfigFolderLeftovers()
    {
        var expected = new[] { ConfigPath, ConfigPath + ".lock" };
        return Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(ConfigPath)!)
            .Where(entry => !expected.Contains(entry))
            .Select(entry => Path.GetFileName(entry))
            .ToList();
    }

    /// <summary>
    /// Folder where the runtime spools the events it could not deliver: <c>telemetry-spool</c> next to the config
    /// file, the runtime's default when the options set no spool folder.
    /// </summary>
    public string SpoolDirectory => Path.Combine(Path.GetDirectoryName(ConfigPath)!, "telemetry-spool");

    /// <summary>
    /// Returns the full paths of the spool files, <c>events-*.json</c>, sorted by name, or an empty list when the
    /// spool folder does not exist. The lock file and the quarantine folder are not listed.
    /// </summary>
    public IReadOnlyList<string> SpoolFiles()
    {
        if (!Directory.Exists(SpoolDirectory))
        {
            return [];
        }

        return Directory.EnumerateFiles(SpoolDirectory, "events-*.json")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Parses a spool file, <c>{"version":1,"events":[item,...]}</c>, and returns its items, each a Segment track
    /// item as the runtime would send it.
    /// </summary>
    /// <exception cref="JsonException">The file is not valid JSON.</exception>
    /// <exception cref="InvalidDataException">The file has a version other than 1.</exception>
    public static IReadOnlyList<JsonElement> ReadSpooledItems(string spoolFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(spoolFile));
        var version = document.RootElement.GetProperty("version").GetInt32();
        if (version != 1)
        {
            throw new InvalidDataException($"Spool file {spoolFile} has version {version}, expected version 1.");
        }

        return document.RootElement.GetProperty("events")
            .EnumerateArray()
            .Select(item => item.Clone())
            .ToList();
    }

    /// <summary>Returns the bytes and last-write time of the config file, to compare before and after a run.</summary>
    public ConfigSnapshot SnapshotConfig() =>
        new(File.ReadAllBytes(ConfigPath), File.GetLastWriteTimeUtc(ConfigPath));

    /// <summary>
    /// Creates an empty regular file in the sandbox and returns variables that point the home and config folders
    /// under it, where no folder can be created, as with a read-only or missing home.
    /// </summary>
    /// <remarks>
    /// Permissions cannot show this case, because the tests may run as root, which writes to read-only folders.
    /// </remarks>
    public Dictionary<string, string?> HomeUnderRegularFile()
    {
        Directory.CreateDirectory(Path.Combine(root.Path, "blocked"));
        var file = Path.Combine(root.Path, "blocked", "home");
        File.WriteAllText(file, "");
        return new Dictionary<string, string?>
        {
            ["HOME"] = file,
            ["USERPROFILE"] = file,
            ["XDG_CONFIG_HOME"] = Path.Combine(file, ".config"),
            ["APPDATA"] = Path.Combine(file, "AppData", "Roaming"),
        };
    }

    public void Dispose() => root.Dispose();
}

/// <summary>The content and last-write time of a config file at one moment.</summary>
internal sealed record ConfigSnapshot(byte[] Content, DateTime LastWriteTimeUtc);
