using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit.Sdk;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// Runs the generator and then every analyzer of the generator assembly over consumer source, as a build does.
/// </summary>
internal static class AnalyzerHarness
{
    /// <summary>Every analyzer the generator assembly ships, found the way the compiler finds them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = typeof(TelemetryEventGenerator).Assembly
        .GetTypes()
        .Where(type => !type.IsAbstract
            && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
            && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>
    /// Compiles <paramref name="sources"/> (named <c>Input0.cs</c>, <c>Input1.cs</c>, ...), runs the generator and
    /// then every analyzer on the output. <paramref name="configure"/> may change the compilation options first, for
    /// example to set diagnostic severities. Throws when a generator or an analyzer throws.
    /// </summary>
    public static AnalyzerRun Run(
        ProjectSettings settings,
        IEnumerable<string> sources,
        Func<CSharpCompilationOptions, CSharpCompilationOptions>? configure = null) =>
        Run(ConsumerProject.FromSources(settings, sources) with { ConfigureOptions = configure });

    /// <summary>
    /// Compiles <paramref name="project"/>, runs the telemetry generator and the project's other generators, and then
    /// every analyzer on the output. Throws when a generator or an analyzer throws.
    /// </summary>
    public static AnalyzerRun Run(ConsumerProject project)
    {
        var settings = project.Settings;
        var parseOptions = settings.CreateParseOptions();
        var trees = project.Files.Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, path: file.Path));
        var options = settings.CreateCompilationOptions().WithOutputKind(project.OutputKind);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            trees,
            TestReferences.All,
            project.ConfigureOptions is null ? options : project.ConfigureOptions(options));

        var driver = CSharpGeneratorDriver.Create(
            [new TelemetryEventGenerator().AsSourceGenerator(), .. project.OtherGenerators],
            additionalTexts: null,
            parseOptions: parseOptions,
            optionsProvider: new BuildPropertiesProvider(settings.BuildProperties));
        var generatorRun = GeneratorRun.Execute(driver, compilation);
        generatorRun.ThrowIfGeneratorFailed();

        var exceptions = new List<string>();
        var analyzerOptions = new AnalyzerOptions([], new BuildPropertiesProvider(settings.BuildProperties));
        var withAnalyzers = generatorRun.OutputCompilation.WithAnalyzers(
            All,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, _) =>
                    exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));

        var analyzerDiagnostics = withAnalyzers
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None)
            .GetAwaiter()
            .GetResult();
        if (exceptions.Count > 0)
        {
            throw new XunitException("Analyzers threw:\n" + string.Join("\n", exceptions));
        }

        return new AnalyzerRun(generatorRun, analyzerDiagnostics);
    }
}
