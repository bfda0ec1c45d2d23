using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Telemetry.Generators.Benchmarks;

/// <summary>
/// Capturing an event's properties and writing them as JSON: the generated, reflection-free path against the usual
/// hand-written one, a <c>Dictionary&lt;string, object&gt;</c> given to <see cref="JsonSerializer"/>.
/// </summary>
[MemoryDiagnoser]
public class PayloadBenchmarks
{
    private static readonly string[] Channels = { "rest", "socketio" };

    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private Utf8JsonWriter writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        writer = new Utf8JsonWriter(buffer);
    }

    [Benchmark(Baseline = true)]
    public int DictionaryWithJsonSerializer()
    {
        var properties = new Dictionary<string, object?>
        {
            ["input_channels"] = Channels,
            ["api_enabled"] = true,
            ["number_of_workers"] = 4,
            ["endpoints_nlg"] = null,
        };

        buffer.Clear();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, properties);
        return buffer.WrittenCount;
    }

    [Benchmark]
    public int TelemetryPropertiesWithWriter()
    {
        var properties = new TelemetryProperties(4);
        properties.Add("input_channels", TelemetryValue.FromSequence(Channels, item => TelemetryValue.From(item)));
        properties.Add("api_enabled", TelemetryValue.From(true));
        properties.Add("number_of_workers", TelemetryValue.From(4));
        properties.Add("endpoints_nlg", TelemetryValue.From((string?)null));

        buffer.Clear();
        writer.Reset(buffer);
        properties.WriteTo(writer);
        writer.Flush();
        return buffer.WrittenCount;
    }
}
