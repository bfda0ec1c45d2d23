using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// A consumer project for <see cref="AnalyzerHarness"/>: its files, settings, and anything its build adds.
/// </summary>
internal sealed record ConsumerProject
{
    public ProjectSettings Settings { get; init; } = ProjectSettings.Default;

    /// <summary>The source files, each with the path that diagnostics report.</summary>
    public IReadOnlyList<(string Path, string Text)> Files { get; init; } = [];

    public OutputKind OutputKind { get; init; } = OutputKind.DynamicallyLinkedLibrary;

    /// <summary>Changes the compilation options, for example to set diagnostic severities, or null.</summary>
    public Func<CSharpCompilationOptions, CSharpCompilationOptions>? ConfigureOptions { get; init; }

    /// <summary>Generators that run beside the telemetry generator, such as the SDK's regex generator.</summary>
    public IReadOnlyList<ISourceGenerator> OtherGenerators { get; init; } = [];

    /// <summary>Creates a project of <paramref name="sources"/>, named <c>Input0.cs</c>, <c>Input1.cs</c> and so on.
    /// </summary>
    public static ConsumerProject FromSources(ProjectSettings settings, IEnumerable<string> sources) => new()
    {
        Settings = settings,
        Files = sources.Select((text, index) => ($"Input{index}.cs", text)).ToList(),
    };
}
