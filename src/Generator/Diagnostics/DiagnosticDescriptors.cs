using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.SourceGeneration.Diagnostics;

/// <summary>
/// The descriptors of every diagnostic this assembly reports. Ids are never reused once retired.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string HelpLinkBase = "https://github.com/telemetry-generators/telemetry-generators/blob/main/docs/diagnostics/";

    /// <summary>TEL0100: the MSBuild property <c>TelemetryPropertyNaming</c> has a value that is not a policy.</summary>
    public static readonly DiagnosticDescriptor InvalidNamingPolicy = new(
        id: "TEL0100",
        title: "Invalid TelemetryPropertyNaming value",
        messageFormat: "The MSBuild property TelemetryPropertyNaming is '{0}', which is not a naming policy; "
            + "use SnakeCase, CamelCase, PascalCase, KebabCase or AsDeclared. Keys use SnakeCase until it is fixed.",
        category: "Telemetry.Configuration",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "TEL0100.md");
}
