using System.Linq;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.CodeFixes.Keys;

/// <summary>
/// Decides whether <c>using Telemetry.Generators;</c> can be added to a file without making a name ambiguous.
/// </summary>
internal static class ImportConflicts
{
    /// <summary>
    /// Returns false when a public type of the <c>Telemetry.Generators</c> namespace shares its name with another type
    /// already in scope at <paramref name="position"/>, such as another library's <c>TelemetryClient</c>. Importing
    /// the namespace could then make that name ambiguous (CS0104) wherever the file uses it.
    /// </summary>
    /// <remarks>
    /// The check is conservative: a type declared in an enclosing namespace would win over the import, so it causes
    /// no ambiguity, but it still makes the fix write the qualified attribute name.
    /// </remarks>
    public static bool CanImportRuntimeNamespace(SemanticModel model, int position, INamedTypeSymbol runtimeType)
    {
        var publicTypes = runtimeType.ContainingNamespace
            .GetTypeMembers()
            .Where(type => type.DeclaredAccessibility == Accessibility.Public);
        foreach (var type in publicTypes)
        {
            var inScope = model.LookupNamespacesAndTypes(position, name: type.Name);
            if (inScope.Any(symbol => !SymbolEqualityComparer.Default.Equals(symbol, type)))
            {
                return false;
            }
        }

        return true;
    }
}
