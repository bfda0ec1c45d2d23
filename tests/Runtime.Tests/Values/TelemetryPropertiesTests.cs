using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Values;

public sealed class TelemetryPropertiesTests
{
    [Fact]
    public void Add_KeepsInsertionOrder()
    {
        var properties = new TelemetryProperties(3);
        properties.Add("model_type", TelemetryValue.From("cnn"));
        properties.Add("epochs", TelemetryValue.From(3));
        properties.Add("dropout", TelemetryValue.From(0.5));

        Assert.Equal(3, properties.Count);
        Assert.Equal(new[] { "model_type", "epochs", "dropout" }, properties.Select(entry => entry.Key));
        Assert.Equal("{\"model_type\":\"cnn\",\"epochs\":3,\"dropout\":0.5}", properties.ToString());
    }

    [Fact]
    public void Add_RepeatedKeyReplacesInPlace()
    {
        var properties = new TelemetryProperties();
        properties.Add("a", TelemetryValue.From(1));
        properties.Add("b", TelemetryValue.From(2));
        properties.Add("a", TelemetryValue.From(3));

        Assert.Equal(2, properties.Count);
        Assert.Equal("a", properties[0].Key);
        Assert.Equal(TelemetryValue.From(3), properties[0].Value);
        Assert.Equal("{\"a\":3,\"b\":2}", properties.ToString());
    }

    [Fact]
    public void Add_KeysAreCaseSensitive()
    {
        var properties = new TelemetryProperties();
        properties.Add("key", TelemetryValue.From(1));
        properties.Add("Key", TelemetryValue.From(2));

        Assert.Equal(2, properties.Count);
    }

    [Fact]
    public void Add_NullKeyThrows()
    {
        var properties = new TelemetryProperties();

        var exception = Assert.Throws<ArgumentNullException>(() => properties.Add(null!, TelemetryValue.From(1)));

        Assert.Equal("key", exception.ParamName);
        Assert.Empty(properties);
    }

    [Fact]
    public void Add_EmptyKeyIsAllowed()
    {
        var properties = new TelemetryProperties();
        properties.Add(string.Empty, TelemetryValue.From(1));

        Assert.Equal("{\"\":1}", properties.ToString());
    }

    [Fact]
    public void Add_ManyKeysReplaceAndLookUp()
    {
        // Past eight entries the collection switches to a dictionary index, so cover both sides of that switch.
        var properties = new TelemetryProperties();
        for (int i = 0; i < 20; i++)
        {
            properties.Add($"k{i}", TelemetryValue.From(i));
        }

        properties.Add("k3", TelemetryValue.From(300));
        properties.Add("k15", TelemetryValue.From(1500));
        properties.Add("k20", TelemetryValue.From(20));

        Assert.Equal(21, properties.Count);
        Assert.Equal("k3", properties[3].Key);
        Assert.Equal(TelemetryValue.From(300), properties[3].Value);
        Assert.Equal(TelemetryValue.From(1500), properties[15].Value);
        Assert.Equal("k20", properties[20].Key);
        Assert.True(properties.TryGetValue("k19", out TelemetryValue value));
        Assert.Equal(TelemetryValue.From(19), value);
        Assert.False(properties.TryGetValue("k21", out _));
    }

    [Fact]
    public void TryGetValue_FindsAndMisses()
    {
        var properties = new TelemetryProperties();
        properties.Add("a", TelemetryValue.From("x"));

        Assert.True(properties.TryGetValue("a", out TelemetryValue found));
        Assert.Equal("x", found.AsString());
        Assert.False(properties.TryGetValue("A", out TelemetryValue missing));
        Assert.Equal(TelemetryValueKind.Null, missing.Kind);
    }

    [Fact]
    public void TryGetValue_NullKeyThrows()
    {
        var properties = new TelemetryProperties();

        Assert.Throws<ArgumentNullException>(() => properties.TryGetValue(null!, out _));
    }

    [Fact]
    public void Constructor_NegativeCapacityThrows()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new TelemetryProperties(-1));

        Assert.Equal("capacity", exception.ParamName);
    }

    [Fact]
    public void Indexer_OutOfRangeThrows()
    {
        var properties = new TelemetryProperties();

        Assert.Throws<ArgumentOutOfRangeException>(() => properties[0]);
    }

    [Fact]
    public void Empty_WritesEmptyObject()
    {
        Assert.Equal("{}", new TelemetryProperties().ToString());
    }

    [Fact]
    public void Enumerator_ReturnsEntriesInOrder()
    {
        var properties = new TelemetryProperties();
        properties.Add("x", TelemetryValue.From(1));
        properties.Add("y", TelemetryValue.From(2));

        var entries = new List<KeyValuePair<string, TelemetryValue>>();
        foreach (KeyValuePair<string, TelemetryValue> entry in properties)
        {
            entries.Add(entry);
        }

        Assert.Equal(2, entries.Count);
        Assert.Equal(new KeyValuePair<string, TelemetryValue>("x", TelemetryValue.From(1)), entries[0]);
        Assert.Equal(new KeyValuePair<string, TelemetryValue>("y", TelemetryValue.From(2)), entries[1]);
    }
}
