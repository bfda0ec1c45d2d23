using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// The outcome of one generator driver run: generated sources, generator diagnostics and the output compilation.
/// </summary>
internal sealed class GeneratorRun
{
    private readonly Lazy<ImmutableArray<Diagnostic>> compilationDiagnostics;

    private GeneratorRun(
        GeneratorDriver driver,
        Compilation outputCompilation,
        ImmutableArray<Diagnostic> driverDiagnostics)
    {
        Driver = driver;
        Result = driver.GetRunResult();
        OutputCompilation = outputCompilation;
        DriverDiagnostics = driverDiagnostics;
        compilationDiagnostics = new Lazy<ImmutableArray<Diagnostic>>(() => outputCompilation.GetDiagnostics());
    }

    /// <summary>The driver after the run, to run again on an edited compilation.</summary>
    public GeneratorDriver Driver { get; }

    public GeneratorDriverRunResult Result { get; }

    /// <summary>The input compilation with the generated syntax trees added.</summary>
    public Compilation OutputCompilation { get; }

    /// <summary>
    /// Diagnostics from the driver itself: what the generator reported, plus CS8785 when a generator threw.
    /// </summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    /// <summary>Every diagnostic of <see cref="OutputCompilation"/>, hidden ones included.</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics => compilationDiagnostics.Value;

    public ImmutableArray<GeneratedSourceResult> GeneratedSources =>
        Result.Results
            .SelectMany(result => result.GeneratedSources)
            .OrderBy(source => source.HintName, StringComparer.Ordinal)
            .ToImmutableArray();

    public static GeneratorRun Execute(GeneratorDriver driver, Compilation compilation)
    {
        var updatedDriver = driver.RunGeneratorsAndUpdateCompilation(
            compilation,
            out var outputCompilation,
            out var diagnostics);
        return new GeneratorRun(updatedDriver, outputCompilation, diagnostics);
    }

    public string GetGeneratedText(string hintName)
    {
        var source = GeneratedSources.FirstOrDefault(source => source.HintName == hintName);
        if (source.SourceText is null)
        {
            var produced = string.Join(", ", GeneratedSources.Select(source => source.HintName));
            throw new XunitException($"No generated source has the hint name '{hintName}'. Produced: [{produced}].");
        }

        return source.SourceText.ToString();
    }

    /// <summary>
    /// Rethrows, with its original stack trace, the first exception that a generator threw during the run.
    /// </summary>
    public void ThrowIfGeneratorFailed()
    {
        foreach (var result in Result.Results)
        {
            if (result.Exception is not null)
            {
                ExceptionDispatchInfo.Capture(result.Exception).Throw();
            }
        }
    }

    /// <summary>
    /// Fails when the generator reported a diagnostic whose id is not in <paramref name="expectedIds"/>.
    /// </summary>
    public void AssertNoUnexpectedGeneratorDiagnostics(params string[] expectedIds)
    {
        var unexpected = Result.Diagnostics.Where(diagnostic => !expectedIds.Contains(diagnostic.Id)).ToList();
        if (unexpected.Count > 0)
        {
            var lines = string.Join("\n", unexpected.Select(DiagnosticLine.Format));
            throw new XunitException($"The generator reported {unexpected.Count} unexpected diagnostics:\n{lines}");
        }
    }

    /// <summary>
    /// Fails unless the generator ran without exceptions or unexpected diagnostics and the output compilation has
    /// no diagnostic above hidden. With the settings of <see cref="ProjectSettings"/> every warning is an error.
    /// The message lists every such diagnostic and the generated sources with line numbers.
    /// </summary>
    public void AssertCompilesCleanly(params string[] expectedGeneratorDiagnosticIds)
    {
        ThrowIfGeneratorFailed();
        AssertNoUnexpectedGeneratorDiagnostics(expectedGeneratorDiagnosticIds);

        var reported = CompilationDiagnostics
            .Where(diagnostic => diagnostic.Severity > DiagnosticSeverity.Hidden)
            .OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ToList();
        if (reported.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.AppendLine(CultureInfo.InvariantCulture, $"The output compilation has {reported.Count} diagnostics:");
        foreach (var diagnostic in reported)
        {
            message.Append("  ").AppendLine(DiagnosticLine.Format(diagnostic));
        }

        AppendGeneratedSources(message);
        throw new XunitException(message.ToString());
    }

    private void AppendGeneratedSources(StringBuilder message)
    {
        foreach (var source in GeneratedSources)
        {
            message.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"// {source.HintName}");
            var lines = source.SourceText.Lines;
            for (var index = 0; index < lines.Count; index++)
            {
                // 0-based, to match the line numbers of the diagnostics above.
                message.AppendLine(CultureInfo.InvariantCulture, $"{index,4}: {lines[index]}");
            }
        }
    }
}
