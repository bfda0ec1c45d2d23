using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;

namespace Telemetry.Generators;

/// <summary>
/// Ordered collection of named <see cref="TelemetryValue"/>s, written as one JSON object such as the
/// <c>properties</c> or <c>context</c> of a track item.
/// </summary>
/// <remarks>
/// Keys compare ordinally and keep their insertion order. The collection is not thread-safe for writes.
/// Concurrent reads are safe while no thread adds entries. Once an instance is passed to
/// <see cref="TelemetryClient.Track(string, TelemetryProperties?)"/>, the client keeps a reference to it until it
/// is sent, so do not change it after that call.
/// </remarks>
public sealed class TelemetryProperties : IReadOnlyList<KeyValuePair<string, TelemetryValue>>
{
    // Above this count, a dictionary from key to position replaces the linear key search in Add and TryGetValue.
    private const int IndexThreshold = 8;

    private readonly List<KeyValuePair<string, TelemetryValue>> _entries;
    private Dictionary<string, int>? _positions;

    /// <summary>
    /// Initializes an empty collection.
    /// </summary>
    public TelemetryProperties()
    {
        _entries = new List<KeyValuePair<string, TelemetryValue>>();
    }

    /// <summary>
    /// Initializes an empty collection with room for <paramref name="capacity"/> entries.
    /// </summary>
    /// <param name="capacity">The number of entries to reserve room for.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public TelemetryProperties(int capacity)
    {
        if (capacity < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(capacity),
                capacity,
                "The capacity must be zero or greater.");
        }

        _entries = new List<KeyValuePair<string, TelemetryValue>>(capacity);
    }

    /// <summary>
    /// Number of entries.
    /// </summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Entry at <paramref name="index"/> in insertion order.
    /// </summary>
    /// <param name="index">The zero-based position.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the collection.</exception>
    public KeyValuePair<string, TelemetryValue> this[int index] => _entries[index];

    /// <summary>
    /// Adds an entry at the end, or replaces the value of an existing entry with the same key in its position.
    /// </summary>
    /// <param name="key">The property key. An empty key is allowed.</param>
    /// <param name="value">The value to store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public void Add(string key, TelemetryValue value)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        int position = IndexOf(key);
        if (position >= 0)
        {
            _entries[position] = new KeyValuePair<string, TelemetryValue>(key, value);
            return;
        }

        _entries.Add(new KeyValuePair<string, TelemetryValue>(key, value));
        if (_positions is not null)
        {
            _positions.Add(key, _entries.Count - 1);
        }
        else if (_entries.Count > IndexThreshold)
        {
            BuildPositions();
        }
    }

    /// <summary>
    /// Looks up the value stored under <paramref name="key"/>.
    /// </summary>
    /// <param name="key">The property key.</param>
    /// <param name="value">The stored value, or <see cref="TelemetryValue.Null"/> when the key is missing.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool TryGetValue(string key, out TelemetryValue value)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        int position = IndexOf(key);
        value = position >= 0 ? _entries[position].Value : TelemetryValue.Null;
        return position >= 0;
    }

    /// <summary>
    /// Writes the entries as one JSON object, in insertion order.
    /// </summary>
    /// <param name="writer">The writer to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="InvalidOperationException">
    /// The writer rejects the object, for example because nesting exceeds its maximum depth.
    /// </exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStartObject();
        foreach (KeyValuePair<string, TelemetryValue> entry in _entries)
        {
            writer.WritePropertyName(entry.Key);
            entry.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Returns an enumerator over the entries in insertion order.
    /// </summary>
    public IEnumerator<KeyValuePair<string, TelemetryValue>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Returns the entries as compact JSON text, for example <c>{"model_type":"cnn","epochs":3}</c>.
    /// </summary>
    public override string ToString() =>
        TelemetryJson.WriteToString(this, static (writer, members) => members.WriteTo(writer));

    internal TelemetryProperties Copy()
    {
        var copy = new TelemetryProperties(_entries.Count);
        copy._entries.AddRange(_entries);
        if (_positions is not null)
        {
            copy._positions = new Dictionary<string, int>(_positions, StringComparer.Ordinal);
        }

        return copy;
    }

    internal bool MembersEqual(TelemetryProperties other)
    {
        if (_entries.Count != other._entries.Count)
        {
            return false;
        }

        for (int i = 0; i < _entries.Count; i++)
        {
            KeyValuePair<string, TelemetryValue> mine = _entries[i];
            KeyValuePair<string, TelemetryValue> theirs = other._entries[i];
            if (!string.Equals(mine.Key, theirs.Key, StringComparison.Ordinal) || !mine.Value.Equals(theirs.Value))
            {
                return false;
            }
        }

        return true;
    }

    internal int MembersHashCode()
    {
        int hash = _entries.Count;
        foreach (KeyValuePair<string, TelemetryValue> entry in _entries)
        {
            hash = TelemetryValue.CombineHashCodes(hash, StringComparer.Ordinal.GetHashCode(entry.Key));
            hash = TelemetryValue.CombineHashCodes(hash, entry.Value.GetHashCode());
        }

        return hash;
    }

    private int IndexOf(string key)
    {
        if (_positions is not null)
        {
            return _positions.TryGetValue(key, out int position) ? position : -1;
        }

        for (int i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void BuildPositions()
    {
        _positions = new Dictionary<string, int>(_entries.Count * 2, StringComparer.Ordinal);
        for (int i = 0; i < _entries.Count; i++)
        {
            _positions.Add(_entries[i].Key, i);
        }
    }
}
