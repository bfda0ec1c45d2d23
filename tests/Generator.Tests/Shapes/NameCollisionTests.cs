using System.Collections.Generic;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Shapes;

/// <summary>
/// User types and parameters whose names match names that generated code uses, which generated code must not bind to.
/// </summary>
[Collection(DefaultClientCollection.Name)]
public sealed class NameCollisionTests
{
    private const string LookalikeTypesSource = """
        using System.Collections.Generic;

        namespace MyApp
        {
            public class Telemetry
            {
            }

            public class Dictionary
            {
            }

            public class TelemetryValue
            {
            }

            public class TelemetryProperties
            {
            }

            public class TelemetryClient
            {
            }

            public class GeneratedCodeAttribute : global::System.Attribute
            {
            }

            public static partial class Events
            {
                [global::Telemetry.Generators.TelemetryEvent("Lookalikes Ignored")]
                public static partial void LookalikesIgnored(Dictionary<string, int> counts, string name);

                public static void Run() => LookalikesIgnored(new Dictionary<string, int> { ["a"] = 1 }, "x");
            }
        }
        """;

    private const string SystemNamespaceSource = """
        using Telemetry.Generators;

        namespace MyApp.System
        {
            public class Guid
            {
            }

            public class Nullable
            {
            }

            public class String
            {
            }
        }

        namespace MyApp
        {
            public static partial class Events
            {
                [TelemetryEvent("System Shadowed")]
                public static partial void SystemShadowed(global::System.Guid id, int? count, string name);

                public static void Run() =>
                    SystemShadowed(new global::System.Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff"), 3, "n");
            }
        }
        """;

    private const string SystemClassSource = """
        using Telemetry.Generators;

        namespace MyApp.Other
        {
            public class System
            {
            }

            public static partial class Events
            {
                [TelemetryEvent("System Class Nearby")]
                public static partial void SystemClassNearby(global::System.DateTime when, global::System.Uri link);

                public static void Run() => SystemClassNearby(
                    new global::System.DateTime(2024, 5, 6, 7, 8, 9, 123, global::System.DateTimeKind.Utc),
                    new global::System.Uri("https://example.com/docs"));
            }
        }
        """;

    private const string LocalNameSource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Locals Shadowed")]
            public static partial void LocalsShadowed(string client, int properties, bool value, string item);
        }
        """;

    private const string GeneratedNameSource = """
        using System.Collections.Generic;
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Generated Names Taken")]
            public static partial void GeneratedNamesTaken(
                int __client,
                int __properties,
                List<string> __item0,
                List<List<int>> __exception);
        }
        """;

    [Fact]
    public void LookalikeTypes_MatchSnapshot() => Snapshot.Verify(GeneratorHarness.Run(LookalikeTypesSource));

    [Fact]
    public void LookalikeTypes_SendProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(LookalikeTypesSource);

        assembly.InvokeStatic("MyApp.Events", "Run");

        var item = recorder.FlushSingleItem();
        Assert.Equal("Lookalikes Ignored", item.Event);
        Assert.Equal("""{"counts":{"a":1},"name":"x"}""", item.Properties.ToString());
    }

    [Fact]
    public void SystemNamespace_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(SystemNamespaceSource));

    [Fact]
    public void SystemNamespace_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(SystemNamespaceSource);

        assembly.InvokeStatic("MyApp.Events", "Run");

        var item = recorder.FlushSingleItem();
        Assert.Equal(
            """{"id":"6f9619ff-8b86-d011-b42d-00cf4fc964ff","count":3,"name":"n"}""",
            item.Properties.ToString());
    }

    [Fact]
    public void SystemClass_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(SystemClassSource));

    [Fact]
    public void SystemClass_SendsProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(SystemClassSource);

        assembly.InvokeStatic("MyApp.Other.Events", "Run");

        var item = recorder.FlushSingleItem();
        Assert.Equal(
            """{"when":"2024-05-06T07:08:09.123Z","link":"https://example.com/docs"}""",
            item.Properties.ToString());
    }

    [Fact]
    public void ParametersNamedLikeLocals_MatchSnapshot() => Snapshot.Verify(GeneratorHarness.Run(LocalNameSource));

    [Fact]
    public void ParametersNamedLikeLocals_SendProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(LocalNameSource);

        assembly.InvokeStatic("MyApp.Events", "LocalsShadowed", "cli", 2, true, "i");

        var item = recorder.FlushSingleItem();
        Assert.Equal("""{"client":"cli","properties":2,"value":true,"item":"i"}""", item.Properties.ToString());
    }

    [Fact]
    public void ParametersNamedLikeGeneratedLocals_MatchSnapshot() =>
        Snapshot.Verify(GeneratorHarness.Run(GeneratedNameSource));

    [Fact]
    public void ParametersNamedLikeGeneratedLocals_SendProperties()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(GeneratedNameSource);
        var nested = new List<List<int>> { new() { 1, 2 }, new() { 3 } };

        assembly.InvokeStatic("MyApp.Events", "GeneratedNamesTaken", 1, 2, new List<string> { "a" }, nested);

        var item = recorder.FlushSingleItem();
        Assert.Equal(
            """{"client":1,"properties":2,"item0":["a"],"exception":[[1,2],[3]]}""",
            item.Properties.ToString());
    }
}
