using System;
using System.Globalization;

namespace Telemetry.Generators;

/// <summary>
/// Formats points in time the way Segment expects them: ISO 8601 in UTC with milliseconds and a <c>Z</c> suffix.
/// </summary>
internal static class TimestampFormat
{
    // Every separator is quoted, so no culture setting can change the text. The invariant culture also fixes the
    // Gregorian calendar, where a Thai or Saudi culture would format the year in its own calendar.
    private const string Pattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    /// <summary>
    /// Formats the UTC instant of <paramref name="value"/>, for example <c>2024-03-09T12:05:07.250Z</c>.
    /// </summary>
    internal static string Format(DateTimeOffset value) => FormatUtc(value.UtcDateTime);

    /// <summary>Formats <paramref name="utc"/> without converting it, so the caller must pass a UTC time.</summary>
    internal static string FormatUtc(DateTime utc) => utc.ToString(Pattern, CultureInfo.InvariantCulture);
}
