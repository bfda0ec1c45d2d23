using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Telemetry.Generators.SourceGeneration.Parsing;

namespace Telemetry.Generators.SourceGeneration.Diagnostics.Analyzers;

/// <summary>
/// Reports event methods whose shape the generator cannot implement: async methods and async iterators (TEL0001),
/// return types other than void (TEL0002), methods that are not partial definitions without a body (TEL0005), and
/// invalid event names (TEL0010).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventDeclarationAnalyzer : DiagnosticAnalyzer
{
    // Longer names are shortened in messages, and the reason still gives the full length.
    private const int MaxDisplayedNameLength = 60;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.AsyncEventMethod,
        DiagnosticDescriptors.EventMethodMustReturnVoid,
        DiagnosticDescriptors.EventMethodNotPartial,
        DiagnosticDescriptors.InvalidEventName);

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
            start.RegisterSyntaxNodeAction(
                nodeContext => AnalyzeLocalFunction(nodeContext, symbols),
                SyntaxKind.LocalFunctionStatement);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, TelemetrySymbols symbols)
    {
        foreach (var method in symbols.FindAttributedMethods((INamedTypeSymbol)context.Symbol))
        {
            AnalyzeMethod(context, method, symbols.FindEventAttribute(method)!);
        }
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, IMethodSymbol method, AttributeData attribute)
    {
        // Accessors, operators and the like cannot be partial methods, so the attribute has no effect there.
        if (method.MethodKind != MethodKind.Ordinary)
        {
            var name = method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
            ReportNotPartial(context, method.Locations.FirstOrDefault(), name);
            return;
        }

        var syntax = method.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax(context.CancellationToken))
            .OfType<MethodDeclarationSyntax>()
            .FirstOrDefault();
        if (syntax is null)
        {
            return;
        }

        AnalyzePartialShape(context, method, syntax);
        if (!AnalyzeAsync(context, method, syntax))
        {
            AnalyzeReturnType(context, method, syntax);
        }

        AnalyzeEventName(context, method, attribute);
    }

    /// <summary>
    /// Reports TEL0005 when the method lacks <c>partial</c>, has a body of its own, or has an implementation part
    /// the user wrote. In the last case the diagnostic is on that implementation.
    /// </summary>
    private static void AnalyzePartialShape(
        SymbolAnalysisContext context,
        IMethodSymbol method,
        MethodDeclarationSyntax syntax)
    {
        var hasBody = syntax.Body is not null || syntax.ExpressionBody is not null;
        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || hasBody)
        {
            ReportNotPartial(context, syntax.Identifier.GetLocation(), method.Name);
        }
        else if (method.PartialImplementationPart is { } implementation)
        {
            ReportNotPartial(context, implementation.Locations.FirstOrDefault(), method.Name);
        }
    }

    /// <summary>Reports TEL0001 and returns whether it did.</summary>
    private static bool AnalyzeAsync(
        SymbolAnalysisContext context,
        IMethodSymbol method,
        MethodDeclarationSyntax syntax)
    {
        var asyncKeyword = syntax.Modifiers.FirstOrDefault(modifier => modifier.IsKind(SyntaxKind.AsyncKeyword));
        if (asyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AsyncEventMethod,
                asyncKeyword.GetLocation(),
                method.Name,
                "is declared 'async'"));
            return true;
        }

        if (IsAsyncIteratorType(method.ReturnType))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.AsyncEventMethod,
                syntax.ReturnType.GetLocation(),
                method.Name,
                "returns the async iterator type '" + syntax.ReturnType + "'"));
            return true;
        }

        return false;
    }

    private static void AnalyzeReturnType(
        SymbolAnalysisContext context,
        IMethodSymbol method,
        MethodDeclarationSyntax syntax)
    {
        if (method.ReturnsVoid || DeclarationRules.ContainsErrorType(method.ReturnType))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.EventMethodMustReturnVoid,
            syntax.ReturnType.GetLocation(),
            method.Name,
            syntax.ReturnType.ToString()));
    }

    /// <summary>
    /// Reports TEL0010 for a constant name that breaks <see cref="EventNameRules"/>, null included. A missing or
    /// non-constant argument is a compiler error (CS7036, CS0182), so it gets no second diagnostic.
    /// </summary>
    private static void AnalyzeEventName(SymbolAnalysisContext context, IMethodSymbol method, AttributeData attribute)
    {
        var arguments = attribute.ConstructorArguments;
        if (arguments.Length != 1
            || arguments[0].Kind != TypedConstantKind.Primitive
            || (!arguments[0].IsNull && arguments[0].Value is not string))
        {
            return;
        }

        var name = arguments[0].IsNull ? null : (string?)arguments[0].Value;
        var problem = EventNameRules.FindProblem(name);
        var argument = AttributeArguments.FindFirst(attribute, context.CancellationToken);
        if (problem is null || argument is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.InvalidEventName,
            argument.GetLocation(),
            FormatName(name),
            method.Name,
            problem));
    }

    private static void AnalyzeLocalFunction(SyntaxNodeAnalysisContext context, TelemetrySymbols symbols)
    {
        var syntax = (LocalFunctionStatementSyntax)context.Node;
        if (syntax.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not IMethodSymbol function
            || symbols.FindEventAttribute(function) is null)
        {
            return;
        }

        ReportNotPartial(context.ReportDiagnostic, syntax.Identifier.GetLocation(), function.Name);
    }

    private static void ReportNotPartial(SymbolAnalysisContext context, Location? location, string name) =>
        ReportNotPartial(context.ReportDiagnostic, location, name);

    private static void ReportNotPartial(System.Action<Diagnostic> report, Location? location, string name)
    {
        if (location is not null)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.EventMethodNotPartial, location, name));
        }
    }

    private static bool IsAsyncIteratorType(ITypeSymbol type) =>
        type is INamedTypeSymbol { Arity: 1, Name: "IAsyncEnumerable" or "IAsyncEnumerator" } named
        && named.ContainingNamespace.ToDisplayString() == "System.Collections.Generic";

    /// <summary>Formats a name as a C# string literal, so that control characters show as escapes.</summary>
    private static string FormatName(string? name)
    {
        if (name is null)
        {
            return "null";
        }

        return name.Length <= MaxDisplayedNameLength
            ? SymbolDisplay.FormatLiteral(name, quote: true)
            : SymbolDisplay.FormatLiteral(name.Substring(0, MaxDisplayedNameLength), quote: true) + "...";
    }
}
