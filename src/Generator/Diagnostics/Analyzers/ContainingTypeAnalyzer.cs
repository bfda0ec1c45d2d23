using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Telemetry.Generators.SourceGeneration.Diagnostics.Analyzers;

/// <summary>
/// Reports types that contain an event method, at any nesting level, but are not <c>partial</c> (TEL0006). The
/// generator re-declares every containing type as a partial part, so each one must be partial.
/// </summary>
/// <remarks>
/// A partial method declared directly in a type that is not partial already gets the compiler's CS0751 on the
/// method, so that type gets no TEL0006. TEL0006 covers what the compiler does not check: outer types, and the
/// containing type of an event method that is itself not partial (which also gets TEL0005).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ContainingTypeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ContainingTypeNotPartial);

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
        var type = (INamedTypeSymbol)context.Symbol;
        var declarations = type.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax(context.CancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .ToList();

        // With one partial declaration the type is partial; a part that lacks the modifier is the compiler's CS0260.
        if (declarations.Count == 0
            || declarations.Any(declaration => declaration.Modifiers.Any(SyntaxKind.PartialKeyword)))
        {
            return;
        }

        var eventMethod = FindEventMethod(type, symbols);
        if (eventMethod is null || HasPartialEventMethod(type, symbols))
        {
            return;
        }

        foreach (var declaration in declarations)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ContainingTypeNotPartial,
                declaration.Identifier.GetLocation(),
                type.Name,
                SymbolNames.Qualified(eventMethod)));
        }
    }

    /// <summary>Returns the first event method in <paramref name="type"/> or its nested types, or null.</summary>
    private static IMethodSymbol? FindEventMethod(INamedTypeSymbol type, TelemetrySymbols symbols)
    {
        var direct = type.GetMembers().OfType<IMethodSymbol>().FirstOrDefault(symbols.IsEventMethod);
        if (direct is not null)
        {
            return direct;
        }

        foreach (var nested in type.GetTypeMembers())
        {
            if (FindEventMethod(nested, symbols) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Returns whether the compiler reports CS0751 in <paramref name="type"/> for an event method.</summary>
    private static bool HasPartialEventMethod(INamedTypeSymbol type, TelemetrySymbols symbols) =>
        type.GetMembers()
            .OfType<IMethodSymbol>()
            .Any(method => symbols.IsEventMethod(method) && TelemetrySymbols.IsDeclaredPartial(method));
}
