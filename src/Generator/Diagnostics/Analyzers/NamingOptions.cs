using Microsoft.CodeAnalysis.Diagnostics;
using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Naming;

namespace Telemetry.Generators.SourceGeneration.Diagnostics.Analyzers;

/// <summary>
/// Reads the naming policy the way the generator's options parser does.
/// </summary>
internal static class NamingOptions
{
    /// <summary>
    /// Returns the policy set by the MSBuild property <c>TelemetryPropertyNaming</c>. An unknown value falls back to
    /// snake case, as in the generator, which reports it as TEL0100.
    /// </summary>
    public static NamingPolicy Read(AnalyzerOptions options)
    {
        options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(
            "build_property." + PropertyNaming.BuildProperty,
            out var text);

        return PropertyNaming.TryParse(text, out var policy) ? policy : NamingPolicy.SnakeCase;
    }
}
