using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Telemetry.Generators.CodeFixes.Editing;

/// <summary>
/// Adds and removes declaration modifiers. Indentation, line breaks and comments stay where they were: a removed
/// token hands its leading trivia to the token that follows it.
/// </summary>
internal static class ModifierEditing
{
    /// <summary>
    /// Adds <c>partial</c> as the last modifier, because C# requires it directly before the type keyword
    /// (<c>public static partial class</c>, <c>readonly ref partial struct</c>, <c>partial record struct</c>).
    /// </summary>
    public static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return type;
        }

        if (type.Modifiers.Count > 0)
        {
            return type.WithModifiers(type.Modifiers.Add(PartialKeyword(SyntaxTriviaList.Empty)));
        }

        return type
            .WithModifiers(SyntaxFactory.TokenList(PartialKeyword(type.Keyword.LeadingTrivia)))
            .WithKeyword(type.Keyword.WithLeadingTrivia(SyntaxTriviaList.Empty));
    }

    /// <summary>
    /// Adds <c>partial</c> as the last modifier, directly before the return type
    /// (<c>public static partial void</c>).
    /// </summary>
    public static MethodDeclarationSyntax AddPartial(MethodDeclarationSyntax method)
    {
        if (method.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return method;
        }

        if (method.Modifiers.Count > 0)
        {
            return method.WithModifiers(method.Modifiers.Add(PartialKeyword(SyntaxTriviaList.Empty)));
        }

        return method
            .WithModifiers(SyntaxFactory.TokenList(PartialKeyword(method.ReturnType.GetLeadingTrivia())))
            .WithReturnType(method.ReturnType.WithLeadingTrivia(SyntaxTriviaList.Empty));
    }

    /// <summary>Removes the first modifier of <paramref name="kind"/>, if the method has one.</summary>
    public static MethodDeclarationSyntax RemoveModifier(MethodDeclarationSyntax method, SyntaxKind kind)
    {
        var index = method.Modifiers.IndexOf(kind);
        if (index < 0)
        {
            return method;
        }

        var modifiers = RemoveRange(method.Modifiers, index, 1, out var orphanedTrivia);
        var returnType = method.ReturnType.WithLeadingTrivia(
            orphanedTrivia.AddRange(method.ReturnType.GetLeadingTrivia()));
        return method.WithModifiers(modifiers).WithReturnType(returnType);
    }

    /// <summary>
    /// Removes <paramref name="count"/> modifiers of a parameter, starting at <paramref name="index"/>.
    /// </summary>
    public static ParameterSyntax RemoveModifiers(ParameterSyntax parameter, int index, int count)
    {
        var modifiers = RemoveRange(parameter.Modifiers, index, count, out var orphanedTrivia);
        var result = parameter.WithModifiers(modifiers);
        if (orphanedTrivia.Count == 0 || parameter.Type is null)
        {
            return result;
        }

        var type = parameter.Type.WithLeadingTrivia(orphanedTrivia.AddRange(parameter.Type.GetLeadingTrivia()));
        return result.WithType(type);
    }

    private static SyntaxToken PartialKeyword(SyntaxTriviaList leadingTrivia) =>
        SyntaxFactory.Token(leadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));

    /// <summary>
    /// Removes modifiers and moves the trivia worth keeping onto the next modifier. When no modifier follows,
    /// <paramref name="orphanedTrivia"/> returns that trivia for the caller to put before the next token.
    /// </summary>
    private static SyntaxTokenList RemoveRange(
        SyntaxTokenList modifiers,
        int index,
        int count,
        out SyntaxTriviaList orphanedTrivia)
    {
        var carried = SyntaxTriviaList.Empty;
        for (var i = index; i < index + count; i++)
        {
            var token = modifiers[i];

            // The first removed token's leading trivia is the indentation or line break of the declaration.
            // Elsewhere whitespace alone is dropped, so that "out int" becomes "int" and not " int".
            if (i == index || HasText(token.LeadingTrivia))
            {
                carried = carried.AddRange(token.LeadingTrivia);
            }

            if (HasText(token.TrailingTrivia))
            {
                carried = carried.AddRange(token.TrailingTrivia);
            }
        }

        var remaining = modifiers;
        for (var i = 0; i < count; i++)
        {
            remaining = remaining.RemoveAt(index);
        }

        if (index < remaining.Count)
        {
            var next = remaining[index];
            orphanedTrivia = SyntaxTriviaList.Empty;
            return remaining.Replace(next, next.WithLeadingTrivia(carried.AddRange(next.LeadingTrivia)));
        }

        orphanedTrivia = carried;
        return remaining;
    }

    /// <summary>Returns whether trivia contains more than whitespace and line breaks, such as a comment.</summary>
    private static bool HasText(SyntaxTriviaList trivia) =>
        trivia.Any(item => !item.IsKind(SyntaxKind.WhitespaceTrivia) && !item.IsKind(SyntaxKind.EndOfLineTrivia));
}
