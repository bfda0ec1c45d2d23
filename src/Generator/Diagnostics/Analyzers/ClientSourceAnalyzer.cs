using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Telemetry.Generators.SourceGeneration.Parsing;

namespace Telemetry.Generators.SourceGeneration.Diagnostics.Analyzers;

/// <summary>
/// Reports event methods that could send through more than one <c>TelemetryClient</c> (TEL0008): two client
/// parameters, or, with no client parameter, two client fields, properties or primary constructor parameters at the
/// level <see cref="ClientFinder"/> takes its client from.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientSourceAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MultipleClientSources);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TelemetrySymbols.Resolve(start.Compilation);
            if (symbols is not null)
            {
                start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols), SymbolKind.NamedType);
            }
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, TelemetrySymbols symbols)
    {
        foreach (var method in symbols.FindEventMethods((INamedTypeSymbol)context.Symbol))
        {
            AnalyzeMethod(context, method, symbols);
        }
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, IMethodSymbol method, TelemetrySymbols symbols)
    {
        var clientParameters = method.Parameters.Where(parameter => symbols.IsClient(parameter.Type)).ToList();
        if (clientParameters.Count > 1)
        {
            var names = SymbolNames.QuotedList(clientParameters.Select(parameter => parameter.Name));
            Report(context, clientParameters[1].Locations.FirstOrDefault(), method, "the parameters " + names);
            return;
        }

        if (clientParameters.Count == 1)
        {
            return;
        }

        var candidates = ClientFinder.FindCandidates(method);
        if (candidates.Count > 1)
        {
            var names = SymbolNames.QuotedList(candidates.Select(candidate => candidate.Name));
            var sources = candidates[0] is IParameterSymbol
                ? "the primary constructor parameters " + names
                : "the members " + names + " of '" + candidates[0].ContainingType.Name + "'";
            Report(context, method.Locations.FirstOrDefault(), method, sources);
        }
    }

    private static void Report(SymbolAnalysisContext context, Location? location, IMethodSymbol method, string sources)
    {
        if (location is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.MultipleClientSources,
                location,
                method.Name,
                sources));
        }
    }
}
