using System;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0011: two parameters map to the same property key after the naming policy and renames.
/// </summary>
public sealed class DuplicateKeyTests
{
    [Fact]
    public void SameKeyAfterNaming_ReportedOnSecond()
    {
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType, string {|TEL0011:model_type|});
            }
            """);

        Assert.Equal(
            "Parameter 'model_type' sends the property key 'model_type', which parameter 'modelType' already sends; "
                + "give one of them another key with [TelemetryProperty(\"...\")]",
            AnalyzerVerifier.Message(run.Single("TEL0011")));
    }

    [Fact]
    public void RenameToTakenKey_ReportedOnRenamed()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    int userId,
                    [TelemetryProperty("user_id")] int {|TEL0011:other|});
            }
            """);
    }

    [Fact]
    public void ThirdParameter_ReportedAgainstFirst()
    {
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    [TelemetryProperty("type")] string kind,
                    [TelemetryProperty("type")] string {|TEL0011:flavor|},
                    [TelemetryProperty("type")] string {|TEL0011:variant|});
            }
            """);

        Assert.All(
            run.Reported,
            diagnostic => Assert.Contains("parameter 'kind'", AnalyzerVerifier.Message(diagnostic)));
    }

    [Fact]
    public void NamingPolicy_DecidesCollision()
    {
        const string Source = """
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(string modelType, string {|TEL0011:ModelType|});
            }
            """;

        AnalyzerVerifier.Verify(AnalyzerVerifier.WithNaming("KebabCase"), Source);
        AnalyzerVerifier.Verify(
            AnalyzerVerifier.WithNaming("AsDeclared"),
            Source.Replace("{|TEL0011:ModelType|}", "ModelType", StringComparison.Ordinal));
    }

    [Fact]
    public void ClientParameter_HasNoKey()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    TelemetryClient client,
                    [TelemetryProperty("client")] int count);
            }
            """);
    }

    [Fact]
    public void DistinctKeys_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(
                    string modelType,
                    [TelemetryProperty("raw_model_type")] string model_type);
            }
            """);
    }
}
