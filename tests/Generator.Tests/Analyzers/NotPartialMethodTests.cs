using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0005: an event method is not a partial definition without a body.
/// </summary>
public sealed class NotPartialMethodTests
{
    [Fact]
    public void MissingPartialWithBody_ReportedOnIdentifier()
    {
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static void {|TEL0005:TrainingStarted|}(int count)
                {
                }
            }
            """);

        Assert.Equal(
            "Event method 'TrainingStarted' must be a 'partial' method of a type, declared with no body, so that the "
                + "generator can write its body",
            AnalyzerVerifier.Message(run.Single("TEL0005")));
    }

    [Fact]
    public void MissingPartialWithoutBody_ReportedWithCompilerError()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static void {|TEL0005,CS0501:TrainingStarted|}(int count);
            }
            """);
    }

    [Fact]
    public void PartialWithBodyOnly_Reported()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void {|TEL0005,CS0759:TrainingStarted|}(int count)
                {
                }

                [TelemetryEvent("Training Completed")]
                public static partial void {|TEL0005,CS0759:TrainingCompleted|}(int count) => Console.WriteLine(count);
            }
            """);
    }

    [Fact]
    public void UserWrittenImplementation_ReportedOnImplementation()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(int count);

                public static partial void {|TEL0005:TrainingStarted|}(int count)
                {
                }
            }
            """);
    }

    [Fact]
    public void AttributeOnImplementation_ReportedOnImplementation()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                public static partial void TrainingStarted(int count);

                [TelemetryEvent("Training Started")]
                public static partial void {|TEL0005:TrainingStarted|}(int count)
                {
                }
            }
            """);
    }

    [Fact]
    public void AbstractMethod_Reported()
    {
        AnalyzerVerifier.Verify("""
            public abstract partial class Session
            {
                [TelemetryEvent("Session Started")]
                public abstract void {|TEL0005:SessionStarted|}(int count);
            }
            """);
    }

    [Fact]
    public void InterfaceMethod_Reported()
    {
        AnalyzerVerifier.Verify("""
            public partial interface ISession
            {
                [TelemetryEvent("Session Started")]
                void {|TEL0005:SessionStarted|}(int count);
            }
            """);
    }

    [Fact]
    public void PropertyAccessor_Reported()
    {
        var run = AnalyzerVerifier.Verify("""
            public partial class Session
            {
                public int Count { [TelemetryEvent("Count Read")] {|TEL0005:get|}; set; }
            }
            """);

        Assert.Equal(
            "Event method 'Session.Count.get' must be a 'partial' method of a type, declared with no body, so that "
                + "the generator can write its body",
            AnalyzerVerifier.Message(run.Single("TEL0005")));
    }

    [Fact]
    public void LocalFunction_Reported()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                public static void Run()
                {
                    [TelemetryEvent("Local Event")]
                    static void {|TEL0005:LocalEvent|}(int count)
                    {
                    }

                    LocalEvent(1);
                }
            }
            """);
    }

    [Fact]
    public void PartialDefinition_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Training Started")]
                public static partial void TrainingStarted(int count);
            }

            public partial interface ISession
            {
                [TelemetryEvent("Session Started")]
                static partial void SessionStarted(int count);
            }
            """);
    }
}
