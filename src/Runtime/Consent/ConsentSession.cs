using System;
using System.IO;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators;

/// <summary>
/// The config file of one client: where it is, what it recorded when the client was created, and the
/// writes that record consent. Each write logs an I/O failure as one warning instead of throwing it.
/// </summary>
internal sealed class ConsentSession
{
    private readonly ConsentOptions _options;
    private readonly string _appName;
    private readonly EnvironmentSettings _environment;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TelemetryConfigStore? _store;
    private readonly string? _pathProblem;
    private readonly ConfigReadResult _initialRead;

    // Serializes the writes of this client, so Config and Stored match the last write.
    private readonly object _writeLock = new();

    internal ConsentSession(
        ConsentOptions options,
        string appName,
        EnvironmentSettings environment,
        Func<string, string?> getVariable,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _options = options;
        _appName = appName;
        _environment = environment;
        _timeProvider = timeProvider;
        _logger = logger;

        string? path = ConfigFileLocation.Resolve(
            options.ConfigPath,
            environment.ConfigPath,
            appName,
            getVariable,
            out _pathProblem);
        if (path is null)
        {
            _initialRead = ConfigReadResult.Missing;
            Stored = StoredConsent.Unavailable;
            return;
        }

        _store = new TelemetryConfigStore(path, timeProvider);
        _initialRead = _store.Read();
        Config = _initialRead.Config;
        Stored = _initialRead.IsUnreadable ? StoredConsent.Unavailable : ToStoredConsent(Config);
    }

    /// <summary>Full path of the config file, or null when no location is known.</summary>
    internal string? ConfigPath => _store?.Path;

    /// <summary>What the file records, as of the last read or write.</summary>
    internal StoredConsent Stored { get; private set; }

    /// <summary>
    /// The file's contents as of the last read or write, or null when it is missing, corrupt or unreadable.
    /// </summary>
    internal TelemetryConfig? Config { get; private set; }

    /// <summary>
    /// Whether the first-run notice may be printed: always, unless
    /// <see cref="ConsentOptions.ShowNoticeWhenOutputRedirected"/> is false and standard error is redirected.
    /// </summary>
    internal bool CanShowNotice =>
        _options.ShowNoticeWhenOutputRedirected || !(_options.IsOutputRedirected ?? IsStandardErrorRedirected)();

    /// <summary>
    /// Logs why the file could not be consulted when the client was created, for a client that is off because of it.
    /// </summary>
    internal void ReportUnavailable()
    {
        if (_store is null)
        {
            TelemetryLog.Safely(
                _logger,
                static (logger, state) => TelemetryLog.ConfigPathMissing(logger, state.Problem, state.VariableName),
                (Problem: _pathProblem ?? "no path", VariableName: _environment.ConfigVariable));
            return;
        }

        LogUnavailable("read", _initialRead.Exception!);
    }

    /// <summary>
    /// Records consent for a user who has not decided, in opt-out mode, and then prints the notice. A process
    /// that finds the decision already recorded, for example by another process a moment earlier, prints nothing.
    /// </summary>
    /// <returns>
    /// What the file records afterwards, or <see cref="StoredConsent.Unavailable"/> when the write failed.
    /// </returns>
    internal StoredConsent RecordFirstRun()
    {
        // A corrupt file may have recorded an opt-out, such as a hand-edited one with a stray comma. It is moved
        // aside, and nothing is recorded or sent in this run, so consent is never taken from a file that could not
        // be read. The next run starts as a first run and shows the notice.
        if (_initialRead.IsCorrupt)
        {
            Update(static _ => false, "moved aside");
            return StoredConsent.Unavailable;
        }

        bool recordedHere = false;
        bool written = Update(
            config =>
            {
                recordedHere = config.Enabled is null;
                if (recordedHere)
                {
                    config.Enabled = true;
                    config.ConsentDate = _timeProvider.GetUtcNow();
                    config.NoticeShown = true;
                }

                return AddIdentity(config) | recordedHere;
            },
            "written");
        if (!written)
        {
            return StoredConsent.Unavailable;
        }

        if (recordedHere)
        {
            PrintNotice();
        }

        return Stored;
    }

