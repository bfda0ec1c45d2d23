using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// How the generator renders types and identifiers into code.
/// </summary>
internal static class SymbolFormats
{
    /// <summary>
    /// Fully qualified with <c>global::</c>, keyword names for special types, and nullable annotations as declared, so a
    /// user type named <c>System</c> or <c>Dictionary</c> cannot capture a generated reference.
    /// </summary>
    public static readonly SymbolDisplayFormat Type = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>
    /// Prefixes <paramref name="name"/> with <c>@</c> when it is a reserved keyword, as in <c>@event</c>.
    /// </summary>
    public static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    /// <summary>
    /// Returns whether <paramref name="type"/> is the runtime type <c>Telemetry.Generators.{name}</c>.
    /// </summary>
    public static bool IsRuntimeType(ITypeSymbol? type, string name) =>
        type is INamedTypeSymbol { Arity: 0 } named
        && named.Name == name
        && named.ContainingType is null
        && named.ContainingNamespace is { Name: "Generators", ContainingNamespace: { Name: "Telemetry" } parent }
        && parent.ContainingNamespace.IsGlobalNamespace;
}
