using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Telemetry.Generators.SourceGeneration.Diagnostics.Analyzers;

/// <summary>
/// Finds attribute arguments in source, to report a diagnostic on the value the user wrote.
/// </summary>
internal static class AttributeArguments
{
    /// <summary>Returns the expression of the first argument of <paramref name="attribute"/>, or null.</summary>
    public static ExpressionSyntax? FindFirst(AttributeData attribute, CancellationToken cancellationToken)
    {
        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var arguments = syntax?.ArgumentList?.Arguments;
        return arguments is { Count: > 0 } list ? list[0].Expression : null;
    }
}
