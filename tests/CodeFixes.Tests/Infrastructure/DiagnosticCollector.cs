using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Telemetry.Generators.SourceGeneration;
using Xunit.Sdk;

namespace Telemetry.Generators.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Computes what a build of a project reports: it runs the telemetry generator, as the compiler would, and then the
/// compiler and the telemetry analyzers over the result.
/// </summary>
internal static class DiagnosticCollector
{
    /// <summary>
    /// Returns the compiler's, the generator's and the analyzers' diagnostics, ordered by file, position and id.
    /// Compiler diagnostics in generated files are included, so that a fix whose generated code breaks shows up.
    /// </summary>
    /// <exception cref="XunitException">The generator or an analyzer threw.</exception>
    public static async Task<ImmutableArray<Diagnostic>> CollectAsync(
        Project project,
        CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new XunitException($"Project '{project.Name}' has no compilation.");

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new TelemetryEventGenerator().AsSourceGenerator()],
            additionalTexts: null,
            parseOptions: (CSharpParseOptions)project.ParseOptions!,
            optionsProvider: project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
        driver = driver.RunGeneratorsAndUpdateCompilation(
            compilation,
            out var output,
            out var generatorDiagnostics,
            cancellationToken);

        var generatorException = driver.GetRunResult().Results
            .Select(result => result.Exception)
            .FirstOrDefault(exception => exception is not null);
        if (generatorException is not null)
        {
            throw new XunitException("The generator threw: " + generatorException);
        }

        var diagnostics = new List<Diagnostic>(generatorDiagnostics);
        diagnostics.AddRange(output.GetDiagnostics(cancellationToken));
        diagnostics.AddRange(await RunAnalyzersAsync(project, output, cancellationToken).ConfigureAwait(false));

        return diagnostics
            .OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAnalyzersAsync(
        Project project,
        Compilation compilation,
        CancellationToken cancellationToken)
    {
        if (TelemetryAnalyzers.All.IsEmpty)
        {
            return ImmutableArray<Diagnostic>.Empty;
        }

        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) =>
                exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(TelemetryAnalyzers.All, options)
            .GetAnalyzerDiagnosticsAsync(cancellationToken)
            .ConfigureAwait(false);

        if (!exceptions.IsEmpty)
        {
            throw new XunitException("An analyzer threw:\n" + string.Join("\n", exceptions));
        }

        return diagnostics;
    }
}
