using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Parsing;

namespace Telemetry.Generators.SourceGeneration.Diagnostics.Analyzers;

/// <summary>
/// Reports event parameters that cannot be sent: types with no JSON form (TEL0003) or whose properties form a cycle
/// (TEL0004), <c>out</c>, <c>ref</c>, <c>params</c> and <c>scoped</c> modifiers (TEL0007), two parameters with one
/// property key (TEL0011), and blank <c>[TelemetryProperty]</c> keys (TEL0012).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventParameterAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnsupportedParameterType,
        DiagnosticDescriptors.PropertyTypeCycle,
        DiagnosticDescriptors.InvalidParameterModifier,
        DiagnosticDescriptors.DuplicatePropertyKey,
        DiagnosticDescriptors.EmptyPropertyKey);

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

            var naming = NamingOptions.Read(start.Options);
            start.RegisterSymbolAction(
                symbolContext => AnalyzeType(symbolContext, symbols, naming),
                SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, TelemetrySymbols symbols, NamingPolicy naming)
    {
        foreach (var method in symbols.FindEventMethods((INamedTypeSymbol)context.Symbol))
        {
            AnalyzeMethod(context, method, symbols, naming);
        }
    }

    private static void AnalyzeMethod(
        SymbolAnalysisContext context,
        IMethodSymbol method,
        TelemetrySymbols symbols,
        NamingPolicy naming)
    {
        var keys = new Dictionary<string, IParameterSymbol>(System.StringComparer.Ordinal);
        foreach (var parameter in method.Parameters)
        {
            var syntax = parameter.DeclaringSyntaxReferences
                .Select(reference => reference.GetSyntax(context.CancellationToken))
                .OfType<ParameterSyntax>()
                .FirstOrDefault();
            if (syntax is null)
            {
                continue;
            }

            AnalyzeModifiers(context, method, parameter, syntax);
            if (symbols.IsClient(parameter.Type))
            {
                continue;
            }

            AnalyzeType(context, parameter, syntax);
            AnalyzeKey(context, parameter, symbols, naming, keys);
        }
    }

    private static void AnalyzeModifiers(
        SymbolAnalysisContext context,
        IMethodSymbol method,
        IParameterSymbol parameter,
        ParameterSyntax syntax)
    {
        foreach (var modifier in DeclarationRules.FindRejectedModifiers(syntax))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidParameterModifier,
                modifier.GetLocation(),
                parameter.Name,
                method.Name,
                modifier.Text));
        }
    }

    /// <summary>
    /// Reports TEL0003 or TEL0004 from <see cref="ValueClassifier.FindProblem"/>, the classification the generator
    /// uses too. A type that did not resolve is left to the compiler.
    /// </summary>
    private static void AnalyzeType(SymbolAnalysisContext context, IParameterSymbol parameter, ParameterSyntax syntax)
    {
        if (DeclarationRules.ContainsErrorType(parameter.Type)
            || ValueClassifier.FindProblem(parameter.Type) is not { } problem)
        {
            return;
        }

        var location = syntax.Type?.GetLocation() ?? syntax.Identifier.GetLocation();
        var typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        var diagnostic = problem.Kind == ValueProblemKind.Cycle
            ? Diagnostic.Create(
                DiagnosticDescriptors.PropertyTypeCycle,
                location,
                parameter.Name,
                typeName,
                problem.CyclePath ?? problem.Reason)
            : Diagnostic.Create(
                DiagnosticDescriptors.UnsupportedParameterType,
                location,
                parameter.Name,
                typeName,
                problem.Reason);

        context.ReportDiagnostic(diagnostic);
    }

    /// <summary>
    /// Reports TEL0012 for a blank key, and TEL0011 when the key was already taken by an earlier parameter.
    /// </summary>
    private static void AnalyzeKey(
        SymbolAnalysisContext context,
        IParameterSymbol parameter,
        TelemetrySymbols symbols,
        NamingPolicy naming,
        Dictionary<string, IParameterSymbol> keys)
    {
        var key = PropertyKeyReader.Read(parameter, symbols, naming, context.CancellationToken);
        if (key.BlankArgument is { } argument)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.EmptyPropertyKey,
                argument.GetLocation(),
                parameter.Name,
                key.BlankDescription));
            return;
        }

        if (key.Key is null)
        {
            return;
        }

        if (!keys.TryGetValue(key.Key, out var first))
        {
            keys.Add(key.Key, parameter);
            return;
        }

        var location = parameter.Locations.FirstOrDefault();
        if (location is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DuplicatePropertyKey,
                location,
                parameter.Name,
                key.Key,
                first.Name));
        }
    }
}
