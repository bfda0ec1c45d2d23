using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Telemetry.Generators.CodeFixes.Editing;

/// <summary>
/// Turns a method declaration into the shape the generator implements: a <c>partial void</c> definition without a
/// body, in types that are all <c>partial</c>.
/// </summary>
internal static class EventMethodEditing
{
    /// <summary>Returns whether the method has a block body or an expression body.</summary>
    public static bool HasBody(MethodDeclarationSyntax method) =>
        method.Body is not null || method.ExpressionBody is not null;

    /// <summary>Returns whether the return type is written as <c>void</c>.</summary>
    public static bool ReturnsVoid(MethodDeclarationSyntax method) =>
        method.ReturnType is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.VoidKeyword);

    /// <summary>
    /// Returns the type declarations around <paramref name="node"/> (the node itself included, when it is one) that
    /// lack <c>partial</c>, outermost first.
    /// </summary>
    public static IReadOnlyList<TypeDeclarationSyntax> FindNonPartialTypes(SyntaxNode node) =>
        node.AncestorsAndSelf()
            .OfType<TypeDeclarationSyntax>()
            .Where(type => !type.Modifiers.Any(SyntaxKind.PartialKeyword))
            .Reverse()
            .ToList();

    /// <summary>
    /// Removes the method's body and <c>async</c> (which means nothing without a body), and makes the method a
    /// <c>partial</c> definition: <c>void M() { ... }</c> becomes <c>partial void M();</c>.
    /// </summary>
    public static MethodDeclarationSyntax ToPartialDefinition(MethodDeclarationSyntax method)
    {
        var result = ModifierEditing.RemoveModifier(method, SyntaxKind.AsyncKeyword);
        result = RemoveBody(result);
        return ModifierEditing.AddPartial(result);
    }

    /// <summary>
    /// Does what <see cref="ToPartialDefinition"/> does and also changes the return type to <c>void</c>.
    /// </summary>
    public static MethodDeclarationSyntax ToPartialVoidDefinition(MethodDeclarationSyntax method)
    {
        var result = ToPartialDefinition(method);
        if (ReturnsVoid(result))
        {
            return result;
        }

        var voidType = SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.VoidKeyword))
            .WithTriviaFrom(result.ReturnType);
        return result.WithReturnType(voidType);
    }

    /// <summary>
    /// Replaces a block or expression body by <c>;</c>. A comment that followed the signature on its line moves
    /// behind the semicolon, so that it cannot comment the semicolon out.
    /// </summary>
    private static MethodDeclarationSyntax RemoveBody(MethodDeclarationSyntax method)
    {
        if (!HasBody(method))
        {
            return method;
        }

        var firstBodyToken = method.Body?.OpenBraceToken ?? method.ExpressionBody!.ArrowToken;
        var signatureEnd = firstBodyToken.GetPreviousToken();
        if (!method.Span.Contains(signatureEnd.Span))
        {
            return method;
        }

        // The last token that was typed: a half-typed body may lack its closing brace or semicolon.
        var lastBodyToken = method.GetLastToken();

        var semicolonTrivia = new List<SyntaxTrivia>();
        foreach (var trivia in signatureEnd.TrailingTrivia.Where(IsComment))
        {
            semicolonTrivia.Add(SyntaxFactory.Space);
            semicolonTrivia.Add(trivia);
        }

        semicolonTrivia.AddRange(lastBodyToken.TrailingTrivia);
        var semicolon = SyntaxFactory.Token(
            SyntaxTriviaList.Empty,
            SyntaxKind.SemicolonToken,
            SyntaxFactory.TriviaList(semicolonTrivia));

        var withoutBody = method
            .ReplaceToken(signatureEnd, signatureEnd.WithTrailingTrivia(SyntaxTriviaList.Empty))
            .WithBody(null)
            .WithExpressionBody(null)
            .WithSemicolonToken(semicolon);
        return withoutBody;
    }

    private static bool IsComment(SyntaxTrivia trivia) =>
        trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);
}
