using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// Writes the <c>where</c> clauses of a generic method, which a partial method's implementation must repeat.
/// </summary>
internal static class ConstraintFormatter
{
    /// <summary>
    /// Returns one clause per constrained type parameter, e.g. <c>where T : class?, global::System.IComparable&lt;T&gt;, new()</c>.
    /// </summary>
    public static IEnumerable<string> Format(IEnumerable<ITypeParameterSymbol> typeParameters)
    {
        foreach (var parameter in typeParameters)
        {
            var constraints = new List<string>();
            if (parameter.HasReferenceTypeConstraint)
            {
                var annotated = parameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated;
                constraints.Add(annotated ? "class?" : "class");
            }
            else if (parameter.HasUnmanagedTypeConstraint)
            {
                constraints.Add("unmanaged");
            }
            else if (parameter.HasValueTypeConstraint)
            {
                constraints.Add("struct");
            }
            else if (parameter.HasNotNullConstraint)
            {
                constraints.Add("notnull");
            }

            foreach (var type in parameter.ConstraintTypes)
            {
                constraints.Add(type.ToDisplayString(SymbolFormats.Type));
            }

            if (parameter.HasConstructorConstraint)
            {
                constraints.Add("new()");
            }

            if (constraints.Count > 0)
            {
                yield return "where " + SymbolFormats.EscapeIdentifier(parameter.Name) + " : "
                    + string.Join(", ", constraints);
            }
        }
    }
}
