using System;
using System.Collections.Generic;
using System.IO;
using Telemetry.Generators.Runtime.Tests.Support;

namespace Telemetry.Generators.Runtime.Tests.Consent;

/// <summary>
/// A fresh temporary home folder and a clean telemetry environment for one test: <c>HOME</c>, <c>APPDATA</c> and
/// <c>XDG_CONFIG_HOME</c> point into the folder, and <c>DO_NOT_TRACK</c>, the <c>CONSENT_TESTS_TELEMETRY_*</c>
/// variables and every variable that marks a CI build are unset. Dispose restores the variables and deletes the
/// folder.
/// </summary>
internal sealed class ConsentSandbox : IDisposable
{
    public const string AppName = "ConsentTests";
    public const string Prefix = "CONSENT_TESTS";
    public const string EnabledVariable = Prefix + "_TELEMETRY_ENABLED";
    public const string DebugVariable = Prefix + "_TELEMETRY_DEBUG";
    public const string ConfigVariable = Prefix + "_TELEMETRY_CONFIG";
    public const string WriteKeyVariable = Prefix + "_TELEMETRY_WRITE_KEY";

    private readonly Dictionary<string, string?> _savedVariables = new(StringComparer.Ordinal);

    public ConsentSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "consent-tests-" + Guid.NewGuid().ToString("N"));
        Home = Path.Combine(Root, "home");
        Directory.CreateDirectory(Home);

        Set("HOME", Home);
        Set("XDG_CONFIG_HOME", null);
        Set("APPDATA", Path.Combine(Home, "AppData"));
        Set(EnvironmentSettings.DoNotTrackVariable, null);
        Set(EnabledVariable, null);
        Set(DebugVariable, null);
        Set(ConfigVariable, null);
        Set(WriteKeyVariable, null);
        foreach (ContinuousIntegrationRule rule in ContinuousIntegration.Rules)
        {
            foreach (string variable in rule.Variables)
            {
                Set(variable, null);
            }
        }

        Clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 4, 17, 5, 36, TimeSpan.Zero));
    }

    /// <summary>The temporary folder that contains the home folder. Tests may create other files in it.</summary>
    public string Root { get; }

    public string Home { get; }

    public ManualTimeProvider Clock { get; }

    public InMemorySink Sink { get; } = new();

    public RecordingLogger Logger { get; } = new();

    public StringWriter Notice { get; } = new();

    /// <summary>The default config path on this operating system.</summary>
    public string DefaultConfigPath => OperatingSystem.IsWindows()
        ? Path.Combine(Home, "AppData", AppName, "telemetry.json")
        : Path.Combine(Home, ".config", AppName, "telemetry.json");

    /// <summary>Sets an environment variable until the sandbox is disposed. Null removes it.</summary>
    public void Set(string name, string? value)
    {
        if (!_savedVariables.ContainsKey(name))
        {
            _savedVariables[name] = Environment.GetEnvironmentVariable(name);
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    /// <summary>
    /// Options for a client of the app <see cref="AppName"/> that sends to <see cref="Sink"/>, logs to
    /// <see cref="Logger"/>, prints the notice to <see cref="Notice"/> and treats standard error as a terminal.
    /// </summary>
    public TelemetryOptions CreateOptions(ConsentMode mode = ConsentMode.OptOut) => new()
    {
        AppName = AppName,
        AppVersion = "1.0.0",
        Sink = Sink,
        Logger = Logger,
        TimeProvider = Clock,
        Consent = new ConsentOptions
        {
            Mode = mode,
            NoticeWriter = Notice,
            OptOutCommand = "consent-tests telemetry disable",
            MoreInfoUrl = "https://example.com/telemetry",
            IsOutputRedirected = () => false,
        },
    };

    /// <summary>Creates a client with <see cref="CreateOptions"/>.</summary>
    public TelemetryClient CreateClient(ConsentMode mode = ConsentMode.OptOut) => new(CreateOptions(mode));

    /// <summary>Returns the number of times the notice was printed to <see cref="Notice"/>.</summary>
    public int NoticeCount => CountOccurrences(Notice.ToString(), "collects anonymous usage data");

    public void WriteConfig(string json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DefaultConfigPath)!);
        File.WriteAllText(DefaultConfigPath, json);
    }

    public string ReadConfig() => File.ReadAllText(DefaultConfigPath);

    public void Dispose()
    {
        foreach (KeyValuePair<string, string?> saved in _savedVariables)
        {
            Environment.SetEnvironmentVariable(saved.Key, saved.Value);
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file that is still open on Windows keeps the folder. It lies under the temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static int CountOccurrences(string text, string value)
    {
        int count = 0;
        int index = text.IndexOf(value, StringComparison.Ordinal);
        while (index >= 0)
        {
            count++;
            index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal);
        }

        return count;
    }
}
