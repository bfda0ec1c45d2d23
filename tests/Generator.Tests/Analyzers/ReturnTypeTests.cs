using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0002: an event method returns something other than void.
/// </summary>
public sealed class ReturnTypeTests
{
    [Fact]
    public void IntReturn_ReportedOnReturnType()
    {
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Counted")]
                public static partial {|TEL0002:int|} ModelCounted(int count);
            }
            """);

        Assert.Equal(
            "Event method 'ModelCounted' returns 'int'; declare it to return void, because the generated body returns "
                + "nothing",
            AnalyzerVerifier.Message(run.Single("TEL0002")));
    }

    [Theory]
    [InlineData("Task")]
    [InlineData("ValueTask")]
    [InlineData("Task<bool>")]
    public void TaskReturn_SuggestsVoid(string returnType)
    {
        var run = AnalyzerVerifier.Verify($$"""
            public static partial class Events
            {
                [TelemetryEvent("Model Saved")]
                public static partial {|TEL0002:{{returnType}}|} ModelSaved(int count);
            }
            """);

        Assert.Equal(
            $"Event method 'ModelSaved' returns '{returnType}'; declare it to return void, because the generated body "
                + "returns nothing",
            AnalyzerVerifier.Message(run.Single("TEL0002")));
    }

    [Fact]
    public void RefReturn_ReportedWithMissingImplementation()
    {
        // No body can return a reference without storage, so the generator writes none and CS8795 follows.
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Saved")]
                public static partial {|TEL0002:ref int|} {|CS8795:ModelSaved|}(int count);
            }
            """);
    }

    [Fact]
    public void UnresolvedReturnType_LeftToCompiler()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Saved")]
                public static partial {|CS0246:Missing|} {|CS8795:ModelSaved|}(int count);
            }
            """);
    }

    [Fact]
    public void VoidReturn_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Saved")]
                public static partial void ModelSaved(int count);
            }
            """);
    }
}
