using System;

namespace Telemetry.Generators;

/// <summary>
/// Validated delivery settings of one client, taken from <see cref="TelemetryOptions"/>.
/// </summary>
internal sealed class DeliverySettings
{
    public int MaxBatchSize { get; init; } = TelemetryOptions.DefaultMaxBatchSize;

    public int MaxBatchBytes { get; init; } = TelemetryOptions.DefaultMaxBatchBytes;

    public int MaxQueueLength { get; init; } = TelemetryOptions.DefaultMaxQueueLength;

    public long MaxQueueBytes { get; init; } = TelemetryOptions.DefaultMaxQueueBytes;

    public TimeSpan FlushInterval { get; init; } = TelemetryOptions.DefaultFlushInterval;

    public int MaxRetries { get; init; } = TelemetryOptions.DefaultMaxRetries;

    public TimeSpan MinRetryDelay { get; init; } = TelemetryOptions.DefaultMinRetryDelay;

    public TimeSpan MaxRetryDelay { get; init; } = TelemetryOptions.DefaultMaxRetryDelay;

    public TimeSpan MaxRetryDuration { get; init; } = TelemetryOptions.DefaultMaxRetryDuration;

    public TimeSpan ShutdownTimeout { get; init; } = TelemetryOptions.DefaultShutdownTimeout;

    /// <summary>Source of the jitter in back-off delays: a number in [0, 1). Tests make it constant.</summary>
    public Func<double> Random { get; init; } = CreateRandom();

    /// <summary>Returns a thread-safe source of numbers in [0, 1).</summary>
    internal static Func<double> CreateRandom()
    {
        var random = new Random();
        return () =>
        {
            lock (random)
            {
                return random.NextDouble();
            }
        };
    }
}
