using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// The usual ways to suppress a diagnostic or change its severity work on the analyzers' diagnostics, because they
/// are reported at the user's own syntax.
/// </summary>
public sealed class SuppressionTests
{
    private const string UnsupportedTypeSource = AnalyzerVerifier.Usings + """
        public static partial class Events
        {
            [TelemetryEvent("Model Loaded")]
            public static partial void ModelLoaded(object payload);
        }
        """;

    private const string TrackingPlanSource = AnalyzerVerifier.Usings + """
        public static partial class Events
        {
            [TelemetryEvent("Training Completed")]
            public static partial void TrainingCompleted(int runtime);

            [TelemetryEvent("Training Completed")]
            public static partial void TrainingCompletedAgain(string runtime);
        }
        """;

    [Fact]
    public void Pragma_SuppressesError()
    {
        AnalyzerVerifier.Verify("""
            public static partial class Events
            {
            #pragma warning disable TEL0003
                [TelemetryEvent("Model Loaded")]
                public static partial void ModelLoaded(object payload);
            #pragma warning restore TEL0003

                [TelemetryEvent("Model Saved")]
                public static partial void ModelSaved({|TEL0003:object|} payload);
            }
            """);
    }

    [Fact]
    public void EditorConfigSeverityNone_RemovesDiagnostic()
    {
        var run = Run(UnsupportedTypeSource, options => options.WithSyntaxTreeOptionsProvider(
            new SeverityOptions(perFile: Severities("TEL0003", ReportDiagnostic.Suppress))));

        Assert.Empty(run.Reported);
    }

    [Fact]
    public void EditorConfigSeverityWarning_ChangesSeverity()
    {
        var run = Run(UnsupportedTypeSource, options => options
            .WithGeneralDiagnosticOption(ReportDiagnostic.Default)
            .WithSyntaxTreeOptionsProvider(new SeverityOptions(perFile: Severities("TEL0003", ReportDiagnostic.Warn))));

        var diagnostic = Assert.Single(run.Reported);
        Assert.Equal("TEL0003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void GlobalConfigSeverityNone_RemovesDiagnostic()
    {
        var run = Run(UnsupportedTypeSource, options => options.WithSyntaxTreeOptionsProvider(
            new SeverityOptions(global: Severities("TEL0003", ReportDiagnostic.Suppress))));

        Assert.Empty(run.Reported);
    }

    [Fact]
    public void TrackingPlanConflict_IsWarningByDefault()
    {
        var run = Run(TrackingPlanSource, options => options.WithGeneralDiagnosticOption(ReportDiagnostic.Default));

        var diagnostic = Assert.Single(run.Reported);
        Assert.Equal("TEL0013", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void NoWarn_RemovesWarning()
    {
        // <NoWarn> in a project file becomes a Suppress entry in the compilation's specific diagnostic options.
        var run = Run(TrackingPlanSource, options => options
            .WithGeneralDiagnosticOption(ReportDiagnostic.Default)
            .WithSpecificDiagnosticOptions(
                options.SpecificDiagnosticOptions.SetItem("TEL0013", ReportDiagnostic.Suppress)));

        Assert.Empty(run.Reported);
    }

    private static AnalyzerRun Run(
        string source,
        System.Func<CSharpCompilationOptions, CSharpCompilationOptions> configure) =>
        AnalyzerHarness.Run(ProjectSettings.Default, [source], configure);

    private static Dictionary<string, ReportDiagnostic> Severities(string id, ReportDiagnostic severity) =>
        new() { [id] = severity };
}
