using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Telemetry.Generators.SourceGeneration.Model;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// Finds the <c>TelemetryClient</c> an event method sends through when it has no client parameter.
/// </summary>
internal static class ClientFinder
{
    /// <summary>
    /// Looks for a field or property of type <c>TelemetryClient</c> on the containing type or its base types (instance
    /// or static members for an instance method, static members for a static method), then for a primary constructor
    /// parameter of that type. The nearest type wins, then the first member declared. Returns null when there is none.
    /// </summary>
    public static ClientInfo? Find(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            var isBaseType = !SymbolEqualityComparer.Default.Equals(type, method.ContainingType);
            foreach (var member in type.GetMembers())
            {
                if ((method.IsStatic && !member.IsStatic)
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

        return method.IsStatic ? null : FindPrimaryConstructorParameter(method);
    }

    private static bool IsClientMember(ISymbol member) => member switch
    {
        // Backing fields of auto-properties are implicitly declared; the property itself is found instead.
        IFieldSymbol field => !field.IsImplicitlyDeclared && SymbolFormats.IsRuntimeType(field.Type, "TelemetryClient"),
        IPropertySymbol property => !property.IsIndexer
            && property.GetMethod is not null
            && SymbolFormats.IsRuntimeType(property.Type, "TelemetryClient"),
        _ => false,
    };

    /// <summary>
    /// Finds a primary constructor parameter of type <c>TelemetryClient</c> on a class or struct (C# 12), which is in
    /// scope in instance members. A method parameter of the same name would hide it, so that case is skipped.
    /// Records are left out because their positional parameters become properties, which are found as members.
    /// </summary>
    private static ClientInfo? FindPrimaryConstructorParameter(IMethodSymbol method)
    {
        // A primary constructor is declared by the type declaration itself rather than by a constructor declaration.
        var primaryConstructor = method.ContainingType.InstanceConstructors.FirstOrDefault(constructor =>
            constructor.DeclaringSyntaxReferences.Any(reference =>
                reference.GetSyntax() is TypeDeclarationSyntax and not RecordDeclarationSyntax));

        var parameter = primaryConstructor?.Parameters.FirstOrDefault(candidate =>
            SymbolFormats.IsRuntimeType(candidate.Type, "TelemetryClient")
            && method.Parameters.All(own => own.Name != candidate.Name));

        return parameter is null ? null : new ClientInfo(SymbolFormats.EscapeIdentifier(parameter.Name));
    }
}
