using System.Collections.Generic;
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
    /// Returns the expression for the first of <see cref="FindCandidates"/>, or null when there is none.
    /// </summary>
    public static ClientInfo? Find(IMethodSymbol method)
    {
        var candidate = FindCandidates(method).FirstOrDefault();
        switch (candidate)
        {
            case IParameterSymbol parameter:
                return new ClientInfo(SymbolFormats.EscapeIdentifier(parameter.Name));
            case { IsStatic: true }:
                return new ClientInfo(candidate.ContainingType.ToDisplayString(SymbolFormats.Type) + "."
                    + SymbolFormats.EscapeIdentifier(candidate.Name));
            case not null:
                return new ClientInfo("this." + SymbolFormats.EscapeIdentifier(candidate.Name));
            default:
                return null;
        }
    }

    /// <summary>
    /// Returns every client source at the nearest level, in declaration order. That is the fields and properties of
    /// type <c>TelemetryClient</c> on the nearest of the containing type and its base types that has any (instance or
    /// static members for an instance method, static members for a static method), or else the primary constructor
    /// parameters of that type. The generator sends through the first, and more than one is an error (TEL0008).
    /// </summary>
    public static IReadOnlyList<ISymbol> FindCandidates(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            var isBaseType = !SymbolEqualityComparer.Default.Equals(type, method.ContainingType);
            var members = type.GetMembers()
                .Where(member => (!method.IsStatic || member.IsStatic)
                    && !(isBaseType && member.DeclaredAccessibility == Accessibility.Private)
                    && IsClientMember(member))
                .ToList();

            if (members.Count > 0)
            {
                return members;
            }
        }

        return method.IsStatic || method.ContainingType is null
            ? []
            : FindPrimaryConstructorParameters(method);
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
    /// Finds the primary constructor parameters of type <c>TelemetryClient</c> on a class or struct (C# 12), which
    /// are in scope in instance members. A method parameter of the same name would hide one, so that one is skipped.
    /// Records are left out because their positional parameters become properties, which are found as members.
    /// </summary>
    private static IReadOnlyList<ISymbol> FindPrimaryConstructorParameters(IMethodSymbol method)
    {
        // A primary constructor is declared by the type declaration itself rather than by a constructor declaration.
        var primaryConstructor = method.ContainingType.InstanceConstructors.FirstOrDefault(constructor =>
            constructor.DeclaringSyntaxReferences.Any(reference =>
                reference.GetSyntax() is TypeDeclarationSyntax and not RecordDeclarationSyntax));

        if (primaryConstructor is null)
        {
            return [];
        }

        return primaryConstructor.Parameters
            .Where(candidate => SymbolFormats.IsRuntimeType(candidate.Type, "TelemetryClient")
                && method.Parameters.All(own => own.Name != candidate.Name))
            .ToList<ISymbol>();
    }
}
