using System;
using System.IO;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Telemetry.Generators;

/// <summary>
/// Validated <see cref="TelemetryOptions"/> with every default filled in, the environment read and the consent
/// decided.
/// </summary>
internal sealed partial class ResolvedTelemetryOptions
{
    internal const string WriteKeyMetadataKey = "Telemetry.Generators.WriteKey";

    private readonly TelemetryOptions _options;
    private readonly string? _writeKey;
    private ConsentInputs _consentInputs;

    private ResolvedTelemetryOptions(
        TelemetryOptions options,
        Assembly? entryAssembly,
        Func<string, string?> getVariable)
    {
        _options = options;
        AppName = options.AppName ?? entryAssembly?.GetName().Name ?? AppDomain.CurrentDomain.FriendlyName;
        AppVersion = options.AppVersion
            ?? (entryAssembly is null ? null : AssemblyVersions.GetProductVersion(entryAssembly));
        string prefix = options.EnvironmentPrefix ?? EnvironmentVariableNames.ToUpperSnakeCase(AppName);
        WriteKeyVariable = prefix + EnvironmentVariableNames.WriteKeySuffix;
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        MessageIdGenerator = options.MessageIdGenerator ?? Guid.NewGuid;
        MaxBatchSize = options.MaxBatchSize;
        MaxQueueLength = options.MaxQueueLength;
        Logger = options.Logger ?? NullLogger.Instance;
        Environment = EnvironmentSettings.Read(prefix, getVariable);
        IsContinuousIntegration = ContinuousIntegration.IsDetected(getVariable);

        // Without TelemetryOptions.Enabled the key is needed only when the environment turns the client on.
        if (options.Sink is null && (options.Enabled || Environment.Enabled == true))
        {
            (_writeKey, WriteKeySource) = FindWriteKey(options, WriteKeyVariable, entryAssembly, getVariable);
        }

        if (options.Consent is not null)
        {
            Consent = new ConsentSession(options.Consent, AppName, Environment, getVariable, TimeProvider, Logger);
        }
    }

    internal string AppName { get; }

    internal string? AppVersion { get; }

    internal string WriteKeyVariable { get; }

    internal TimeProvider TimeProvider { get; }

    internal Func<Guid> MessageIdGenerator { get; }

    internal int MaxBatchSize { get; }

    internal int MaxQueueLength { get; }

    internal ILogger Logger { get; }

    internal EnvironmentSettings Environment { get; }

    internal bool IsContinuousIntegration { get; }

    /// <summary>The config file, or null when <see cref="TelemetryOptions.Consent"/> is null.</summary>
    internal ConsentSession? Consent { get; }

    internal TelemetryWriteKeySource WriteKeySource { get; }

    /// <summary>The consent decision made by <see cref="Resolve"/>, or by the last <see cref="Redecide"/>.</summary>
    internal ConsentDecision Decision { get; private set; }

    /// <summary>
    /// Anonymous id: <see cref="TelemetryOptions.AnonymousId"/>, else the telemetry id in the config file, else a new
    /// random UUID. Read it again after a toggle, which may have created the stored id.
    /// </summary>
    internal string AnonymousId => _options.AnonymousId ?? Consent?.Config?.TelemetryId ?? RandomAnonymousId;

    // Drawn once, so a client without a stored id keeps one id for its lifetime.
    private string RandomAnonymousId { get; } = Guid.NewGuid().ToString("D");

    /// <summary>
    /// Validates <paramref name="options"/>, fills in defaults, reads the environment and the config file, and
    /// decides whether the client sends. On a first run in opt-out mode this records consent and prints the notice.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid. The message names it and the fix.</exception>
    internal static ResolvedTelemetryOptions Resolve(TelemetryOptions options)
    {
        Validate(options);

        Assembly? entryAssembly = options.EntryAssembly ?? Assembly.GetEntryAssembly();
        var resolved = new ResolvedTelemetryOptions(options, entryAssembly, System.Environment.GetEnvironmentVariable);
        resolved.LogInvalidEnvironmentValues();
        resolved.DecideConsent();
        return resolved;
    }

    /// <summary>
    /// Decides again after a toggle changed what the config file records, with the same environment and options.
    /// </summary>
    internal ConsentDecision Redecide(StoredConsent stored)
    {
        _consentInputs = _consentInputs with { Stored = stored, CanShowNotice = false };
        Decision = ConsentDecision.Decide(_consentInputs);
        return Decision;
    }

    /// <summary>
    /// Creates the sink for an enabled client: the debug sink in debug mode, else <see cref="TelemetryOptions.Sink"/>,
    /// an HTTP sink for the write key, or <see cref="TelemetryOptions.FallbackSink"/>.
    /// </summary>
    /// <returns>The sink, and whether the client created it and must dispose it.</returns>
    internal (ITelemetrySink? Sink, bool OwnsSink) CreateSink()
    {
        if (Environment.Debug)
        {
            return (new DebugSink(_options.DebugWriter ?? Console.Error, TimeProvider), false);
        }

        if (_options.Sink is not null)
        {
            return (_options.Sink, false);
        }

        if (_writeKey is null)
        {
            return (_options.FallbackSink, false);
        }

        var sink = new SegmentHttpSink(
            _writeKey,
            _options.Endpoint ?? SegmentHttpSink.GetBaseAddress(_options.Region),
            handler: null,
            TimeProvider)
        {
            UseCompression = _options.UseCompression,
            RequestTimeout = _options.RequestTimeout,
        };
        return (sink, true);
    }

