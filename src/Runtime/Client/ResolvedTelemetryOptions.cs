using System;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Telemetry.Generators;

/// <summary>
/// Validated <see cref="TelemetryOptions"/> with every default filled in and the sink chosen.
/// </summary>
internal sealed class ResolvedTelemetryOptions
{
    internal const string WriteKeyMetadataKey = "Telemetry.Generators.WriteKey";

    private ResolvedTelemetryOptions(TelemetryOptions options, Assembly? entryAssembly)
    {
        AppName = options.AppName ?? entryAssembly?.GetName().Name ?? AppDomain.CurrentDomain.FriendlyName;
        AppVersion = options.AppVersion
            ?? (entryAssembly is null ? null : AssemblyVersions.GetProductVersion(entryAssembly));
        AnonymousId = options.AnonymousId ?? Guid.NewGuid().ToString("D");
        string prefix = options.EnvironmentPrefix ?? EnvironmentVariableNames.ToUpperSnakeCase(AppName);
        WriteKeyVariable = prefix + EnvironmentVariableNames.WriteKeySuffix;
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        MessageIdGenerator = options.MessageIdGenerator ?? Guid.NewGuid;
        MaxBatchSize = options.MaxBatchSize;
        MaxQueueLength = options.MaxQueueLength;
        Logger = options.Logger ?? NullLogger.Instance;
    }

    internal string AppName { get; }

    internal string? AppVersion { get; }

    internal string AnonymousId { get; }

    internal string WriteKeyVariable { get; }

    internal TimeProvider TimeProvider { get; }

    internal Func<Guid> MessageIdGenerator { get; }

    internal int MaxBatchSize { get; }

    internal int MaxQueueLength { get; }

    internal ILogger Logger { get; }

    /// <summary>
    /// The sink to send to: <see cref="TelemetryOptions.Sink"/>, an HTTP sink for the write key found, or
    /// <see cref="TelemetryOptions.FallbackSink"/>. Null when the client is disabled.
    /// </summary>
    internal ITelemetrySink? Sink { get; private set; }

    /// <summary>Whether the client created <see cref="Sink"/> and must dispose it.</summary>
    internal bool OwnsSink { get; private set; }

    internal TelemetryWriteKeySource WriteKeySource { get; private set; }

    /// <summary>
    /// Validates <paramref name="options"/>, fills in defaults and resolves the sink.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid. The message names it and the fix.</exception>
    internal static ResolvedTelemetryOptions Resolve(TelemetryOptions options)
    {
        Validate(options);

        Assembly? entryAssembly = options.EntryAssembly ?? Assembly.GetEntryAssembly();
        var resolved = new ResolvedTelemetryOptions(options, entryAssembly);
        if (!options.Enabled)
        {
            return resolved;
        }

        if (options.Sink is not null)
        {
            resolved.Sink = options.Sink;
            return resolved;
        }

        (string? writeKey, TelemetryWriteKeySource source) =
            FindWriteKey(options, resolved.WriteKeyVariable, entryAssembly);
        if (writeKey is null)
        {
            resolved.Sink = options.FallbackSink;
            return resolved;
        }

        resolved.Sink = new SegmentHttpSink(
            writeKey,
            options.Endpoint ?? SegmentHttpSink.DefaultBaseAddress,
            handler: null,
            resolved.TimeProvider);
        resolved.OwnsSink = true;
        resolved.WriteKeySource = source;
        return resolved;
    }

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

    private static (string? WriteKey, TelemetryWriteKeySource Source) FindWriteKey(
        TelemetryOptions options,
        string variableName,
        Assembly? entryAssembly)
    {
        if (options.WriteKey is not null)
        {
            return (options.WriteKey, TelemetryWriteKeySource.Options);
        }

        // A variable set to an empty value, as in `export APP_TELEMETRY_WRITE_KEY=`, counts as unset.
        string? fromEnvironment = TrimToNull(Environment.GetEnvironmentVariable(variableName));
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
