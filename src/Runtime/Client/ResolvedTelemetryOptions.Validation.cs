using System;
using System.Globalization;
using System.IO;

namespace Telemetry.Generators;

// Validation of TelemetryOptions, which Resolve runs first, and the duration format that its messages use.
internal sealed partial class ResolvedTelemetryOptions
{
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

        CheckDuration(
            options.FlushInterval,
            TimeSpan.FromMilliseconds(1),
            TimeSpan.FromDays(1),
            nameof(TelemetryOptions.FlushInterval));
        CheckDuration(
            options.ShutdownTimeout,
            TimeSpan.Zero,
            TimeSpan.FromHours(1),
            nameof(TelemetryOptions.ShutdownTimeout));
        CheckDuration(
            options.RequestTimeout,
            TimeSpan.FromMilliseconds(1),
            TimeSpan.FromMinutes(10),
            nameof(TelemetryOptions.RequestTimeout));
        CheckDuration(
            options.MaxRetryDelay,
            TimeSpan.FromMilliseconds(1),
            TimeSpan.FromHours(1),
            nameof(TelemetryOptions.MaxRetryDelay));
        CheckDuration(
            options.MinRetryDelay,
            TimeSpan.FromMilliseconds(1),
            options.MaxRetryDelay,
            nameof(TelemetryOptions.MinRetryDelay));
        CheckDuration(
            options.MaxRetryDuration,
            TimeSpan.FromMilliseconds(1),
            TimeSpan.FromDays(1),
            nameof(TelemetryOptions.MaxRetryDuration));
        CheckDuration(
            options.MaxSpoolAge,
            TimeSpan.FromMinutes(1),
            TimeSpan.FromDays(365),
            nameof(TelemetryOptions.MaxSpoolAge));

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
            catch (Exception exception)
                when (exception is ArgumentException or NotSupportedException or PathTooLongException)
            {
                string displayedPath = options.SpoolDirectory.Replace("\0", "\\0");
                throw new ArgumentException(
                    $"TelemetryOptions.SpoolDirectory '{displayedPath}' is not a valid path: {exception.Message} "
                        + "Set it to a folder path, or leave it null for the default.",
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
            string.Format(
                invariant,
                "TelemetryOptions.{0} is {1:N0}, which is outside the valid range. Set it {2}{3}.",
                optionName,
                value,
                range,
                reason is null ? string.Empty : ", " + reason),
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
                string plural = count == 1 || count == -1 ? string.Empty : "s";
                return string.Format(CultureInfo.InvariantCulture, "{0} {1}{2}", count, unit, plural);
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
}