    /// <summary>
    /// Adds a telemetry id and a secret to a file that records consent but lacks them, for example one written by
    /// hand.
    /// </summary>
    /// <returns>
    /// What the file records afterwards, or <see cref="StoredConsent.Unavailable"/> when the write failed.
    /// </returns>
    internal StoredConsent CompleteIdentity()
    {
        if (Config?.TelemetryId is not null && Config.Secret is not null)
        {
            return Stored;
        }

        return Update(AddIdentity, "written") ? Stored : StoredConsent.Unavailable;
    }

    /// <summary>
    /// Records the user's decision and the current date. Consent also gets a telemetry id and a secret when the
    /// file has none.
    /// </summary>
    /// <returns>Whether the file records the decision.</returns>
    internal bool RecordDecision(bool enabled)
    {
        if (_store is null)
        {
            ReportUnavailable();
            return false;
        }

        bool written = Update(
            config =>
            {
                config.Enabled = enabled;
                config.ConsentDate = _timeProvider.GetUtcNow();
                AddIdentity(config);
                return true;
            },
            "written");
        if (written)
        {
            TelemetryLog.Safely(
                _logger,
                static (logger, state) => TelemetryLog.ConsentRecorded(logger, state.Enabled, state.Path),
                (Enabled: enabled, Path: _store.Path));
        }

        return written;
    }

    private static StoredConsent ToStoredConsent(TelemetryConfig? config) => config?.Enabled switch
    {
        true => StoredConsent.Granted,
        false => StoredConsent.Denied,
        _ => StoredConsent.None,
    };

    private static bool IsStandardErrorRedirected() => Console.IsErrorRedirected;

    // Gives a file that records consent an id and a secret. A file that records an opt-out is left as it is.
    private static bool AddIdentity(TelemetryConfig config)
    {
        if (config.Enabled != true)
        {
            return false;
        }

        bool changed = false;
        if (config.TelemetryId is null)
        {
            config.TelemetryId = TelemetryConfig.CreateTelemetryId();
            changed = true;
        }

        if (config.Secret is null)
        {
            config.Secret = TelemetryConfig.CreateSecret();
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// Returns whether a decision could be recorded now: the folder exists or can be created and the lock file can be
    /// taken. Logs one warning when not.
    /// </summary>
    /// <remarks>
    /// NOTE: a folder that takes the lock file but rejects the rename that replaces the config still passes.
    /// </remarks>
    internal bool CanRecord() => Update(static _ => false, "checked");

    private bool Update(Func<TelemetryConfig, bool> change, string operation)
    {
        ConfigUpdateResult result;
        lock (_writeLock)
        {
            try
            {
                result = _store!.Update(change);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                LogUnavailable(operation, exception);
                return false;
            }

            Config = result.Config;
            Stored = ToStoredConsent(result.Config);
        }

        if (result.QuarantinedPath is not null)
        {
            TelemetryLog.Safely(
                _logger,
                static (logger, state) =>
                    TelemetryLog.ConfigQuarantined(logger, state.Path, state.QuarantinedPath, state.Reason),
                (Path: _store.Path, QuarantinedPath: result.QuarantinedPath, Reason: result.QuarantineReason ?? ""));
        }

        return true;
    }

    private void PrintNotice()
    {
        string path = _store!.Path;
        string notice = ConsentNotice.Create(
            _appName,
            path,
            _environment.EnabledVariable,
            _options.OptOutCommand,
            _options.MoreInfoUrl);
        try
        {
            ConsentNotice.PrintOnce(path, notice, _options.NoticeWriter ?? Console.Error);
        }
        catch (Exception exception)
        {
            // NOTE: the file already records consent and that the notice was shown, so a writer that fails here
            // leaves an installation that sends without having shown the notice.
            TelemetryLog.Safely(_logger, static (logger, error) => TelemetryLog.NoticeFailed(logger, error), exception);
        }
    }

    private void LogUnavailable(string operation, Exception exception) =>
        TelemetryLog.Safely(
            _logger,
            static (logger, state) => TelemetryLog.ConfigUnavailable(
                logger,
                state.Path,
                state.Operation,
                state.VariableName,
                state.Exception),
            (Path: _store!.Path,
                Operation: operation,
                VariableName: _environment.ConfigVariable,
                Exception: exception));
}
