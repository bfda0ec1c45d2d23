using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// Diagnostic severities as a build reads them from configuration files: <c>dotnet_diagnostic.ID.severity</c> in an
/// <c>.editorconfig</c> section that covers every file, or in a global analyzer config (<c>is_global = true</c>).
/// </summary>
internal sealed class SeverityOptions : SyntaxTreeOptionsProvider
{
    private readonly IReadOnlyDictionary<string, ReportDiagnostic> perFile;
    private readonly IReadOnlyDictionary<string, ReportDiagnostic> global;

    public SeverityOptions(
        IReadOnlyDictionary<string, ReportDiagnostic>? perFile = null,
        IReadOnlyDictionary<string, ReportDiagnostic>? global = null)
    {
        this.perFile = perFile ?? new Dictionary<string, ReportDiagnostic>();
        this.global = global ?? new Dictionary<string, ReportDiagnostic>();
    }

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
        GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(
        SyntaxTree tree,
        string diagnosticId,
        CancellationToken cancellationToken,
        out ReportDiagnostic severity) =>
        perFile.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(
        string diagnosticId,
        CancellationToken cancellationToken,
        out ReportDiagnostic severity) =>
        global.TryGetValue(diagnosticId, out severity);
}
