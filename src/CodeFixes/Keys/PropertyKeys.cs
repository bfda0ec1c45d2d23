using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Naming;

namespace Telemetry.Generators.CodeFixes.Keys;

/// <summary>
/// Computes the property key each parameter of an event method sends, by the generator's own rules, and picks a
/// replacement for a duplicate.
/// </summary>
internal static class PropertyKeys
{
    /// <summary>The metadata name of <c>[TelemetryProperty]</c>.</summary>
    public const string PropertyAttributeName = "Telemetry.Generators.TelemetryPropertyAttribute";

    private const string ClientTypeName = "Telemetry.Generators.TelemetryClient";

    /// <summary>
    /// Reads the <c>TelemetryPropertyNaming</c> build property. A missing or unknown value selects snake case, as it
    /// does in the generator.
    /// </summary>
    public static NamingPolicy ReadPolicy(AnalyzerOptions options)
    {
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(
            "build_property." + PropertyNaming.BuildProperty,
            out var text);
        PropertyNaming.TryParse(text, out var policy);
        return policy;
    }

    /// <summary>
    /// Returns the key of each parameter, in declaration order: the <c>[TelemetryProperty]</c> argument, or the
    /// name converted by <paramref name="policy"/>. A <c>TelemetryClient</c> parameter, which is not sent, and a
    /// <c>[TelemetryProperty]</c> whose argument is blank or not a constant string get null.
    /// </summary>
    public static IReadOnlyList<string?> Read(
        IMethodSymbol method,
        Compilation compilation,
        INamedTypeSymbol propertyAttribute,
        NamingPolicy policy)
    {
        var clientType = compilation.GetTypeByMetadataName(ClientTypeName);
        var keys = new List<string?>(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            var isClient = clientType is not null && SymbolEqualityComparer.Default.Equals(parameter.Type, clientType);
            keys.Add(isClient ? null : ReadKey(parameter, propertyAttribute, policy));
        }

        return keys;
    }

    /// <summary>
    /// Chooses the new key of the parameter at <paramref name="index"/>. Of the parameters that share its key, the
    /// first keeps it and each later one, in declaration order, takes the key with the next free suffix
    /// (<c>model_type_2</c>, <c>model_type_3</c>; <c>model-type-2</c> for kebab-case keys). Every duplicate thus gets
    /// the same key whether it is fixed alone or together with the others, as fix-all does. Returns null when
    /// the parameter's key is unknown or not a duplicate, or when the parameter is the first to send it.
    /// </summary>
    public static string? ChooseReplacement(IReadOnlyList<string?> keys, int index)
    {
        var key = keys[index];
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var sharing = Enumerable.Range(0, keys.Count)
            .Where(i => string.Equals(keys[i], key, StringComparison.Ordinal))
            .ToList();
        if (sharing.Count < 2 || sharing[0] == index)
        {
            return null;
        }

        var usedKeys = new HashSet<string>(keys.Where(other => other is not null)!, StringComparer.Ordinal);
        var separator = key!.Contains("-") && !key.Contains("_") ? "-" : "_";
        var suffix = 2;
        foreach (var position in sharing.Skip(1))
        {
            var candidate = key + separator + suffix;
            while (usedKeys.Contains(candidate))
            {
                suffix++;
                candidate = key + separator + suffix;
            }

            suffix++;
            if (position == index)
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? ReadKey(IParameterSymbol parameter, INamedTypeSymbol propertyAttribute, NamingPolicy policy)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, propertyAttribute))
            {
                // Like the analyzer, a blank or non-constant key counts as no key: TEL0012 or a compiler error
                // reports it, and it takes part in no duplicate.
                var arguments = attribute.ConstructorArguments;
                var key = arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Primitive
                    ? arguments[0].Value as string
                    : null;
                return string.IsNullOrWhiteSpace(key) ? null : key;
            }
        }

        return PropertyNaming.Convert(parameter.Name, policy);
    }
}
