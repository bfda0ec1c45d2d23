using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.Diagnostics;
using Telemetry.Generators.SourceGeneration;

namespace Telemetry.Generators.CodeFixes.Tests.Infrastructure;

/// <summary>
/// The analyzers of the generator assembly. They are internal to it, so they are found by reflection: every concrete
/// <see cref="DiagnosticAnalyzer"/> marked <see cref="DiagnosticAnalyzerAttribute"/>, as a compiler loading the
/// assembly finds them.
/// </summary>
internal static class TelemetryAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = typeof(TelemetryEventGenerator).Assembly
        .GetTypes()
        .Where(type => !type.IsAbstract
            && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
            && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type, nonPublic: true)!)
        .ToImmutableArray();

    /// <summary>The ids of every diagnostic the analyzers can report.</summary>
    public static ImmutableHashSet<string> SupportedIds { get; } = All
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .Select(descriptor => descriptor.Id)
        .ToImmutableHashSet();
}
