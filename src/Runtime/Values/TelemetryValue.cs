using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;

namespace Telemetry.Generators;

/// <summary>
/// An immutable JSON value captured when an event is tracked: null, a string, a Boolean, a number, an array or an
/// object.
/// </summary>
/// <remarks>
/// <para>
/// Values are built by the <c>From</c> factory methods without reflection, so they are safe under trimming and
/// native AOT. Booleans, integers and floating-point numbers are stored without boxing. Decimals are boxed because
/// they do not fit in 64 bits. <c>default(TelemetryValue)</c> is <see cref="Null"/>.
/// </para>
/// <para>
/// Equality compares kinds first, so <c>From(1)</c> and <c>From(1UL)</c> differ. Within a kind, strings compare
/// ordinally, numbers numerically (so <c>1.10m</c> equals <c>1.1m</c>), and arrays and objects element by element
/// in order.
/// </para>
/// </remarks>
public readonly partial struct TelemetryValue : IEquatable<TelemetryValue>
{
    // Strings, arrays, objects and boxed decimals are stored in _reference. For Boolean and numeric kinds,
    // _reference is a shared KindTag and _bits contains the payload, so the struct is two words wide.
    private readonly object? _reference;
    private readonly long _bits;

    private TelemetryValue(object? reference, long bits)
    {
        _reference = reference;
        _bits = bits;
    }

    /// <summary>
    /// JSON <c>null</c>, the same as <c>default(TelemetryValue)</c>.
    /// </summary>
    public static TelemetryValue Null => default;

    /// <summary>
    /// JSON kind of this value.
    /// </summary>
    public TelemetryValueKind Kind => _reference switch
    {
        null => TelemetryValueKind.Null,
        KindTag tag => tag.Kind,
        string => TelemetryValueKind.String,
        TelemetryValue[] => TelemetryValueKind.Array,
        TelemetryProperties => TelemetryValueKind.Object,
        _ => TelemetryValueKind.Decimal,
    };

    /// <summary>
    /// Returns the string when <see cref="Kind"/> is <see cref="TelemetryValueKind.String"/>, else null.
    /// </summary>
    public string? AsString() => _reference as string;

    /// <summary>
    /// Returns the Boolean when <see cref="Kind"/> is <see cref="TelemetryValueKind.Boolean"/>, else null.
    /// </summary>
    public bool? AsBoolean() => ReferenceEquals(_reference, KindTag.Boolean) ? _bits != 0 : null;

    /// <summary>
    /// Returns the integer when <see cref="Kind"/> is <see cref="TelemetryValueKind.Integer"/>, else null.
    /// </summary>
    public long? AsInt64() => ReferenceEquals(_reference, KindTag.Integer) ? _bits : null;

    /// <summary>
    /// Returns the integer when <see cref="Kind"/> is <see cref="TelemetryValueKind.UnsignedInteger"/>, else null.
    /// </summary>
    public ulong? AsUInt64() => ReferenceEquals(_reference, KindTag.UnsignedInteger) ? unchecked((ulong)_bits) : null;

    /// <summary>
    /// Returns the number when <see cref="Kind"/> is <see cref="TelemetryValueKind.Single"/>, else null.
    /// </summary>
    public float? AsSingle() => ReferenceEquals(_reference, KindTag.Single) ? SingleValue : null;

    /// <summary>
    /// Returns the number when <see cref="Kind"/> is <see cref="TelemetryValueKind.Double"/>, else null.
    /// </summary>
    public double? AsDouble() => ReferenceEquals(_reference, KindTag.Double) ? DoubleValue : null;

    /// <summary>
    /// Returns the number when <see cref="Kind"/> is <see cref="TelemetryValueKind.Decimal"/>, else null.
    /// </summary>
    public decimal? AsDecimal() => _reference is decimal value ? value : null;

    /// <summary>
    /// Returns a read-only view of the elements when <see cref="Kind"/> is <see cref="TelemetryValueKind.Array"/>,
    /// else null.
    /// </summary>
    public IReadOnlyList<TelemetryValue>? AsArray() =>
        _reference is TelemetryValue[] items ? new ReadOnlyCollection<TelemetryValue>(items) : null;

    /// <summary>
    /// Returns the members in insertion order when <see cref="Kind"/> is <see cref="TelemetryValueKind.Object"/>,
    /// else null.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, TelemetryValue>>? AsObject() => _reference as TelemetryProperties;

    // Single values are stored widened to double. The conversion is exact, so narrowing returns the original float.
    private float SingleValue => (float)BitConverter.Int64BitsToDouble(_bits);

    private double DoubleValue => BitConverter.Int64BitsToDouble(_bits);

    /// <summary>
    /// Writes this value as one JSON value to <paramref name="writer"/>.
    /// </summary>
    /// <param name="writer">The writer to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="InvalidOperationException">
    /// The writer rejects the value, for example because it is not positioned where a value may follow, or because
    /// nesting exceeds its maximum depth.
    /// </exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        switch (_reference)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case TelemetryValue[] items:
                writer.WriteStartArray();
                foreach (TelemetryValue item in items)
                {
                    item.WriteTo(writer);
                }

                writer.WriteEndArray();
                break;
            case TelemetryProperties members:
                members.WriteTo(writer);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            default:
                WriteTaggedValue(writer);
                break;
        }
    }

    private void WriteTaggedValue(Utf8JsonWriter writer)
    {
        switch (((KindTag)_reference!).Kind)
        {
            case TelemetryValueKind.Boolean:
                writer.WriteBooleanValue(_bits != 0);
                break;
            case TelemetryValueKind.Integer:
                writer.WriteNumberValue(_bits);
                break;
            case TelemetryValueKind.UnsignedInteger:
                writer.WriteNumberValue(unchecked((ulong)_bits));
                break;
            case TelemetryValueKind.Single:
                writer.WriteNumberValue(SingleValue);
                break;
            default:
                writer.WriteNumberValue(DoubleValue);
                break;
        }
    }

    /// <summary>
    /// Returns this value as compact JSON text, for example <c>"text"</c>, <c>1.5</c> or <c>{"a":[1,2]}</c>.
    /// </summary>
    public override string ToString() =>
        TelemetryJson.WriteToString(this, static (writer, value) => value.WriteTo(writer));

    /// <summary>
    /// Compares kind and content. See the remarks on <see cref="TelemetryValue"/> for the rules.
    /// </summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns><see langword="true"/> when both values have the same kind and equal content.</returns>
    public bool Equals(TelemetryValue other)
    {
        TelemetryValueKind kind = Kind;
        if (kind != other.Kind)
        {
            return false;
        }

        switch (kind)
        {
            case TelemetryValueKind.Null:
                return true;
            case TelemetryValueKind.String:
                return string.Equals((string)_reference!, (string)other._reference!, StringComparison.Ordinal);
            case TelemetryValueKind.Single:
            case TelemetryValueKind.Double:
                // Compare numerically, so that 0.0 equals -0.0. NaN is never stored.
                return DoubleValue == other.DoubleValue;
            case TelemetryValueKind.Decimal:
                return (decimal)_reference! == (decimal)other._reference!;
            case TelemetryValueKind.Array:
                return ArrayEquals((TelemetryValue[])_reference!, (TelemetryValue[])other._reference!);
            case TelemetryValueKind.Object:
                return ((TelemetryProperties)_reference!).MembersEqual((TelemetryProperties)other._reference!);
            default:
                return _bits == other._bits;
        }
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TelemetryValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        TelemetryValueKind kind = Kind;
        int contentHash;
        switch (kind)
        {
            case TelemetryValueKind.Null:
                contentHash = 0;
                break;
            case TelemetryValueKind.String:
                contentHash = StringComparer.Ordinal.GetHashCode((string)_reference!);
                break;
            case TelemetryValueKind.Single:
            case TelemetryValueKind.Double:
                // 0.0 and -0.0 are equal, so both must hash alike.
                double number = DoubleValue;
                contentHash = number == 0 ? 0 : number.GetHashCode();
                break;
            case TelemetryValueKind.Decimal:
                contentHash = ((decimal)_reference!).GetHashCode();
                break;
            case TelemetryValueKind.Array:
                contentHash = ArrayHashCode((TelemetryValue[])_reference!);
                break;
            case TelemetryValueKind.Object:
                contentHash = ((TelemetryProperties)_reference!).MembersHashCode();
                break;
            default:
                contentHash = _bits.GetHashCode();
                break;
        }

        return CombineHashCodes((int)kind, contentHash);
    }

    /// <summary>Compares two values with <see cref="Equals(TelemetryValue)"/>.</summary>
    public static bool operator ==(TelemetryValue left, TelemetryValue right) => left.Equals(right);

    /// <summary>Compares two values with <see cref="Equals(TelemetryValue)"/> and negates the result.</summary>
    public static bool operator !=(TelemetryValue left, TelemetryValue right) => !left.Equals(right);

    internal static int CombineHashCodes(int first, int second) => unchecked((first * -1521134295) + second);

    private static bool ArrayEquals(TelemetryValue[] left, TelemetryValue[] right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (int i = 0; i < left.Length; i++)
        {
            if (!left[i].Equals(right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int ArrayHashCode(TelemetryValue[] items)
    {
        int hash = items.Length;
        foreach (TelemetryValue item in items)
        {
            hash = CombineHashCodes(hash, item.GetHashCode());
        }

        return hash;
    }

    // Marks the kind of a value whose payload lives in _bits. One shared instance exists per kind.
    private sealed class KindTag
    {
        internal static readonly KindTag Boolean = new(TelemetryValueKind.Boolean);
        internal static readonly KindTag Integer = new(TelemetryValueKind.Integer);
        internal static readonly KindTag UnsignedInteger = new(TelemetryValueKind.UnsignedInteger);
        internal static readonly KindTag Single = new(TelemetryValueKind.Single);
        internal static readonly KindTag Double = new(TelemetryValueKind.Double);

        private KindTag(TelemetryValueKind kind)
        {
            Kind = kind;
        }

        internal TelemetryValueKind Kind { get; }
    }
}
