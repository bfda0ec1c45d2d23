using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Telemetry.Generators.SourceGeneration.Diagnostics.Analyzers;

/// <summary>
/// The runtime types that the analyzers look for, resolved once per compilation.
/// </summary>
/// <remarks>
/// <para>
/// Types are matched by metadata name, as the generator matches them, so the two agree even when a compilation
/// references two copies of the runtime.
/// </para>
/// <para>
/// The analyzers visit event methods through their containing type, never through method symbol actions. The
/// generated implementation of a partial method carries <c>[GeneratedCode]</c>, the two parts share their attributes,
/// and so the compiler counts the user's definition as generated code and skips its method actions under
/// <see cref="Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None"/>.
/// </para>
/// </remarks>
internal sealed class TelemetrySymbols
{
    private readonly ImmutableArray<INamedTypeSymbol> eventAttributes;
    private readonly ImmutableArray<INamedTypeSymbol> propertyAttributes;
    private readonly ImmutableArray<INamedTypeSymbol> clients;

    private TelemetrySymbols(
        ImmutableArray<INamedTypeSymbol> eventAttributes,
        ImmutableArray<INamedTypeSymbol> propertyAttributes,
        ImmutableArray<INamedTypeSymbol> clients)
    {
        this.eventAttributes = eventAttributes;
        this.propertyAttributes = propertyAttributes;
        this.clients = clients;
    }

    /// <summary>
    /// Resolves the runtime types, or returns null when the compilation cannot see <c>TelemetryEventAttribute</c>
    /// and so declares no events.
    /// </summary>
    public static TelemetrySymbols? Resolve(Compilation compilation)
    {
        var eventAttributes = compilation.GetTypesByMetadataName("Telemetry.Generators.TelemetryEventAttribute");
        if (eventAttributes.IsEmpty)
        {
            return null;
        }

        return new TelemetrySymbols(
            eventAttributes,
            compilation.GetTypesByMetadataName("Telemetry.Generators.TelemetryPropertyAttribute"),
            compilation.GetTypesByMetadataName("Telemetry.Generators.TelemetryClient"));
    }

    /// <summary>Returns the <c>[TelemetryEvent]</c> attribute of <paramref name="symbol"/>, or null.</summary>
    public AttributeData? FindEventAttribute(ISymbol symbol) =>
        symbol.GetAttributes().FirstOrDefault(attribute => Contains(eventAttributes, attribute.AttributeClass));

    /// <summary>Returns the <c>[TelemetryProperty]</c> attribute of <paramref name="parameter"/>, or null.</summary>
    public AttributeData? FindPropertyAttribute(IParameterSymbol parameter) =>
        parameter.GetAttributes().FirstOrDefault(attribute => Contains(propertyAttributes, attribute.AttributeClass));

    /// <summary>Returns whether <paramref name="type"/> is <c>TelemetryClient</c>.</summary>
    public bool IsClient(ITypeSymbol? type) => Contains(clients, type);

    /// <summary>
    /// Returns whether <paramref name="method"/> is an ordinary method with <c>[TelemetryEvent]</c>, the kind of
    /// method the generator implements. For a partial method with both parts, only the definition counts, so each
    /// event is analyzed once.
    /// </summary>
    public bool IsEventMethod(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Ordinary
        && method.PartialDefinitionPart is null
        && FindEventAttribute(method) is not null;

    /// <summary>
    /// Returns the methods of <paramref name="type"/> that carry <c>[TelemetryEvent]</c>, of any method kind,
    /// accessors included. A partial method is returned once, as its definition.
    /// </summary>
    public IEnumerable<IMethodSymbol> FindAttributedMethods(INamedTypeSymbol type) =>
        type.GetMembers()
            .OfType<IMethodSymbol>()
            .Where(method => method.PartialDefinitionPart is null && FindEventAttribute(method) is not null);

    /// <summary>Returns the event methods of <paramref name="type"/>, as defined by <see cref="IsEventMethod"/>.
    /// </summary>
    public IEnumerable<IMethodSymbol> FindEventMethods(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IMethodSymbol>().Where(IsEventMethod);

    /// <summary>Returns whether any declaration of <paramref name="method"/> has the <c>partial</c> modifier.</summary>
    public static bool IsDeclaredPartial(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax() is MethodDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static bool Contains(ImmutableArray<INamedTypeSymbol> types, ITypeSymbol? type) =>
        type is not null && types.Contains(type, SymbolEqualityComparer.Default);
}
