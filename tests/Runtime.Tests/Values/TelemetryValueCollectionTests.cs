using System;
using System.Collections.Generic;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Values;

public sealed class TelemetryValueCollectionTests
{
    [Fact]
    public void FromSequence_WritesArrayInOrder()
    {
        TelemetryValue value = TelemetryValue.FromSequence(new[] { "a", null, "c" }, TelemetryValue.From);

        Assert.Equal(TelemetryValueKind.Array, value.Kind);
        Assert.Equal("[\"a\",null,\"c\"]", value.ToString());
    }

    [Fact]
    public void FromSequence_EnumeratesLazySequenceOnce()
    {
        int enumerations = 0;
        IEnumerable<int> Numbers()
        {
            enumerations++;
            yield return 1;
            yield return 2;
        }

        TelemetryValue value = TelemetryValue.FromSequence(Numbers(), TelemetryValue.From);

        Assert.Equal("[1,2]", value.ToString());
        Assert.Equal(1, enumerations);
    }

    [Fact]
    public void FromSequence_NestedSequences()
    {
        var rows = new List<int[]> { new[] { 1, 2 }, Array.Empty<int>(), new[] { 3 } };

        TelemetryValue value = TelemetryValue.FromSequence(
            rows,
            row => TelemetryValue.FromSequence(row, TelemetryValue.From));

        Assert.Equal("[[1,2],[],[3]]", value.ToString());
    }

    [Fact]
    public void FromSequence_NullItemsIsNull()
    {
        TelemetryValue value = TelemetryValue.FromSequence((int[]?)null, TelemetryValue.From);

        Assert.Equal(TelemetryValueKind.Null, value.Kind);
    }

    [Fact]
    public void FromSequence_NullConvertThrows()
    {
        var exception = Assert.Throws<ArgumentNullException>(
            () => TelemetryValue.FromSequence(new[] { 1 }, null!));

        Assert.Equal("convert", exception.ParamName);
    }

    [Fact]
    public void FromSequence_NullableElements()
    {
        int?[] items = { 1, null, 3 };

        TelemetryValue value = TelemetryValue.FromSequence(
            items,
            item => item.HasValue ? TelemetryValue.From(item.GetValueOrDefault()) : TelemetryValue.Null);

        Assert.Equal("[1,null,3]", value.ToString());
    }

    [Fact]
    public void FromDictionary_WritesObjectInEnumerationOrder()
    {
        var entries = new List<KeyValuePair<string, int>>
        {
            new("zeta", 1),
            new("alpha", 2),
            new("mid", 3),
        };

        TelemetryValue value = TelemetryValue.FromDictionary(entries, TelemetryValue.From);

        Assert.Equal(TelemetryValueKind.Object, value.Kind);
        Assert.Equal("{\"zeta\":1,\"alpha\":2,\"mid\":3}", value.ToString());
    }

    [Fact]
    public void FromDictionary_SkipsNullKeys()
    {
        var entries = new List<KeyValuePair<string, int>>
        {
            new("a", 1),
            new(null!, 2),
            new("b", 3),
        };

        TelemetryValue value = TelemetryValue.FromDictionary(entries, TelemetryValue.From);

        Assert.Equal("{\"a\":1,\"b\":3}", value.ToString());
    }

    [Fact]
    public void FromDictionary_RepeatedKeyReplacesInPlace()
    {
        var entries = new List<KeyValuePair<string, int>>
        {
            new("a", 1),
            new("b", 2),
            new("a", 3),
        };

        TelemetryValue value = TelemetryValue.FromDictionary(entries, TelemetryValue.From);

        Assert.Equal("{\"a\":3,\"b\":2}", value.ToString());
    }

    [Fact]
    public void FromDictionary_NestedValues()
    {
        var counts = new Dictionary<string, Dictionary<string, string[]>>
        {
            ["outer"] = new() { ["inner"] = new[] { "x", "y" } },
            ["empty"] = new(),
        };

        TelemetryValue value = TelemetryValue.FromDictionary(
            counts,
            inner => TelemetryValue.FromDictionary(
                inner,
                items => TelemetryValue.FromSequence(items, TelemetryValue.From)));

        Assert.Equal("{\"outer\":{\"inner\":[\"x\",\"y\"]},\"empty\":{}}", value.ToString());
    }

    [Fact]
    public void FromDictionary_EscapesKeys()
    {
        var entries = new Dictionary<string, bool> { ["a\"b"] = true, ["ключ"] = false };

        TelemetryValue value = TelemetryValue.FromDictionary(entries, TelemetryValue.From);

        Assert.Equal("{\"a\\u0022b\":true,\"ключ\":false}", value.ToString());
    }

    [Fact]
    public void FromDictionary_NullEntriesIsNull()
    {
        TelemetryValue value = TelemetryValue.FromDictionary((Dictionary<string, int>?)null, TelemetryValue.From);

        Assert.Equal(TelemetryValueKind.Null, value.Kind);
    }

    [Fact]
    public void FromDictionary_NullConvertThrows()
    {
        var exception = Assert.Throws<ArgumentNullException>(
            () => TelemetryValue.FromDictionary(new Dictionary<string, int>(), null!));

        Assert.Equal("convert", exception.ParamName);
    }

    [Fact]
    public void FromObject_CapturesCopy()
    {
        var members = new TelemetryProperties();
        members.Add("a", TelemetryValue.From(1));

        TelemetryValue value = TelemetryValue.FromObject(members);
        members.Add("a", TelemetryValue.From(2));
        members.Add("b", TelemetryValue.From(3));

        Assert.Equal("{\"a\":1}", value.ToString());
    }

    [Fact]
    public void FromObject_NullIsNull()
    {
        Assert.Equal(TelemetryValueKind.Null, TelemetryValue.FromObject(null).Kind);
    }
}
