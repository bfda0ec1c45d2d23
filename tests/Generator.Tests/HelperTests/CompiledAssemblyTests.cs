using System;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.HelperTests;

public sealed class CompiledAssemblyTests
{
    private const string Source = """
        namespace Sample
        {
            public static class Entry
            {
                public static int Add(int left, int right) => left + right;

                public static void Fail() => throw new global::System.InvalidOperationException("from loaded code");

                public static global::System.Type ClientType() => typeof(global::Telemetry.Generators.TelemetryClient);
            }
        }
        """;

    [Fact]
    public void InvokeStatic_ReturnsResult()
    {
        using var assembly = Load();

        Assert.Equal(5, assembly.InvokeStatic("Sample.Entry", "Add", 2, 3));
    }

    [Fact]
    public void InvokeStatic_RethrowsInnerException()
    {
        using var assembly = Load();

        var exception = Assert.Throws<InvalidOperationException>(() => assembly.InvokeStatic("Sample.Entry", "Fail"));
        Assert.Equal("from loaded code", exception.Message);
    }

    [Fact]
    public void LoadedCode_SharesRuntimeAssembly()
    {
        using var assembly = Load();

        Assert.Same(typeof(TelemetryClient), assembly.InvokeStatic("Sample.Entry", "ClientType"));
    }

    private static CompiledAssembly Load()
    {
        var compilation = GeneratorHarness.CreateCompilation(ProjectSettings.Default, [Source]);
        return CompiledAssembly.Load(compilation);
    }
}
