using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Telemetry.Generators.CodeFixes.Editing;

/// <summary>
/// A set of declarations to change in one document: types and methods that get <c>partial</c>, methods whose body
/// goes, and user-written implementation parts that go entirely. Several diagnostics' edits combine into one set, so
/// that fix-all changes a type shared by many event methods once.
/// </summary>
internal sealed class PartialEdit
{
    private const string AnnotationKind = "Telemetry.PartialEdit";
    private const string AddPartialData = "AddPartial";
    private const string RemoveBodyData = "RemoveBody";
    private const string RemoveDeclarationData = "RemoveDeclaration";

    private readonly HashSet<SyntaxNode> addPartial = new();
    private readonly HashSet<MethodDeclarationSyntax> removeBody = new();
    private readonly HashSet<MethodDeclarationSyntax> removeDeclaration = new();

    public bool IsEmpty => addPartial.Count == 0 && removeBody.Count == 0 && removeDeclaration.Count == 0;

    /// <summary>Adds <c>partial</c> to a type or method declaration.</summary>
    public void AddPartial(SyntaxNode declaration) => addPartial.Add(declaration);

    /// <summary>
    /// Turns a method with a body into a partial definition (<see cref="EventMethodEditing.ToPartialDefinition"/>).
    /// </summary>
    public void RemoveBody(MethodDeclarationSyntax method) => removeBody.Add(method);

    /// <summary>Removes a method declaration with its leading trivia.</summary>
    public void RemoveDeclaration(MethodDeclarationSyntax method) => removeDeclaration.Add(method);

    /// <summary>Adds every change of <paramref name="other"/>.</summary>
    public void UnionWith(PartialEdit other)
    {
        addPartial.UnionWith(other.addPartial);
        removeBody.UnionWith(other.removeBody);
        removeDeclaration.UnionWith(other.removeDeclaration);
    }

    /// <summary>Returns <paramref name="root"/> with every change applied.</summary>
    public SyntaxNode Apply(SyntaxNode root)
    {
        // Mark the targets first, because each edit makes new nodes and the original references stop matching.
        var targets = addPartial.Concat(removeBody).Concat(removeDeclaration).Distinct().ToList();
        var marked = root.ReplaceNodes(targets, (original, rewritten) =>
            rewritten.WithAdditionalAnnotations(new SyntaxAnnotation(AnnotationKind, ChooseData(original))));

        var removals = marked.GetAnnotatedNodes(AnnotationKind)
            .Where(node => node.GetAnnotations(AnnotationKind).First().Data == RemoveDeclarationData)
            .ToList();
        var withoutRemovals = removals.Count == 0
            ? marked
            : marked.RemoveNodes(removals, SyntaxRemoveOptions.KeepNoTrivia) ?? marked;

        var edits = withoutRemovals.GetAnnotatedNodes(AnnotationKind).ToList();
        return withoutRemovals.ReplaceNodes(edits, (original, rewritten) => Edit(original, rewritten));
    }

    private string ChooseData(SyntaxNode original)
    {
        if (original is MethodDeclarationSyntax method)
        {
            if (removeDeclaration.Contains(method))
            {
                return RemoveDeclarationData;
            }

            if (removeBody.Contains(method))
            {
                return RemoveBodyData;
            }
        }

        return AddPartialData;
    }

    private static SyntaxNode Edit(SyntaxNode original, SyntaxNode rewritten)
    {
        var data = original.GetAnnotations(AnnotationKind).First().Data;
        return rewritten switch
        {
            MethodDeclarationSyntax method when data == RemoveBodyData =>
                EventMethodEditing.ToPartialDefinition(method),
            MethodDeclarationSyntax method => ModifierEditing.AddPartial(method),
            TypeDeclarationSyntax type => ModifierEditing.AddPartial(type),
            _ => rewritten,
        };
    }
}
