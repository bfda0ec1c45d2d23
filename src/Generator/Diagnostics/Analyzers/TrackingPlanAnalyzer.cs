using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Parsing;

namespace Telemetry.Generators.SourceGeneration.Diagnostics.Analyzers;

/// <summary>
/// Reports an event name declared by two methods that send different property keys or incompatible value kinds
/// (TEL0013). The first declaration, by file path and then position, is the reference, and each later declaration
/// that differs from it gets the warning.
/// </summary>
/// <remarks>
/// The comparison needs every declaration in the compilation, so it runs in a compilation end action. IDEs do not run
/// those as the user types, so the warning shows up in builds rather than as an editor squiggle.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrackingPlanAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.TrackingPlanConflict);

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
            var declarations = new ConcurrentBag<EventDeclaration>();
            start.RegisterSymbolAction(
                symbolContext => Collect(symbolContext, symbols, naming, declarations),
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => Compare(end, declarations));
        });
    }

    private static void Collect(
        SymbolAnalysisContext context,
        TelemetrySymbols symbols,
        NamingPolicy naming,
        ConcurrentBag<EventDeclaration> declarations)
    {
        foreach (var method in symbols.FindEventMethods((INamedTypeSymbol)context.Symbol))
        {
            if (Read(method, symbols, naming, context.CancellationToken) is { } declaration)
            {
                declarations.Add(declaration);
            }
        }
    }

    private static EventDeclaration? Read(
        IMethodSymbol method,
        TelemetrySymbols symbols,
        NamingPolicy naming,
        CancellationToken cancellationToken)
    {
        var location = method.Locations.FirstOrDefault();
        if (location?.SourceTree is null || ReadEventName(symbols.FindEventAttribute(method)) is not { } eventName)
        {
            return null;
        }

        var properties = new List<KeyValuePair<string, JsonKind>>();
        foreach (var parameter in method.Parameters.Where(parameter => !symbols.IsClient(parameter.Type)))
        {
            // A blank or non-constant key is an error of its own (TEL0012 or the compiler's), so it is not compared.
            var key = PropertyKeyReader.Read(parameter, symbols, naming, cancellationToken).Key;
            if (key is not null)
            {
                properties.Add(new KeyValuePair<string, JsonKind>(key, JsonKinds.Of(parameter.Type)));
            }
        }

        return new EventDeclaration(eventName, SymbolNames.Qualified(method), location, properties);
    }

    private static string? ReadEventName(AttributeData? attribute)
    {
        var arguments = attribute?.ConstructorArguments ?? ImmutableArray<TypedConstant>.Empty;
        return arguments.Length == 1 && arguments[0].Value is string name && EventNameRules.IsValid(name)
            ? name
            : null;
    }

    private static void Compare(CompilationAnalysisContext context, ConcurrentBag<EventDeclaration> declarations)
    {
        var groups = declarations
            .GroupBy(declaration => declaration.EventName, StringComparer.Ordinal)
            .Where(group => group.Skip(1).Any());

        foreach (var group in groups)
        {
            var ordered = group
                .OrderBy(declaration => declaration.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                .ThenBy(declaration => declaration.Location.SourceSpan.Start)
                .ToList();
            var first = ordered[0];
            foreach (var later in ordered.Skip(1))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var difference = DescribeDifference(first, later);
                if (difference is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.TrackingPlanConflict,
                        later.Location,
                        later.EventName,
                        first.MethodName,
                        difference));
                }
            }
        }
    }

    /// <summary>
    /// Describes how <paramref name="later"/> differs from <paramref name="first"/>, e.g.
    /// <c>key 'runtime' is a number there and a string here</c>, or returns null when they agree.
    /// </summary>
    private static string? DescribeDifference(EventDeclaration first, EventDeclaration later)
    {
        var firstKinds = ToDictionary(first.Properties);
        var laterKinds = ToDictionary(later.Properties);
        var clauses = new List<string>();

        var missing = first.Properties.Select(pair => pair.Key).Where(key => !laterKinds.ContainsKey(key)).ToList();
        var added = later.Properties.Select(pair => pair.Key).Where(key => !firstKinds.ContainsKey(key)).ToList();
        var keyClauses = new List<string>();
        if (missing.Count > 0)
        {
            keyClauses.Add(SymbolNames.QuotedList(missing) + (missing.Count == 1 ? " is" : " are") + " missing here");
        }

        if (added.Count > 0)
        {
            keyClauses.Add(SymbolNames.QuotedList(added) + (added.Count == 1 ? " is" : " are") + " not sent there");
        }

        if (keyClauses.Count > 0)
        {
            clauses.Add("keys differ: " + string.Join(" and ", keyClauses));
        }

        foreach (var pair in first.Properties)
        {
            if (laterKinds.TryGetValue(pair.Key, out var laterKind) && !JsonKinds.AreCompatible(pair.Value, laterKind))
            {
                clauses.Add("key '" + pair.Key + "' is " + JsonKinds.Describe(pair.Value) + " there and "
                    + JsonKinds.Describe(laterKind) + " here");
            }
        }

        return clauses.Count == 0 ? null : string.Join(", ", clauses);
    }

    /// <summary>
    /// Maps each key to its kind. A key sent twice by one method is TEL0011, and its first parameter counts here.
    /// </summary>
    private static Dictionary<string, JsonKind> ToDictionary(IReadOnlyList<KeyValuePair<string, JsonKind>> properties)
    {
        var kinds = new Dictionary<string, JsonKind>(StringComparer.Ordinal);
        foreach (var pair in properties)
        {
            if (!kinds.ContainsKey(pair.Key))
            {
                kinds.Add(pair.Key, pair.Value);
            }
        }

        return kinds;
    }

    /// <summary>One event method to compare: its event name, location, and property kinds in declaration order.
    /// </summary>
    private sealed record EventDeclaration(
        string EventName,
        string MethodName,
        Location Location,
        IReadOnlyList<KeyValuePair<string, JsonKind>> Properties);
}
