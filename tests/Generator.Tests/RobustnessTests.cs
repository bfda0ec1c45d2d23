using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests;

/// <summary>
/// Half-typed and invalid code, as the IDE compiles it between keystrokes. The generator and the analyzers in its
/// assembly must not throw: a thrown exception becomes CS8785 (generator) or AD0001 (analyzer) in the user's build.
/// </summary>
public sealed class RobustnessTests
{
    private const string Header = """
        using System;
        using System.Collections.Generic;
        using Telemetry.Generators;

        namespace MyApp;

        """;

    /// <summary>Theory rows: a case name and the consumer source after <see cref="Header"/>.</summary>
    public static TheoryData<string, string> BrokenSources => new()
    {
        { "AttributeWithoutArgument", """
            public static partial class Events
            {
                [TelemetryEvent]
                public static partial void NoName(int count);
            }
            """ },
        { "NullEventName", """
            public static partial class Events
            {
                [TelemetryEvent(null)]
                public static partial void NullName(int count);
            }
            """ },
        { "NonConstantEventName", """
            public static partial class Events
            {
                private static string SomeField = "Dynamic";

                [TelemetryEvent(SomeField)]
                public static partial void DynamicName(int count);
            }
            """ },
        { "EmptyEventName", """
            public static partial class Events
            {
                [TelemetryEvent("")]
                public static partial void EmptyName(int count);
            }
            """ },
        { "ControlCharacterInEventName", """
            public static partial class Events
            {
                [TelemetryEvent("Line\nBreak")]
                public static partial void LineBreak(int count);
            }
            """ },
        { "ExtraAttributeArgument", """
            public static partial class Events
            {
                [TelemetryEvent("A", "B")]
                public static partial void TwoNames(int count);
            }
            """ },
        { "UnresolvedParameterType", """
            public static partial class Events
            {
                [TelemetryEvent("Unresolved")]
                public static partial void Unresolved(MissingType value, int count);
            }
            """ },
        { "SyntaxErrorInParameterList", """
            public static partial class Events
            {
                [TelemetryEvent("Broken Parameters")]
                public static partial void BrokenParameters(int count, string = );
            }
            """ },
        { "SyntaxErrorInType", """
            public static partial class Events
            {
                private int value = ;

                [TelemetryEvent("Broken Type")]
                public static partial void BrokenType(int count);

                void Half(
            }
            """ },
        { "SyntaxErrorInMethodBody", """
            public static partial class Events
            {
                [TelemetryEvent("Has Body")]
                public static partial void HasBody(int count) { var x = ; }
            }
            """ },
        { "NotPartialMethod", """
            public static partial class Events
            {
                [TelemetryEvent("Not Partial")]
                public static void NotPartial(int count)
                {
                }
            }
            """ },
        { "NotPartialType", """
            public static class Events
            {
                [TelemetryEvent("Type Not Partial")]
                public static partial void TypeNotPartial(int count);
            }
            """ },
        { "MissingClosingBrace", """
            public static partial class Events
            {
                [TelemetryEvent("Unclosed")]
                public static partial void Unclosed(int count);
            """ },
        { "UserWroteImplementation", """
            public static partial class Events
            {
                [TelemetryEvent("Implemented")]
                public static partial void Implemented(int count);

                public static partial void Implemented(int count)
                {
                }
            }
            """ },
        { "NonVoidReturn", """
            public static partial class Events
            {
                [TelemetryEvent("Returns Value")]
                public static partial int ReturnsValue(int count);
            }
            """ },
        { "OutRefAndParamsParameters", """
            public static partial class Events
            {
                [TelemetryEvent("Odd Parameters")]
                public static partial void OddParameters(out int result, ref int counter, params int[] rest);
            }
            """ },
        { "UnsupportedParameterTypes", """
            public static partial class Events
            {
                [TelemetryEvent("Unsupported")]
                public static partial void Unsupported(object any, dynamic late, (int, string) pair, Action callback);
            }
            """ },
        { "SelfReferentialSequence", """
            public sealed class Node : IEnumerable<Node>
            {
                public IEnumerator<Node> GetEnumerator() { yield return this; }

                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }

            public static partial class Events
            {
                [TelemetryEvent("Recursive")]
                public static partial void Recursive(
                    Node node,
                    List<List<List<List<List<List<List<List<List<List<int>>>>>>>>>> deep);
            }
            """ },
        { "GenericMethodParameter", """
            public static partial class Events
            {
                [TelemetryEvent("Generic")]
                public static partial void Generic<T>(T value);
            }
            """ },
        { "TwoClientParameters", """
            public static partial class Events
            {
                [TelemetryEvent("Two Clients")]
                public static partial void TwoClients(TelemetryClient first, TelemetryClient second, int count);
            }
            """ },
        { "InterfaceMember", """
            public partial interface IEvents
            {
                [TelemetryEvent("Interface")]
                static partial void InInterface(int count);
            }
            """ },
        { "LocalFunction", """
            public static partial class Events
            {
                public static void Run()
                {
                    [TelemetryEvent("Local")]
                    static partial void Local(int count);
                }
            }
            """ },
        { "PropertyAccessor", """
            public partial class Session
            {
                public int Count { [TelemetryEvent("Count Read")] get; set; }
            }
            """ },
        { "AbstractMethod", """
            public abstract partial class Session
            {
                [TelemetryEvent("Abstract")]
                public abstract void Started(int count);
            }
            """ },
        { "InterfaceMethodWithoutPartial", """
            public partial interface ISession
            {
                [TelemetryEvent("Interface Method")]
                void Started(int count);
            }
            """ },
        { "AttributeOnLambda", """
            public static partial class Events
            {
                public static Action<int> Handler = [TelemetryEvent("Lambda")] (int count) => { };
            }
            """ },
        { "TypeWithoutName", """
            public static partial class
            {
                [TelemetryEvent("Nameless")]
                public static partial void Nameless(int count);
            }
            """ },
        { "MethodWithoutName", """
            public static partial class Events
            {
                [TelemetryEvent("No Name")]
                public static partial void (int count);
            }
            """ },
        { "NestedInTypeWithSyntaxError", """
            public class Outer<
            {
                public static partial class Events
                {
                    [TelemetryEvent("Nested")]
                    public static partial void Nested(int count);
                }
            }
            """ },
        { "ReservedAndDuplicateNames", """
            public static partial class Events
            {
                public static int __TelemetryEnum0;

                [TelemetryEvent("Same")]
                public static partial void Same(int __TelemetryX, int __telemetry_x);

                [TelemetryEvent("Same")]
                public static partial void Same(string other);
            }
            """ },
        { "DuplicateDefinitions", """
            public static partial class Events
            {
                [TelemetryEvent("Duplicate")]
                public static partial void Duplicate(int count);

                [TelemetryEvent("Duplicate")]
                public static partial void Duplicate(int count);
            }
            """ },
        { "RenameWithoutKey", """
            public static partial class Events
            {
                [TelemetryEvent("Rename Without Key")]
                public static partial void RenameWithoutKey(
                    [TelemetryProperty] int count,
                    [TelemetryProperty(null)] int other);
            }
            """ },
        { "StatementInsideNamespace", """
            Events.Run();

            public static partial class Events
            {
                [TelemetryEvent("Top Level")]
                public static partial void TopLevel(int count);

                public static void Run() => TopLevel(1);
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void BrokenSource_GeneratorDoesNotThrow(string caseName, string source)
    {
        var run = GeneratorHarness.Run(Header + source);

        foreach (var result in run.Result.Results)
        {
            Assert.True(result.Exception is null, $"{caseName}: the generator threw {result.Exception}");
        }

        Assert.DoesNotContain(run.DriverDiagnostics, diagnostic => diagnostic.Id == "CS8785");
    }

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task BrokenSource_AnalyzersDoNotThrow(string caseName, string source)
    {
        var analyzers = FindAnalyzers();
        Assert.NotEmpty(analyzers);

        var run = GeneratorHarness.Run(Header + source);
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);

        var diagnostics = await run.OutputCompilation
            .WithAnalyzers(analyzers, options)
            .GetAllDiagnosticsAsync(CancellationToken.None);

        Assert.True(exceptions.Count == 0, $"{caseName}: analyzers threw:\n" + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
    }

    [Fact]
    public void NotPartialMethod_GeneratesNothing()
    {
        var run = GeneratorHarness.Run(Header + """
            public static partial class Events
            {
                [TelemetryEvent("Not Partial")]
                public static void NotPartial(int count)
                {
                }
            }
            """);

        run.ThrowIfGeneratorFailed();
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void NotPartialType_GeneratesNothing()
    {
        var run = GeneratorHarness.Run(Header + """
            public static class Events
            {
                [TelemetryEvent("Type Not Partial")]
                public static partial void TypeNotPartial(int count);
            }
            """);

        run.ThrowIfGeneratorFailed();
        Assert.Empty(run.GeneratedSources);
    }

    private static ImmutableArray<DiagnosticAnalyzer> FindAnalyzers() =>
        typeof(TelemetryEventGenerator).Assembly
            .GetTypes()
            .Where(type => !type.IsAbstract
                && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
}
