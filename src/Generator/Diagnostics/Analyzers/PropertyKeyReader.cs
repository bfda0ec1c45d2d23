using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Naming;

namespace Telemetry.Generators.SourceGeneration.Diagnostics.Analyzers;

/// <summary>
/// The property key a parameter is sent under, as the generator computes it.
/// </summary>
/// <param name="Key">The key, or null when there is none to compare: the <c>[TelemetryProperty]</c> argument is
/// blank, missing or not a constant.</param>
/// <param name="BlankArgument">The <c>[TelemetryProperty]</c> argument when it is null, empty or whitespace (TEL0012),
/// else null.</param>
/// <param name="BlankDescription">For a blank argument, what it is: <c>null</c>, <c>empty</c> or
/// <c>only whitespace</c>.</param>
internal sealed record PropertyKey(
    string? Key,
    ExpressionSyntax? BlankArgument = null,
    string? BlankDescription = null);

/// <summary>
/// Reads property keys: the <c>[TelemetryProperty]</c> argument, or the parameter name under the naming policy.
/// </summary>
internal static class PropertyKeyReader
{
    /// <summary>Reads the key of <paramref name="parameter"/>, which must not be the client parameter.</summary>
    public static PropertyKey Read(
        IParameterSymbol parameter,
        TelemetrySymbols symbols,
        NamingPolicy naming,
        CancellationToken cancellationToken)
    {
        var attribute = symbols.FindPropertyAttribute(parameter);
        if (attribute is null)
        {
            return new PropertyKey(PropertyNaming.Convert(parameter.Name, naming));
        }

        // A missing or non-constant argument is a compiler error (CS7036, CS0182), so it is left to the compiler.
        var arguments = attribute.ConstructorArguments;
        if (arguments.Length != 1 || arguments[0].Kind != TypedConstantKind.Primitive)
        {
            return new PropertyKey(null);
        }

        var argument = arguments[0];
        if (!argument.IsNull && argument.Value is not string)
        {
            return new PropertyKey(null);
        }

        var key = argument.Value as string;
        if (key is not null && key.Trim().Length > 0)
        {
            return new PropertyKey(key);
        }

        var description = key is null ? "null" : key.Length == 0 ? "empty" : "only whitespace";
        return new PropertyKey(null, AttributeArguments.FindFirst(attribute, cancellationToken), description);
    }
}
