using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Telemetry.Generators.CodeFixes;

/// <summary>
/// Finds the syntax a diagnostic points at. A diagnostic computed for an older version of the document may point
/// past its end, so each lookup returns null instead of throwing.
/// </summary>
internal static class DiagnosticTargets
{
    /// <summary>Returns the innermost node that covers the diagnostic's span, or null.</summary>
    public static SyntaxNode? FindNode(SyntaxNode root, Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        if (!location.IsInSource || !root.FullSpan.Contains(location.SourceSpan))
        {
            return null;
        }

        return root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
    }

    /// <summary>Returns the token that starts at the diagnostic's span, or null.</summary>
    public static SyntaxToken? FindToken(SyntaxNode root, Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        if (!location.IsInSource || !root.FullSpan.Contains(location.SourceSpan))
        {
            return null;
        }

        return root.FindToken(location.SourceSpan.Start);
    }

    /// <summary>
    /// Returns the member or local function declaration that contains <paramref name="node"/>, or null. Unlike a
    /// plain search for the nearest method, this does not mistake the method around a local function, lambda or
    /// accessor for the declaration the diagnostic is about.
    /// </summary>
    public static SyntaxNode? FindEnclosingDeclaration(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            if (ancestor is MemberDeclarationSyntax
                or LocalFunctionStatementSyntax
                or AnonymousFunctionExpressionSyntax
                or AccessorDeclarationSyntax)
            {
                return ancestor;
            }
        }

        return null;
    }
}
