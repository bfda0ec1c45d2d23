using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// Build settings of a simulated consumer project: what its .csproj would set for the compiler and the generator.
/// </summary>
internal sealed record ProjectSettings
{
    public static ProjectSettings Default { get; } = new();

    public LanguageVersion LanguageVersion { get; init; } = LanguageVersion.Latest;

    public NullableContextOptions Nullable { get; init; } = NullableContextOptions.Enable;

    /// <summary>
    /// <see cref="DocumentationMode.Diagnose"/> is what <c>GenerateDocumentationFile</c> turns on: it reports
    /// CS1591 for undocumented public members.
    /// </summary>
    public DocumentationMode DocumentationMode { get; init; } = DocumentationMode.Parse;

    /// <summary>
    /// MSBuild properties visible to the generator, without the <c>build_property.</c> prefix.
    /// </summary>
    public ImmutableDictionary<string, string> BuildProperties { get; init; } =
        ImmutableDictionary<string, string>.Empty;

    /// <summary>Whether the project sets <c>AllowUnsafeBlocks</c>.</summary>
    public bool AllowUnsafe { get; init; }

    public ProjectSettings WithUnsafe() => this with { AllowUnsafe = true };

    public ProjectSettings WithBuildProperty(string name, string value) =>
        this with { BuildProperties = BuildProperties.SetItem(name, value) };

    public CSharpParseOptions CreateParseOptions() =>
        new(LanguageVersion, DocumentationMode, SourceCodeKind.Regular);

    /// <summary>
    /// Creates options that report every warning of every warning level as an error, as a consumer with
    /// <c>TreatWarningsAsErrors</c> and <c>WarningLevel</c> 9999 would see them.
    /// </summary>
    public CSharpCompilationOptions CreateCompilationOptions()
    {
        // The SDK suppresses CS1701 and CS1702 (assembly version unification) in every project, and the runtime
        // assembly references an older System.Runtime than the reference assemblies used here.
        var suppressed = new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        };

        return new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(Nullable)
            .WithAllowUnsafe(AllowUnsafe)
            .WithWarningLevel(9999)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            .WithSpecificDiagnosticOptions(suppressed)
            .WithDeterministic(true);
    }
}
