using System;
using System.Collections.Generic;
using System.Globalization;

namespace Telemetry.Generators;

// The From overloads that generated track calls use to capture parameter values.
public readonly partial struct TelemetryValue
{
    /// <summary>Captures a string, or <see cref="Null"/> when <paramref name="value"/> is null.</summary>
    /// <param name="value">The string to capture.</param>
    public static TelemetryValue From(string? value) => new(value, 0);

    /// <summary>Captures a Boolean.</summary>
    /// <param name="value">The Boolean to capture.</param>
    public static TelemetryValue From(bool value) => new(KindTag.Boolean, value ? 1 : 0);

    /// <summary>Captures a character as a string of length one.</summary>
    /// <param name="value">The character to capture.</param>
    public static TelemetryValue From(char value) => new(value.ToString(), 0);

    /// <summary>Captures an integer as <see cref="TelemetryValueKind.Integer"/>.</summary>
    /// <param name="value">The integer to capture.</param>
    public static TelemetryValue From(sbyte value) => From((long)value);

    /// <summary>Captures an integer as <see cref="TelemetryValueKind.Integer"/>.</summary>
    /// <param name="value">The integer to capture.</param>
    public static TelemetryValue From(byte value) => From((long)value);

    /// <summary>Captures an integer as <see cref="TelemetryValueKind.Integer"/>.</summary>
    /// <param name="value">The integer to capture.</param>
    public static TelemetryValue From(short value) => From((long)value);

    /// <summary>Captures an integer as <see cref="TelemetryValueKind.Integer"/>.</summary>
    /// <param name="value">The integer to capture.</param>
    public static TelemetryValue From(ushort value) => From((long)value);

    /// <summary>Captures an integer as <see cref="TelemetryValueKind.Integer"/>.</summary>
    /// <param name="value">The integer to capture.</param>
    public static TelemetryValue From(int value) => From((long)value);

    /// <summary>Captures an integer as <see cref="TelemetryValueKind.Integer"/>.</summary>
    /// <param name="value">The integer to capture.</param>
    public static TelemetryValue From(uint value) => From((long)value);

    /// <summary>Captures an integer as <see cref="TelemetryValueKind.Integer"/>.</summary>
    /// <param name="value">The integer to capture.</param>
    public static TelemetryValue From(long value) => new(KindTag.Integer, value);

    /// <summary>
    /// Captures an integer as <see cref="TelemetryValueKind.UnsignedInteger"/>, so values above
    /// <see cref="long.MaxValue"/> keep their exact digits.
    /// </summary>
    /// <param name="value">The integer to capture.</param>
    public static TelemetryValue From(ulong value) => new(KindTag.UnsignedInteger, unchecked((long)value));

    /// <summary>
    /// Captures a float, or <see cref="Null"/> when it is NaN or infinite because JSON has no text for those.
    /// </summary>
    /// <param name="value">The number to capture.</param>
    public static TelemetryValue From(float value)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
        {
            return Null;
        }

        return new(KindTag.Single, BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>
    /// Captures a double, or <see cref="Null"/> when it is NaN or infinite because JSON has no text for those.
    /// </summary>
    /// <param name="value">The number to capture.</param>
    public static TelemetryValue From(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return Null;
        }

        return new(KindTag.Double, BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>Captures a decimal. It is written with its scale, so <c>1.10m</c> is written as <c>1.10</c>.</summary>
    /// <param name="value">The number to capture.</param>
    public static TelemetryValue From(decimal value) => new(value, 0);

    /// <summary>
    /// Captures a GUID as a lower-case string in the "D" format, for example
    /// <c>"0f8fad5b-d9cb-469f-a165-70867728950e"</c>.
    /// </summary>
    /// <param name="value">The GUID to capture.</param>
    public static TelemetryValue From(Guid value) => new(value.ToString("D", CultureInfo.InvariantCulture), 0);

    /// <summary>
    /// Captures a point in time as an ISO 8601 UTC string with milliseconds, for example
    /// <c>"2024-03-09T14:05:07.250Z"</c>, formatted with the invariant culture.
    /// </summary>
    /// <remarks>
    /// A value of kind <see cref="DateTimeKind.Utc"/> is written as it is. A value of kind
    /// <see cref="DateTimeKind.Local"/> is converted to UTC with the local time zone. A value of kind
    /// <see cref="DateTimeKind.Unspecified"/> is assumed to be UTC already and is not converted.
    /// Digits below one millisecond are truncated.
    /// </remarks>
    /// <param name="value">The point in time to capture.</param>
    public static TelemetryValue From(DateTime value)
    {
        DateTime utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return new(TimestampFormat.FormatUtc(utc), 0);
    }

    /// <summary>
    /// Captures the UTC instant of <paramref name="value"/> as an ISO 8601 string with milliseconds, for example
    /// <c>"2024-03-09T12:05:07.250Z"</c> for <c>2024-03-09T14:05:07.250+02:00</c>.
    /// </summary>
    /// <param name="value">The point in time to capture. Its offset is not kept.</param>
    public static TelemetryValue From(DateTimeOffset value) => new(TimestampFormat.Format(value), 0);

    /// <summary>
    /// Captures a duration as its total number of seconds, a <see cref="TelemetryValueKind.Double"/>, so 1,500 ms is
    /// written as <c>1.5</c>.
    /// </summary>
    /// <param name="value">The duration to capture.</param>
    public static TelemetryValue From(TimeSpan value) => From(value.TotalSeconds);

    /// <summary>
    /// Captures a URI as a string: <see cref="Uri.AbsoluteUri"/> for an absolute URI and
    /// <see cref="Uri.OriginalString"/> for a relative one. Returns <see cref="Null"/> when
    /// <paramref name="value"/> is null.
    /// </summary>
    /// <remarks>The absolute form contains any user information in the URI, such as a password.</remarks>
    /// <param name="value">The URI to capture.</param>
    public static TelemetryValue From(Uri? value)
    {
        if (value is null)
        {
            return Null;
        }

        return new(value.IsAbsoluteUri ? value.AbsoluteUri : value.OriginalString, 0);
    }

    /// <summary>
    /// Captures a version as the string that <see cref="Version.ToString()"/> returns, for example <c>"1.2.3"</c>,
    /// or <see cref="Null"/> when <paramref name="value"/> is null.
    /// </summary>
    /// <param name="value">The version to capture.</param>
    public static TelemetryValue From(Version? value) => value is null ? Null : new(value.ToString(), 0);

    /// <summary>
    /// Captures a sequence as a JSON array, converting each element with <paramref name="convert"/>.
    /// Returns <see cref="Null"/> when <paramref name="items"/> is null.
    /// </summary>
    /// <remarks>
    /// The sequence is enumerated once, on the calling thread. Exceptions from the enumerator or from
    /// <paramref name="convert"/> propagate to the caller.
    /// </remarks>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements to capture.</param>
    /// <param name="convert">Converts one element, usually with a <c>From</c> overload.</param>
    /// <exception cref="ArgumentNullException"><paramref name="convert"/> is null.</exception>
    public static TelemetryValue FromSequence<T>(IEnumerable<T>? items, Func<T, TelemetryValue> convert)
    {
        if (convert is null)
        {
            throw new ArgumentNullException(nameof(convert));
        }

        if (items is null)
        {
            return Null;
        }

        TelemetryValue[] values;
        if (items is IReadOnlyList<T> list)
        {
            values = new TelemetryValue[list.Count];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = convert(list[i]);
            }
        }
        else
        {
            var buffer = new List<TelemetryValue>();
            foreach (T item in items)
            {
                buffer.Add(convert(item));
            }

            values = buffer.ToArray();
        }

        return new(values, 0);
    }

    /// <summary>
    /// Captures key-value pairs as a JSON object in enumeration order, converting each value with
    /// <paramref name="convert"/>. Returns <see cref="Null"/> when <paramref name="entries"/> is null.
    /// </summary>
    /// <remarks>
    /// Entries whose key is null are skipped. When a key repeats, the later value replaces the earlier one at the
    /// earlier position. Exceptions from the enumerator or from <paramref name="convert"/> propagate to the caller.
    /// </remarks>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="entries">The entries to capture, for example a dictionary.</param>
    /// <param name="convert">Converts one value, usually with a <c>From</c> overload.</param>
    /// <exception cref="ArgumentNullException"><paramref name="convert"/> is null.</exception>
    public static TelemetryValue FromDictionary<T>(
        IEnumerable<KeyValuePair<string, T>>? entries,
        Func<T, TelemetryValue> convert)
    {
        if (convert is null)
        {
            throw new ArgumentNullException(nameof(convert));
        }

        if (entries is null)
        {
            return Null;
        }

        int capacity = entries is IReadOnlyCollection<KeyValuePair<string, T>> collection ? collection.Count : 0;
        var members = new TelemetryProperties(capacity);
        foreach (KeyValuePair<string, T> entry in entries)
        {
            if (entry.Key is null)
            {
                continue;
            }

            members.Add(entry.Key, convert(entry.Value));
        }

        return new(members, 0);
    }

    /// <summary>
    /// Captures a copy of <paramref name="properties"/> as a nested JSON object, or returns <see cref="Null"/> when
    /// it is null. Later changes to <paramref name="properties"/> do not change the captured value.
    /// </summary>
    /// <param name="properties">The members to capture.</param>
    public static TelemetryValue FromObject(TelemetryProperties? properties) =>
        properties is null ? Null : new(properties.Copy(), 0);
}