    /// <summary>
    /// Returns the delivery settings of the options.
    /// </summary>
    internal DeliverySettings CreateDeliverySettings()
    {
        return new DeliverySettings
        {
            MaxBatchSize = _options.MaxBatchSize,
            MaxBatchBytes = _options.MaxBatchBytes,
            MaxQueueLength = _options.MaxQueueLength,
            MaxQueueBytes = _options.MaxQueueBytes,
            FlushInterval = _options.FlushInterval,
            MaxRetries = _options.MaxRetries,
            MinRetryDelay = _options.MinRetryDelay,
            MaxRetryDelay = _options.MaxRetryDelay,
            MaxRetryDuration = _options.MaxRetryDuration,
            ShutdownTimeout = _options.ShutdownTimeout,
            Random = _options.RetryJitter ?? DeliverySettings.CreateRandom(),
        };
    }

    /// <summary>
    /// Returns the spool for <paramref name="transport"/>, or null when events are not spooled: the spool is
    /// turned off, the transport cannot send spooled events, or no folder is set and there is no config file.
    /// </summary>
    internal DeliverySpool? CreateSpool(IBatchTransport transport)
    {
        return transport.IsDurable ? CreateSpool() : null;
    }

    /// <summary>
    /// Returns the spool of the options, or null when the spool is turned off or has no folder.
    /// </summary>
    internal DeliverySpool? CreateSpool()
    {
        if (!_options.UseSpool)
        {
            return null;
        }

        string? directory = _options.SpoolDirectory is null
            ? GetDefaultSpoolDirectory()
            : Path.GetFullPath(_options.SpoolDirectory);
        return directory is null
            ? null
            : new DeliverySpool(directory, _options.MaxSpoolBytes, _options.MaxSpoolAge, TimeProvider, Logger);
    }

    private string? GetDefaultSpoolDirectory()
    {
        string? configPath = Consent?.ConfigPath;
        string? configFolder = configPath is null ? null : Path.GetDirectoryName(configPath);
        return string.IsNullOrEmpty(configFolder) ? null : Path.Combine(configFolder, "telemetry-spool");
    }

    /// <summary>
    /// Builds the context object for an enabled client. The hashes of the working directory and the git remote are
    /// keyed with the secret in the config file, so they are left out without one.
    /// </summary>
    internal DefaultContextSettings CreateContextSettings() => new(
        AppName,
        AppVersion,
        IsContinuousIntegration,
        Consent?.Config?.Secret,
        _options.HashWorkingDirectory,
        _options.HashGitRemote,
        Directory.GetCurrentDirectory());

    /// <summary>
    /// Returns the value of the entry assembly's write key metadata, or null when it is missing or blank.
    /// </summary>
    internal static string? ReadWriteKeyMetadata(Assembly assembly)
    {
        foreach (Attribute attribute in Attribute.GetCustomAttributes(assembly, typeof(AssemblyMetadataAttribute)))
        {
            var metadata = (AssemblyMetadataAttribute)attribute;
            if (string.Equals(metadata.Key, WriteKeyMetadataKey, StringComparison.Ordinal))
            {
                return TrimToNull(metadata.Value);
            }
        }

        return null;
    }

    private void DecideConsent()
    {
        _consentInputs = new ConsentInputs
        {
            DoNotTrack = Environment.DoNotTrack,
            EnvironmentEnabled = Environment.Enabled,
            OptionsEnabled = _options.Enabled,
            IsContinuousIntegration = IsContinuousIntegration,
            DisableInContinuousIntegration = _options.DisableInContinuousIntegration,
            HasSink = Environment.Debug || _options.Sink is not null || _writeKey is not null
                || _options.FallbackSink is not null,
            HasConsentOptions = Consent is not null,
            Mode = _options.Consent?.Mode ?? ConsentMode.OptOut,
            Stored = Consent?.Stored ?? StoredConsent.None,
            CanShowNotice = Consent?.CanShowNotice ?? false,
        };
        Decision = ConsentDecision.Decide(_consentInputs);

        if (Decision.State == TelemetryConsentState.ConfigUnavailable)
        {
            Consent!.ReportUnavailable();
        }
        else if (Decision.RequiresFirstRun)
        {
            Redecide(Consent!.RecordFirstRun());
        }
        else if (Decision.State == TelemetryConsentState.Enabled && Consent is not null)
        {
            Redecide(Consent.CompleteIdentity());
        }
    }

    private void LogInvalidEnvironmentValues()
    {
        foreach (var invalid in Environment.InvalidValues)
        {
            TelemetryLog.Safely(
                Logger,
                static (logger, pair) => TelemetryLog.InvalidEnvironmentValue(logger, pair.Key, pair.Value),
                invalid);
        }
    }

    private static (string? WriteKey, TelemetryWriteKeySource Source) FindWriteKey(
        TelemetryOptions options,
        string variableName,
        Assembly? entryAssembly,
        Func<string, string?> getVariable)
    {
        if (options.WriteKey is not null)
        {
            return (options.WriteKey, TelemetryWriteKeySource.Options);
        }

        // A variable set to an empty value, as in `export APP_TELEMETRY_WRITE_KEY=`, counts as unset.
        string? fromEnvironment = TrimToNull(getVariable(variableName));
        if (fromEnvironment is not null)
        {
            return (fromEnvironment, TelemetryWriteKeySource.EnvironmentVariable);
        }

        string? fromMetadata = entryAssembly is null ? null : ReadWriteKeyMetadata(entryAssembly);
        if (fromMetadata is not null)
        {
            return (fromMetadata, TelemetryWriteKeySource.AssemblyMetadata);
        }

        return (null, TelemetryWriteKeySource.None);
    }

    private static string? TrimToNull(string? value)
    {
        string? trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
