using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// Turns one <c>[TelemetryEvent]</c> method into an <see cref="EventMethodInfo"/>.
/// </summary>
internal static class EventMethodParser
{
    /// <summary>The attribute's metadata name, which the pipeline filters on.</summary>
    public const string EventAttributeName = "Telemetry.Generators.TelemetryEventAttribute";

    /// <summary>
    /// Reads the method the attribute is on. Returns null when no body should be generated at all: the method is not a
    /// partial definition, already has an implementation, or sits in a type that is not partial. Returns a model with
    /// <see cref="EventMethodInfo.IsValid"/> false when a body is needed only to keep the build free of follow-on
    /// errors (the analyzers report the problem itself).
    /// </summary>
    public static EventMethodInfo? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method
            || context.TargetNode is not MethodDeclarationSyntax syntax
            || !IsPartialDefinition(method, syntax)
            || method.ReturnsByRef
            || method.ReturnsByRefReadonly
            || !CanRedeclare(method, syntax))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var hierarchy = HierarchyParser.Parse(method.ContainingType);
        if (hierarchy is null)
        {
            return null;
        }

        var eventName = ReadEventName(context.Attributes);
        var parameters = ParseParameters(method, syntax);
        var clientParameters = parameters.Where(parameter => parameter.IsClient).ToList();
        var isValid = EventNameRules.IsValid(eventName)
            && method.ReturnsVoid
            && clientParameters.Count <= 1
            && parameters.All(IsTrackable);

        var client = clientParameters.Count == 1
            ? new ClientInfo(clientParameters[0].Identifier)
            : ClientFinder.Find(method) ?? ClientInfo.Default;

        return new EventMethodInfo(
            hierarchy,
            eventName,
            string.Join(" ", syntax.Modifiers.Select(modifier => modifier.Text)),
            method.ReturnType.ToDisplayString(SymbolFormats.Type),
            SymbolFormats.EscapeIdentifier(method.Name),
            HierarchyParser.FormatTypeParameters(method.TypeParameters),
            new EquatableArray<string>(ConstraintFormatter.Format(method.TypeParameters)),
            new EquatableArray<ParameterInfo>(parameters),
            client,
            isValid,
            FindDeclarationIndex(method.ContainingType, syntax),
            syntax.Parent is TypeDeclarationSyntax parent ? parent.Members.IndexOf(syntax) : 0);
    }

    private static bool IsPartialDefinition(IMethodSymbol method, MethodDeclarationSyntax syntax) =>
        syntax.Modifiers.Any(SyntaxKind.PartialKeyword)
        && syntax.Body is null
        && syntax.ExpressionBody is null
        && method.PartialImplementationPart is null
        && method.ContainingType is not null;

    /// <summary>
    /// Returns whether a matching implementation can be written at all. A signature with a syntax error or an
    /// unresolved type would only be copied into the generated file as more errors, and a second definition of the
    /// same method would get a second implementation; in those cases the compiler's own error is the one to show.
    /// </summary>
    private static bool CanRedeclare(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        if (syntax.ParameterList.ContainsDiagnostics
            || syntax.ReturnType.ContainsDiagnostics
            || syntax.TypeParameterList?.ContainsDiagnostics == true
            || syntax.ConstraintClauses.Any(clause => clause.ContainsDiagnostics)
            || method.ReturnType.TypeKind == TypeKind.Error
            || method.Parameters.Any(parameter => parameter.Name.Length == 0 || ContainsErrorType(parameter.Type)))
        {
            return false;
        }

        // CS0756 (several defining declarations): only the first one declared gets a body.
        var firstDefinition = method.ContainingType.GetMembers(method.Name)
            .OfType<IMethodSymbol>()
            .Where(candidate => candidate.IsPartialDefinition && HaveSameParameters(candidate, method))
            .SelectMany(candidate => candidate.DeclaringSyntaxReferences)
            .OrderBy(reference => reference.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(reference => reference.Span.Start)
            .FirstOrDefault();

        return firstDefinition is null
            || (firstDefinition.SyntaxTree == syntax.SyntaxTree && firstDefinition.Span.Start == syntax.SpanStart);
    }

    private static bool ContainsErrorType(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsErrorType),
        _ => false,
    };

    private static bool HaveSameParameters(IMethodSymbol left, IMethodSymbol right) =>
        left.Parameters.Length == right.Parameters.Length
        && left.Parameters.Zip(right.Parameters, (a, b) => SymbolEqualityComparer.Default.Equals(a.Type, b.Type))
            .All(same => same);

    private static int FindDeclarationIndex(INamedTypeSymbol type, MethodDeclarationSyntax syntax)
    {
        var references = type.DeclaringSyntaxReferences;
        for (var i = 0; i < references.Length; i++)
        {
            if (references[i].SyntaxTree == syntax.SyntaxTree && references[i].Span.Contains(syntax.Span))
            {
                return i;
            }
        }

        return 0;
    }

    private static string? ReadEventName(IEnumerable<AttributeData> attributes)
    {
        var attribute = attributes.FirstOrDefault();
        if (attribute is null || attribute.ConstructorArguments.Length != 1)
        {
            return null;
        }

        var argument = attribute.ConstructorArguments[0];
        return argument.Kind == TypedConstantKind.Primitive ? argument.Value as string : null;
    }

    private static List<ParameterInfo> ParseParameters(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        var parameters = new List<ParameterInfo>(method.Parameters.Length);
        var syntaxParameters = syntax.ParameterList.Parameters;
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            var modifiers = i < syntaxParameters.Count
                ? string.Join(" ", syntaxParameters[i].Modifiers.Select(modifier => modifier.Text))
                : string.Empty;
            var isClient = SymbolFormats.IsRuntimeType(parameter.Type, "TelemetryClient");

            parameters.Add(new ParameterInfo(
                modifiers,
                parameter.Type.ToDisplayString(SymbolFormats.Type),
                SymbolFormats.EscapeIdentifier(parameter.Name),
                parameter.Name,
                ReadRename(parameter),
                isClient ? ValueInfo.Direct : ValueClassifier.Classify(parameter.Type),
                isClient,
                parameter.RefKind == RefKind.Out));
        }

        return parameters;
    }

    /// <summary>
    /// Returns the key given by <c>[TelemetryProperty("key")]</c>; an empty string when the attribute is there but its
    /// argument is missing or not a constant string, so the method is treated as invalid.
    /// </summary>
    private static string? ReadRename(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (!SymbolFormats.IsRuntimeType(attribute.AttributeClass, "TelemetryPropertyAttribute"))
            {
                continue;
            }

            var arguments = attribute.ConstructorArguments;
            return arguments.Length == 1 && arguments[0].Value is string key ? key : string.Empty;
        }

        return null;
    }

    private static bool IsTrackable(ParameterInfo parameter)
    {
        if (parameter.IsClient)
        {
            return parameter.Modifiers.Length == 0;
        }

        // in and ref readonly parameters are read like values. ref, out, params and scoped make the method invalid.
        var modifiers = parameter.Modifiers.Split(' ');
        var rejected = modifiers.Any(modifier => modifier is "out" or "params" or "scoped")
            || (modifiers.Contains("ref") && !modifiers.Contains("readonly"));

        return !rejected
            && parameter.Value.IsSupported
            && (parameter.Rename is null || parameter.Rename.Trim().Length > 0);
    }
}
