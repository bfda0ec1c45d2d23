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
            || method.ReturnsByRefReadonly)
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
            : FindClientMember(method) ?? ClientInfo.Default;

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
            syntax.SyntaxTree.FilePath,
            syntax.SpanStart);
    }

    private static bool IsPartialDefinition(IMethodSymbol method, MethodDeclarationSyntax syntax) =>
        syntax.Modifiers.Any(SyntaxKind.PartialKeyword)
        && syntax.Body is null
        && syntax.ExpressionBody is null
        && method.PartialImplementationPart is null
        && method.ContainingType is not null;

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

        // NOTE: in and ref readonly are read like values; ref, out, params and scoped are rejected by the analyzers.
        var modifiers = parameter.Modifiers.Split(' ');
        var rejected = modifiers.Any(modifier => modifier is "out" or "params" or "scoped")
            || (modifiers.Contains("ref") && !modifiers.Contains("readonly"));

        return !rejected
            && parameter.Value.IsSupported
            && (parameter.Rename is null || parameter.Rename.Trim().Length > 0);
    }

    /// <summary>
    /// Finds a field or property of type <c>TelemetryClient</c> on the containing type or its base types: instance or
    /// static members for an instance method, static members for a static method. The nearest type wins, then the
    /// first member declared.
    /// </summary>
    private static ClientInfo? FindClientMember(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            var isBaseType = !SymbolEqualityComparer.Default.Equals(type, method.ContainingType);
            foreach (var member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared
                    || (method.IsStatic && !member.IsStatic)
                    || (isBaseType && member.DeclaredAccessibility == Accessibility.Private)
                    || !IsClientMember(member))
                {
                    continue;
                }

                var name = SymbolFormats.EscapeIdentifier(member.Name);
                return member.IsStatic
                    ? new ClientInfo(type.ToDisplayString(SymbolFormats.Type) + "." + name)
                    : new ClientInfo("this." + name);
            }
        }

        return null;
    }

    private static bool IsClientMember(ISymbol member) => member switch
    {
        IFieldSymbol field => SymbolFormats.IsRuntimeType(field.Type, "TelemetryClient"),
        IPropertySymbol property => !property.IsIndexer
            && property.GetMethod is not null
            && SymbolFormats.IsRuntimeType(property.Type, "TelemetryClient"),
        _ => false,
    };
}
