using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.HelperTests;

public sealed class SnapshotRendererTests
{
    private static readonly DiagnosticDescriptor SampleRule = new(
        "TST0001",
        "Sample",
        "Sample diagnostic on '{0}'",
        "Testing",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    [Fact]
    public void Render_OrdersSourcesByHintName()
    {
        var run = RunFakeGenerator((context, _) =>
        {
            context.AddSource("MyApp.Zeta.g.cs", "// zeta\n");
            context.AddSource("MyApp.Box`1.g.cs", "// box\n");
            context.AddSource("MyApp.Outer+Inner.g.cs", "// nested\n");
        });

        var files = SnapshotRenderer.Render(run.Result);

        Assert.Equal(["#MyApp.Box`1.g", "#MyApp.Outer+Inner.g", "#MyApp.Zeta.g"], files.Select(file => file.Qualifier));
        Assert.All(files, file => Assert.Equal("cs", file.Extension));
    }

    [Fact]
    public void Render_StartsWithHintNameLine()
    {
        var run = RunFakeGenerator((context, _) => context.AddSource("MyApp.Events.g.cs", "class Events {}\n"));

        var file = Assert.Single(SnapshotRenderer.Render(run.Result));

        Assert.Equal("//HintName: MyApp.Events.g.cs\nclass Events {}\n", file.Content);
        Assert.Equal("SampleTests.Method#MyApp.Events.g.verified.cs", file.VerifiedFileName("SampleTests.Method"));
    }

    [Fact]
    public void Render_NormalizesVersionAndLineEndings()
    {
        const string Source =
            "[global::System.CodeDom.Compiler.GeneratedCode(\"Telemetry.Generators\", \"1.2.3.4\")]\r\n" +
            "[global::System.CodeDom.Compiler.GeneratedCodeAttribute(\"Telemetry.Generators\", \"0.1.0+abc\")]\r\n" +
            "[global::System.CodeDom.Compiler.GeneratedCode(\"Other.Tool\", \"9.9.9\")]\r\n";
        var run = RunFakeGenerator((context, _) => context.AddSource("A.g.cs", Source));

        var file = Assert.Single(SnapshotRenderer.Render(run.Result));

        const string Expected =
            "//HintName: A.g.cs\n" +
            "[global::System.CodeDom.Compiler.GeneratedCode(\"Telemetry.Generators\", \"{version}\")]\n" +
            "[global::System.CodeDom.Compiler.GeneratedCodeAttribute(\"Telemetry.Generators\", \"{version}\")]\n" +
            "[global::System.CodeDom.Compiler.GeneratedCode(\"Other.Tool\", \"9.9.9\")]\n";
        Assert.Equal(Expected, file.Content);
    }

    [Fact]
    public void Render_ListsDiagnosticsSorted()
    {
        var run = RunFakeGenerator(
            (context, _) =>
            {
                context.ReportDiagnostic(Diagnostic.Create(SampleRule, Location.None, "second"));
                context.ReportDiagnostic(Diagnostic.Create(SampleRule, Location.None, "first"));
            },
            "class C {}");

        var file = Assert.Single(SnapshotRenderer.Render(run.Result));

        Assert.Equal("", file.Qualifier);
        Assert.Equal("txt", file.Extension);
        Assert.Equal(
            "TST0001 Info (no location): Sample diagnostic on 'first'\n" +
            "TST0001 Info (no location): Sample diagnostic on 'second'\n",
            file.Content);
    }

    [Fact]
    public void Render_FormatsZeroBasedSourceSpan()
    {
        var run = RunFakeGenerator(
            (context, compilation) =>
            {
                var tree = compilation.SyntaxTrees.Single();
                var span = new TextSpan(tree.ToString().IndexOf("Events", StringComparison.Ordinal), "Events".Length);
                context.ReportDiagnostic(Diagnostic.Create(SampleRule, Location.Create(tree, span), "Events"));
            },
            "namespace MyApp;\n\npublic class Events {}\n");

        var file = Assert.Single(SnapshotRenderer.Render(run.Result));

        Assert.Equal("TST0001 Info Input0.cs: (2,13)-(2,19): Sample diagnostic on 'Events'\n", file.Content);
    }

    private static GeneratorRun RunFakeGenerator(
        Action<SourceProductionContext, Compilation> execute,
        string source = "")
    {
        return GeneratorHarness.Run(ProjectSettings.Default, new FakeGenerator(execute), source);
    }
}
