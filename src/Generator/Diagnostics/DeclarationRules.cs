using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Telemetry.Generators.SourceGeneration.Diagnostics;

/// <summary>
/// Declaration rules that the analyzers report and the generator obeys. A method that breaks one still gets a generated
/// body that sends nothing, so the build shows the analyzer's error and no follow-on error from generated code.
/// </summary>
internal static class DeclarationRules
{
    /// <summary>The prefix of the helpers that generated code adds to a type, e.g. <c>__TelemetryEnum0</c>.</summary>
    public const string ReservedPrefix = "__Telemetry";

    /// <summary>Returns whether <paramref name="name"/> starts with <see cref="ReservedPrefix"/>.</summary>
    public static bool IsReservedName(string name) => name.StartsWith(ReservedPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Returns the members that the user declared in <paramref name="type"/> (nested types included) whose names
    /// start with <see cref="ReservedPrefix"/>.
    /// </summary>
    public static IEnumerable<ISymbol> FindReservedMembers(INamedTypeSymbol type) =>
        type.GetMembers().Where(member => !member.IsImplicitlyDeclared && IsReservedName(member.Name));

    /// <summary>
    /// Returns the modifiers of <paramref name="parameter"/> that an event method may not use: <c>out</c>,
    /// <c>params</c>, <c>scoped</c>, and <c>ref</c> unless it is <c>ref readonly</c>. Generated code only reads a
    /// parameter, so <c>in</c>, <c>ref readonly</c> and <c>this</c> are allowed.
    /// </summary>
    public static IEnumerable<SyntaxToken> FindRejectedModifiers(ParameterSyntax parameter)
    {
        var modifiers = parameter.Modifiers;
        for (var i = 0; i < modifiers.Count; i++)
        {
            var kind = modifiers[i].Kind();
            var isRefReadOnly = kind == SyntaxKind.RefKeyword
                && i + 1 < modifiers.Count
                && modifiers[i + 1].IsKind(SyntaxKind.ReadOnlyKeyword);

            if (kind is SyntaxKind.OutKeyword or SyntaxKind.ParamsKeyword or SyntaxKind.ScopedKeyword
                || (kind == SyntaxKind.RefKeyword && !isRefReadOnly))
            {
                yield return modifiers[i];
            }
        }
    }

    /// <summary>
    /// Returns whether <paramref name="type"/> or a type inside it did not resolve. The compiler reports such a type
    /// itself, so neither the analyzers nor the generator add anything.
    /// </summary>
    public static bool ContainsErrorType(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => ContainsErrorType(array.ElementType),
        IPointerTypeSymbol pointer => ContainsErrorType(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsErrorType),
        _ => false,
    };
}
