using System.Linq;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.CodeFixes.Keys;

/// <summary>
/// Decides whether <c>using Telemetry.Generators;</c> can be added to a file without making a name ambiguous.
/// </summary>
internal static class ImportConflicts
{
    /// <summary>
    /// Returns false when a type of the <c>Telemetry.Generators</c> namespace shares its name with another type
    /// already in scope at <paramref name="position"/>, such as another library's <c>TelemetryClient</c>. Importing
    /// the namespace would then make that name ambiguous (CS0104) wherever the file uses it.
    /// </summary>
    public static bool CanImportRuntimeNamespace(SemanticModel model, int position, INamedTypeSymbol runtimeType)
    {
        var runtimeNamespace = runtimeType.ContainingNamespace;
        foreach (var type in runtimeNamespace.GetTypeMembers())
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
