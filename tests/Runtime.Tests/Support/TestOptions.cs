using System.Reflection;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// Options with a fixed clock, sequential message ids and fixed app and anonymous ids.
/// </summary>
internal static class TestOptions
{
    public static TelemetryOptions Create(ITelemetrySink? sink, ManualTimeProvider? clock = null) => new()
    {
        Sink = sink,
        AnonymousId = "anon-1",
        AppName = "TrainingCli",
        AppVersion = "2.1.0",
        TimeProvider = clock ?? new ManualTimeProvider(SampleItems.TrackedAt),
        MessageIdGenerator = new SequentialGuids().Next,
    };

    /// <summary>
    /// Options with no sink and no write key from any source: a unique environment prefix that no variable uses,
    /// and an entry assembly without write key metadata.
    /// </summary>
    public static TelemetryOptions CreateWithoutWriteKey()
    {
        TelemetryOptions options = Create(sink: null);
        options.EnvironmentPrefix = UniqueEnvironmentPrefix();
        options.EntryAssembly = typeof(object).Assembly;
        return options;
    }

    /// <summary>Returns a prefix such as RUNTIME_TESTS_3F2504E04F8941D3, unique to one test.</summary>
    public static string UniqueEnvironmentPrefix() =>
        "RUNTIME_TESTS_" + System.Guid.NewGuid().ToString("N").Substring(0, 16).ToUpperInvariant();

    public static Assembly TestAssembly => typeof(TestOptions).Assembly;
}
