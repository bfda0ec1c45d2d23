using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0003: a parameter's type cannot be written as JSON.
/// </summary>
/// <remarks>
/// The reason in the message comes from the value classifier, so these tests assert only the fixed parts around it.
/// </remarks>
public sealed class UnsupportedParameterTypeTests
{
    private const string SupportedTypesSentence = ". Supported types are string, bool, char, numbers, enums, Guid, "
        + "DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, Uri, Version, nullable values of these, arrays, "
        + "IEnumerable<T>, "
        + "dictionaries with string keys, and classes, structs and records whose public properties are all supported.";

    [Theory]
    [InlineData("object")]
    [InlineData("System.Action")]
    [InlineData("System.IO.Stream")]
    [InlineData("System.Threading.Tasks.Task")]
    [InlineData("System.Exception")]
    [InlineData("dynamic")]
    [InlineData("Dictionary<int, string>")]
    [InlineData("List<object>")]
    [InlineData("System.Action[]")]
    public void UnsupportedType_ReportedOnType(string type)
    {
        AnalyzerVerifier.Verify($$"""
            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded({|TEL0003:{{type}}|} value, int count);
            }
            """);
    }

    [Fact]
    public void UnsupportedType_MessageNamesParameterAndType()
    {
        var run = AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded({|TEL0003:object|} payload);
            }
            """);

        var message = AnalyzerVerifier.Message(run.Single("TEL0003"));
        Assert.StartsWith("Parameter 'payload' has type 'object', which cannot be sent as a property: ", message);
        Assert.EndsWith(SupportedTypesSentence, message);
    }

    [Fact]
    public void UnconstrainedTypeParameter_Reported()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Value Seen")]
                public static partial void ValueSeen<T>({|TEL0003:T|} value);
            }
            """);
    }

    [Fact]
    public void EachUnsupportedParameter_ReportedOnce()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Values Seen")]
                public static partial void ValuesSeen({|TEL0003:object|} first, string name, {|TEL0003:Action|} second);
            }
            """);
    }

    [Fact]
    public void UnresolvedType_LeftToCompiler()
    {
        // The generator cannot redeclare a signature with an unresolved type, so CS8795 follows the compiler's error.
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Value Seen")]
                public static partial void {|CS8795:ValueSeen|}({|CS0246:MissingType|} value);
            }
            """);
    }

    [Fact]
    public void ClientParameter_NeverAProperty()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(TelemetryClient client, int count);
            }
            """);
    }

    [Fact]
    public void SupportedTypes_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public enum ModelKind
            {
                Core,
                NluOnly,
            }

            public static partial class Events
            {
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(
                    string name,
                    int? count,
                    ModelKind kind,
                    Guid id,
                    DateTimeOffset at,
                    TimeSpan duration,
                    Uri? source,
                    IReadOnlyList<string> tags,
                    double[] scores,
                    Dictionary<string, int> counts);
            }
            """);
    }
}
