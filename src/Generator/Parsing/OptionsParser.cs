using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Naming;

namespace Telemetry.Generators.SourceGeneration.Parsing;

/// <summary>
/// Reads build settings into a <see cref="GeneratorOptions"/>.
/// </summary>
internal static class OptionsParser
{
    /// <summary>
    /// Reads <c>build_property.TelemetryPropertyNaming</c> and the language version.
    /// </summary>
    public static GeneratorOptions Parse(AnalyzerConfigOptions globalOptions, ParseOptions parseOptions)
    {
        globalOptions.TryGetValue("build_property." + PropertyNaming.BuildProperty, out var namingText);
        var isKnown = PropertyNaming.TryParse(namingText, out var naming);
        var supportsNullable = parseOptions is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 };

        return new GeneratorOptions(naming, isKnown ? null : namingText, supportsNullable);
    }
}
