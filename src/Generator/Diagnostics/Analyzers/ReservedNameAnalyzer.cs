using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Telemetry.Generators.SourceGeneration.Diagnostics.Analyzers;

/// <summary>
/// Reports names that start with <see cref="DeclarationRules.ReservedPrefix"/> (TEL0009): members of a type that
/// declares event methods, and parameters of event methods. Generated code adds private helpers with that prefix
/// (<c>__TelemetryEnum0</c>, ...) to the type and calls them from the event bodies.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReservedNameAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ReservedMemberName);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TelemetrySymbols.Resolve(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, TelemetrySymbols symbols)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var eventMethods = symbols.FindEventMethods(type).ToList();
        if (eventMethods.Count == 0)
        {
            return;
        }

        // Members that generated code declares are in generated files, where no diagnostic is reported.
        foreach (var member in DeclarationRules.FindReservedMembers(type))
        {
            Report(context, member);
        }

        foreach (var method in eventMethods)
        {
            foreach (var parameter in method.Parameters.Where(p => DeclarationRules.IsReservedName(p.Name)))
            {
                Report(context, parameter);
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, ISymbol symbol)
    {
        foreach (var location in symbol.Locations.Where(location => location.IsInSource))
        {
            context.ReportDiagnostic(
                Diagnostic.Create(DiagnosticDescriptors.ReservedMemberName, location, symbol.Name));
        }
    }
}
