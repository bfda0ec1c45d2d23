using System;
using System.IO;
using System.Text.Json;

namespace TrainingCli.Tests.Infrastructure;

/// <summary>
/// A fresh home folder and a separate working directory for runs of the sample, both inside one temporary folder
/// that is deleted on dispose. Every run that uses the sandbox sees the same home, so it shares one telemetry
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

    /// <summary>Returns the bytes and last-write time of the config file, to compare before and after a run.</summary>
    public ConfigSnapshot SnapshotConfig() =>
        new(File.ReadAllBytes(ConfigPath), File.GetLastWriteTimeUtc(ConfigPath));

    public void Dispose() => root.Dispose();
}

/// <summary>The content and last-write time of a config file at one moment.</summary>
internal sealed record ConfigSnapshot(byte[] Content, DateTime LastWriteTimeUtc);
