namespace Telemetry.Generators.Benchmarks;

/// <summary>
/// Events as an application declares them; the generator writes their bodies.
/// </summary>
public static partial class BenchmarkEvents
{
    [TelemetryEvent("Training Started")]
    public static partial void TrainingStarted(string modelType, bool isFinetuning, int numStorySteps);
}
