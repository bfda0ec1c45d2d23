using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.SourceGeneration.Diagnostics.Analyzers;

/// <summary>
/// Short names of symbols for diagnostic messages.
/// </summary>
internal static class SymbolNames
{
    /// <summary>
    /// Returns the method name qualified by its containing types but not the namespace, e.g.
    /// <c>Events.TrainingStarted</c>.
    /// </summary>
    public static string Qualified(IMethodSymbol method)
    {
        var names = new List<string> { method.Name };
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            names.Insert(0, type.Name);
        }

        return string.Join(".", names);
    }

    /// <summary>Returns quoted names as a list, e.g. <c>'a', 'b' and 'c'</c>.</summary>
    public static string QuotedList(IEnumerable<string> names)
    {
        var quoted = names.Select(name => "'" + name + "'").ToList();
        return quoted.Count <= 1
            ? string.Concat(quoted)
            : string.Join(", ", quoted.Take(quoted.Count - 1)) + " and " + quoted[quoted.Count - 1];
    }
}
