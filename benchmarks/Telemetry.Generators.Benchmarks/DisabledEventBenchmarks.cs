using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace Telemetry.Generators.Benchmarks;

/// <summary>
/// The cost of an event call when telemetry is off, against a call to an empty method with the same arguments.
/// </summary>
[MemoryDiagnoser]
public class DisabledEventBenchmarks
{
    private TelemetryClient? previous;

    [GlobalSetup]
    public void Setup()
    {
        previous = TelemetryClient.Default;
        TelemetryClient.Default = new TelemetryClient(new TelemetryOptions { Enabled = false, AppName = "bench" });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (previous is not null)
        {
            TelemetryClient.Default = previous;
        }
    }

    [Benchmark(Baseline = true)]
    public void EmptyMethod() => Empty("rasa", false, 12);

    [Benchmark]
    public void GeneratedEventDisabled() => BenchmarkEvents.TrainingStarted("rasa", false, 12);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Empty(string modelType, bool isFinetuning, int numStorySteps)
    {
    }
}
