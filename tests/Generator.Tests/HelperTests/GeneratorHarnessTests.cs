using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;
using Xunit.Sdk;

namespace Telemetry.Generators.SourceGeneration.Tests.HelperTests;

public sealed class GeneratorHarnessTests
{
    [Fact]
    public void ThrowIfGeneratorFailed_RethrowsGeneratorException()
    {
        var generator = new FakeGenerator((_, _) => throw new InvalidOperationException("generator bug"));

        var run = GeneratorHarness.Run(ProjectSettings.Default, generator, "class C {}");

        var exception = Assert.Throws<InvalidOperationException>(run.ThrowIfGeneratorFailed);
        Assert.Equal("generator bug", exception.Message);
        Assert.Contains(run.DriverDiagnostics, diagnostic => diagnostic.Id == "CS8785");
    }

    [Fact]
    public void BuildProperty_ReachesGeneratorAsGlobalOption()
    {
        var generator = new ReadNamingGenerator();
        var settings = ProjectSettings.Default.WithBuildProperty("TelemetryPropertyNaming", "KebabCase");

        var run = GeneratorHarness.Run(settings, generator, "class C {}");

        Assert.Equal("// KebabCase\n", run.GetGeneratedText("Naming.g.cs"));
    }

    [Fact]
    public void ParseOptions_ApplyToInputAndGeneratedTrees()
    {
        var settings = ProjectSettings.Default with
        {
            LanguageVersion = LanguageVersion.CSharp7_3,
            DocumentationMode = DocumentationMode.Diagnose,
        };
        var generator = new FakeGenerator((context, _) => context.AddSource("A.g.cs", "class A {}\n"));

        var run = GeneratorHarness.Run(settings, generator, "class C {}");

        Assert.All(run.OutputCompilation.SyntaxTrees, tree =>
        {
            var options = (CSharpParseOptions)tree.Options;
            Assert.Equal(LanguageVersion.CSharp7_3, options.LanguageVersion);
            Assert.Equal(DocumentationMode.Diagnose, options.DocumentationMode);
        });
        Assert.Equal(2, run.OutputCompilation.SyntaxTrees.Count());
    }

    [Fact]
    public void AssertCompilesCleanly_FailsOnWarningWithGeneratedText()
    {
        var generator = new FakeGenerator((context, _) =>
            context.AddSource("A.g.cs", "class A\n{\n    void M() { int unused; }\n}\n"));

        var run = GeneratorHarness.Run(ProjectSettings.Default, generator, "class C {}");

        var failure = Assert.Throws<XunitException>(() => run.AssertCompilesCleanly());
        Assert.Contains("CS0168 Error", failure.Message);
        Assert.Contains("// A.g.cs", failure.Message);
        Assert.Contains("   2:     void M() { int unused; }", failure.Message);
    }

    [Fact]
    public void AssertCompilesCleanly_FailsOnHighWarningLevelWarning()
    {
        // CS8981 (lower-case type name) is a warning of warning level 7, off unless the level is raised.
        var run = GeneratorHarness.Run(ProjectSettings.Default, new FakeGenerator((_, _) => { }), "class lower {}");

        var failure = Assert.Throws<XunitException>(() => run.AssertCompilesCleanly());
        Assert.Contains("CS8981", failure.Message);
    }

    [Fact]
    public void AssertCompilesCleanly_FailsOnMissingXmlDocsInDiagnoseMode()
    {
        var settings = ProjectSettings.Default with { DocumentationMode = DocumentationMode.Diagnose };

        var run = GeneratorHarness.Run(settings, new FakeGenerator((_, _) => { }), "public class Undocumented {}");

        var failure = Assert.Throws<XunitException>(() => run.AssertCompilesCleanly());
        Assert.Contains("CS1591", failure.Message);
    }

    [Fact]
    public void AssertCompilesCleanly_PassesOnCleanCode()
    {
        var run = GeneratorHarness.Run(ProjectSettings.Default, new FakeGenerator((_, _) => { }), "class C {}");

        run.AssertCompilesCleanly();
    }

    [Fact]
    public void AssertNoUnexpectedGeneratorDiagnostics_AllowsExpectedIds()
    {
        var rule = new DiagnosticDescriptor("TST0002", "t", "m", "c", DiagnosticSeverity.Info, true);
        var generator = new FakeGenerator((context, _) => context.ReportDiagnostic(Diagnostic.Create(rule, null)));

        var run = GeneratorHarness.Run(ProjectSettings.Default, generator, "class C {}");

        run.AssertNoUnexpectedGeneratorDiagnostics("TST0002");
        var failure = Assert.Throws<XunitException>(() => run.AssertNoUnexpectedGeneratorDiagnostics());
        Assert.Contains("TST0002 Info (no location): m", failure.Message);
    }

    private sealed class ReadNamingGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var naming = context.AnalyzerConfigOptionsProvider.Select((provider, _) =>
                provider.GlobalOptions.TryGetValue("build_property.TelemetryPropertyNaming", out var value)
                    ? value
                    : "(unset)");
            context.RegisterSourceOutput(naming, (output, value) => output.AddSource("Naming.g.cs", $"// {value}\n"));
        }
    }
}
