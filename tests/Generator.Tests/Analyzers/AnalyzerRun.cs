using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// The outcome of <see cref="AnalyzerHarness.Run"/>: the generator run and what the analyzers reported on its output.
/// </summary>
internal sealed class AnalyzerRun
{
    public AnalyzerRun(GeneratorRun generatorRun, ImmutableArray<Diagnostic> analyzerDiagnostics)
    {
        GeneratorRun = generatorRun;
        AnalyzerDiagnostics = analyzerDiagnostics;
    }

    public GeneratorRun GeneratorRun { get; }

    /// <summary>What the analyzers reported, after pragmas and severity options apply.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; }

    /// <summary>
    /// Every diagnostic above hidden that a build would show: the compiler's on the output compilation, the
    /// generator's own, and the analyzers', ordered by file and position.
    /// </summary>
    public ImmutableArray<Diagnostic> Reported =>
        GeneratorRun.CompilationDiagnostics
            .Concat(GeneratorRun.DriverDiagnostics)
            .Concat(AnalyzerDiagnostics)
            .Where(diagnostic => diagnostic.Severity > DiagnosticSeverity.Hidden)
            .OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>Returns the one reported diagnostic with <paramref name="id"/>, and fails on none or several.</summary>
    public Diagnostic Single(string id) => Xunit.Assert.Single(Reported, diagnostic => diagnostic.Id == id);
}
