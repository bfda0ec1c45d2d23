using System;
using System.Globalization;
using System.IO;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Telemetry.Generators;

/// <summary>
/// Validated <see cref="TelemetryOptions"/> with every default filled in, the environment read and the consent
/// decided.
/// </summary>
internal sealed class ResolvedTelemetryOptions
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

    private static void Validate(TelemetryOptions options)
    {
        RejectBlank(options.WriteKey, nameof(TelemetryOptions.WriteKey), "the write key of the Segment source");
        RejectBlank(options.AppName, nameof(TelemetryOptions.AppName), "the application name");
        RejectBlank(options.AppVersion, nameof(TelemetryOptions.AppVersion), "the application version");
        RejectBlank(options.AnonymousId, nameof(TelemetryOptions.AnonymousId), "a stable id such as a UUID");
        RejectBlank(options.EnvironmentPrefix, nameof(TelemetryOptions.EnvironmentPrefix), "a prefix such as MY_APP");
        RejectBlank(
            options.Consent?.ConfigPath,
            nameof(TelemetryOptions.Consent) + "." + nameof(ConsentOptions.ConfigPath),
            "the path of the config file");

        if (options.Consent is not null
            && options.Consent.Mode != ConsentMode.OptOut
            && options.Consent.Mode != ConsentMode.OptIn)
        {
            throw new ArgumentException(
                $"TelemetryOptions.Consent.Mode is {(int)options.Consent.Mode}, which is not a ConsentMode value. "
                + "Set it to ConsentMode.OptOut or ConsentMode.OptIn.",
                nameof(options));
        }

        if (options.Endpoint is not null)
        {
            string? problem = SegmentHttpSink.DescribeInvalidBaseAddress(options.Endpoint);
            if (problem is not null)
            {
                throw new ArgumentException($"TelemetryOptions.Endpoint is invalid. {problem}", nameof(options));
            }
        }

        if (options.MaxBatchSize < 1 || options.MaxBatchSize > TelemetryOptions.SegmentMaxBatchSize)
        {
            throw new ArgumentException(
                $"TelemetryOptions.MaxBatchSize is {options.MaxBatchSize}, which is outside the valid range. "
                + $"Set it between 1 and {TelemetryOptions.SegmentMaxBatchSize}, the maximum that Segment accepts "
                + "per batch.",
                nameof(options));
        }

        if (options.MaxQueueLength < 1)
        {
            throw new ArgumentException(
                $"TelemetryOptions.MaxQueueLength is {options.MaxQueueLength}, but it must be 1 or greater.",
                nameof(options));
        }

        CheckRange(
            options.MaxBatchBytes,
            TelemetryOptions.MinBatchBytes,
            TelemetryOptions.DefaultMaxBatchBytes,
            nameof(TelemetryOptions.MaxBatchBytes),
            "so that one event of 32,000 bytes fits and Segment's limit of 500,000 bytes per request holds");
        CheckRange(
            options.MaxQueueBytes,
            QueuedEvent.MaxItemBytes,
            long.MaxValue,
            nameof(TelemetryOptions.MaxQueueBytes),
            "so that one event of 32,000 bytes fits");
        CheckRange(options.MaxRetries, 0, 100, nameof(TelemetryOptions.MaxRetries), reason: null);
        CheckRange(
            options.MaxSpoolBytes,
            QueuedEvent.MaxItemBytes,
            long.MaxValue,
            nameof(TelemetryOptions.MaxSpoolBytes),
            "so that one event of 32,000 bytes fits");

        CheckDuration(options.FlushInterval, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1), nameof(TelemetryOptions.FlushInterval));
        CheckDuration(options.ShutdownTimeout, TimeSpan.Zero, TimeSpan.FromHours(1), nameof(TelemetryOptions.ShutdownTimeout));
        CheckDuration(options.RequestTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10), nameof(TelemetryOptions.RequestTimeout));
        CheckDuration(options.MaxRetryDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), nameof(TelemetryOptions.MaxRetryDelay));
        CheckDuration(options.MinRetryDelay, TimeSpan.FromMilliseconds(1), options.MaxRetryDelay, nameof(TelemetryOptions.MinRetryDelay));
        CheckDuration(options.MaxRetryDuration, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1), nameof(TelemetryOptions.MaxRetryDuration));
        CheckDuration(options.MaxSpoolAge, TimeSpan.FromMinutes(1), TimeSpan.FromDays(365), nameof(TelemetryOptions.MaxSpoolAge));

        if (options.Region != SegmentRegion.UnitedStates && options.Region != SegmentRegion.Europe)
        {
            throw new ArgumentException(
                $"TelemetryOptions.Region is {(int)options.Region}, which is not a SegmentRegion value. "
                + "Set it to SegmentRegion.UnitedStates or SegmentRegion.Europe.",
                nameof(options));
        }

        RejectBlank(options.SpoolDirectory, nameof(TelemetryOptions.SpoolDirectory), "a folder path");
        if (options.SpoolDirectory is not null)
        {
            try
            {
                Path.GetFullPath(options.SpoolDirectory);
            }
            catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
            {
                throw new ArgumentException(
                    $"TelemetryOptions.SpoolDirectory '{options.SpoolDirectory.Replace("\0", "\\0")}' is not a valid path: "
                        + $"{exception.Message} Set it to a folder path, or leave it null for the default.",
                    nameof(options),
                    exception);
            }
        }
    }

    private static void CheckRange(long value, long minimum, long maximum, string optionName, string? reason)
    {
        if (value >= minimum && value <= maximum)
        {
            return;
        }

        CultureInfo invariant = CultureInfo.InvariantCulture;
        string range = maximum == long.MaxValue
            ? string.Format(invariant, "to {0:N0} or greater", minimum)
            : string.Format(invariant, "between {0:N0} and {1:N0}", minimum, maximum);
        throw new ArgumentException(
            string.Format(invariant, "TelemetryOptions.{0} is {1:N0}, which is outside the valid range. ", optionName, value)
                + $"Set it {range}{(reason is null ? string.Empty : ", " + reason)}.",
            "options");
    }

    private static void CheckDuration(TimeSpan value, TimeSpan minimum, TimeSpan maximum, string optionName)
    {
        if (value >= minimum && value <= maximum)
        {
            return;
        }

        throw new ArgumentException(
            $"TelemetryOptions.{optionName} is {FormatDuration(value)}, which is outside the valid range. "
                + $"Set it between {FormatDuration(minimum)} and {FormatDuration(maximum)}.",
            "options");
    }

    /// <summary>
    /// Formats a duration for a message in the largest whole unit, such as <c>1 day</c>, <c>10 minutes</c> or
    /// <c>1 ms</c>, and in milliseconds with decimals otherwise.
    /// </summary>
    internal static string FormatDuration(TimeSpan duration)
    {
        (long Ticks, string Unit)[] units =
        {
            (TimeSpan.TicksPerDay, "day"),
            (TimeSpan.TicksPerHour, "hour"),
            (TimeSpan.TicksPerMinute, "minute"),
            (TimeSpan.TicksPerSecond, "second"),
        };
        foreach ((long ticks, string unit) in units)
        {
            if (duration.Ticks != 0 && duration.Ticks % ticks == 0)
            {
                long count = duration.Ticks / ticks;
                return string.Format(CultureInfo.InvariantCulture, "{0} {1}{2}", count, unit, count == 1 || count == -1 ? string.Empty : "s");
            }
        }

        return duration.TotalMilliseconds.ToString("#,0.####", CultureInfo.InvariantCulture) + " ms";
    }

    private static void RejectBlank(string? value, string optionName, string expected)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(
                $"TelemetryOptions.{optionName} is empty. Set it to {expected}, or leave it null for the default.",
                "options");
        }
    }

    private static string? TrimToNull(string? value)
    {
        string? trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
