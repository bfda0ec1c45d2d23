using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0001: an event method is <c>async</c> or returns an async iterator type.
/// </summary>
public sealed class AsyncEventMethodTests
{
    [Fact]
    public void AsyncKeyword_ReportedOnKeyword()
    {
        // The compiler adds CS1994, because a definition has no body to be async.
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static {|TEL0001:async|} partial void {|CS1994:TrainingStarted|}(int count);
            }
            """);

        Assert.Equal(
            "Event method 'TrainingStarted' is declared 'async'; an event is a fire-and-forget call, so declare it "
                + "'partial void' without 'async'",
            AnalyzerVerifier.Message(run.Single("TEL0001")));
    }

    [Fact]
    public void AsyncTask_ReportsNoReturnTypeError()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static {|TEL0001:async|} partial Task {|CS1994:TrainingStarted|}(int count);
            }
            """);
    }

    [Fact]
    public void AsyncMethodWithBody_ReportedWithPartialRule()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static {|TEL0001:async|} void {|TEL0005:TrainingStarted|}(int count)
                {
                    await Task.Yield();
                }
            }
            """);
    }

    [Fact]
    public void AsyncEnumerable_ReportedOnReturnType()
    {
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Steps Listed")]
                public static partial {|TEL0001:IAsyncEnumerable<int>|} StepsListed(int count);
            }
            """);

        Assert.Equal(
            "Event method 'StepsListed' returns the async iterator type 'IAsyncEnumerable<int>'; an event is a "
                + "fire-and-forget call, so declare it 'partial void' without 'async'",
            AnalyzerVerifier.Message(run.Single("TEL0001")));
    }

    [Fact]
    public void AsyncEnumerator_ReportedOnReturnType()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Steps Listed")]
                public static partial {|TEL0001:IAsyncEnumerator<string>|} StepsListed(int count);
            }
            """);
    }

    [Fact]
    public void AsyncIteratorWithBody_ReportedOnKeyword()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Steps Listed")]
                public static {|TEL0001:async|} IAsyncEnumerable<int> {|TEL0005:StepsListed|}(int count)
                {
                    await Task.Yield();
                    yield return count;
                }
            }
            """);
    }

    [Fact]
    public void VoidPartialMethod_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(int count);
            }
            """);
    }
}
