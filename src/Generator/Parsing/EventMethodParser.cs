using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Telemetry.Generators.SourceGeneration.Diagnostics;
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
        var clientSourceCount = clientParameters.Count > 0
            ? clientParameters.Count
            : ClientFinder.FindCandidates(method).Count;

        // Each condition matches an analyzer rule, which reports the problem when the method gets a body that sends
        // nothing. TypeGrouper adds the duplicate key rule.
        var isValid = EventNameRules.IsValid(eventName)
            && method.ReturnsVoid
            && !syntax.Modifiers.Any(SyntaxKind.AsyncKeyword)
            && clientSourceCount <= 1
            && !HasReservedName(method)
            && !syntax.ParameterList.Parameters.SelectMany(DeclarationRules.FindRejectedModifiers).Any()
            && parameters.All(IsTrackable);

        var client = clientParameters.Count == 1
            ? new ClientInfo(clientParameters[0].Identifier)
            : ClientFinder.Find(method) ?? ClientInfo.Default;

        // 'async' is left out of the implementation: the definition already has CS1994, and an async body without
        // await would add CS1998 in the generated file.
        var modifiers = syntax.Modifiers
            .Where(modifier => !modifier.IsKind(SyntaxKind.AsyncKeyword))
            .Select(modifier => modifier.Text);

        return new EventMethodInfo(
            hierarchy,
            eventName,
            string.Join(" ", modifiers),
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
    /// unresolved type would only be copied into the generated file as more errors. A second definition of the same
    /// method would get a second implementation. In those cases the compiler's own error is the one to show.
    /// </summary>
    private static bool CanRedeclare(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        if (syntax.ParameterList.ContainsDiagnostics
            || syntax.ReturnType.ContainsDiagnostics
            || syntax.TypeParameterList?.ContainsDiagnostics == true
            || syntax.ConstraintClauses.Any(clause => clause.ContainsDiagnostics)
            || method.ReturnType.TypeKind == TypeKind.Error
            || method.Parameters.Any(parameter =>
                parameter.Name.Length == 0 || DeclarationRules.ContainsErrorType(parameter.Type))
            || syntax.ExplicitInterfaceSpecifier is not null
            || NeedsAccessibility(method, syntax))
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

    /// <summary>
    /// Returns whether the compiler rejects the definition because it lacks an accessibility modifier (CS8794 to
    /// CS8798). A partial method without one must return void, and it may have no out parameter and no virtual,
    /// override, sealed, new or extern modifier.
    /// </summary>
    private static bool NeedsAccessibility(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        var hasAccessibility = syntax.Modifiers.Any(modifier => modifier.Kind()
            is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword
            or SyntaxKind.InternalKeyword);
        if (hasAccessibility)
        {
            return false;
        }

        return !method.ReturnsVoid
            || method.Parameters.Any(parameter => parameter.RefKind == RefKind.Out)
            || syntax.Modifiers.Any(modifier => modifier.Kind()
                is SyntaxKind.VirtualKeyword or SyntaxKind.OverrideKeyword or SyntaxKind.SealedKeyword
                or SyntaxKind.NewKeyword or SyntaxKind.ExternKeyword);
    }

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

    /// <summary>
    /// Returns whether a parameter or a member of the containing type uses the prefix of generated helpers, which
    /// would then collide with or hide them.
    /// </summary>
    private static bool HasReservedName(IMethodSymbol method) =>
        method.Parameters.Any(parameter => DeclarationRules.IsReservedName(parameter.Name))
        || DeclarationRules.FindReservedMembers(method.ContainingType).Any();

    /// <summary>
    /// Returns whether a parameter can be sent: the client is never a property, and any other value needs a type
    /// with a JSON form and, when renamed, a key that is not blank. Modifiers are checked on the syntax.
    /// </summary>
    private static bool IsTrackable(ParameterInfo parameter) =>
        parameter.IsClient
        || (parameter.Value.IsSupported && (parameter.Rename is null || parameter.Rename.Trim().Length > 0));
}
