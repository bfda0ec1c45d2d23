using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Telemetry.Generators.SourceGeneration.Diagnostics;
using Telemetry.Generators.SourceGeneration.Emission;
using Telemetry.Generators.SourceGeneration.Parsing;

namespace Telemetry.Generators.SourceGeneration;

/// <summary>
/// Writes the bodies of partial methods marked <c>[TelemetryEvent]</c>: an enabled check, the property dictionary,
/// and the track call.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TelemetryEventGenerator : IIncrementalGenerator
{
    // Files written with EmitCompilerGeneratedFiles then start without a byte order mark.
    private static readonly Encoding Utf8WithoutBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Combine(context.ParseOptionsProvider)
            .Select((pair, _) => OptionsParser.Parse(pair.Left.GlobalOptions, pair.Right))
            .WithTrackingName(TrackingNames.Options);

        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                EventMethodParser.EventAttributeName,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: EventMethodParser.Parse)
            .Where(static method => method is not null)
            .Select(static (method, _) => method!)
            .WithTrackingName(TrackingNames.Methods);

        var types = methods
            .Collect()
            .Combine(options)
            .SelectMany(static (pair, _) => TypeGrouper.Group(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Types);

        context.RegisterSourceOutput(types, static (output, type) =>
            output.AddSource(type.Hierarchy.HintName, SourceText.From(SourceEmitter.Emit(type), Utf8WithoutBom)));

        context.RegisterSourceOutput(options, static (output, settings) =>
        {
            if (settings.InvalidNaming is not null)
            {
                output.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidNamingPolicy,
                    Location.None,
                    settings.InvalidNaming));
            }
        });
    }
}
