using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Telemetry.Generators.SourceGeneration.Diagnostics;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// Every descriptor links to its page under <c>docs/diagnostics/</c>, and the pages, the index and the release
/// tracking file list every id.
/// </summary>
public sealed class DiagnosticDocumentationTests
{
    private static readonly string RepositoryRoot =
        Path.GetFullPath(Path.Combine(TestProjectDirectory.FullPath, "..", ".."));

    public static TheoryData<string> Ids => new(Descriptors().Select(descriptor => descriptor.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpLink_PointsAtExistingPage(string id)
    {
        var descriptor = Descriptors().Single(candidate => candidate.Id == id);

        Assert.EndsWith($"docs/diagnostics/{id}.md", descriptor.HelpLinkUri);
        Assert.StartsWith(DiagnosticDescriptors.HelpLinkBase, descriptor.HelpLinkUri);
        var page = Path.Combine(RepositoryRoot, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing.");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_StartsWithIdAndTitle(string id)
    {
        var descriptor = Descriptors().Single(candidate => candidate.Id == id);
        var firstLine = File.ReadLines(Path.Combine(RepositoryRoot, "docs", "diagnostics", id + ".md")).First();

        Assert.Equal($"# {id}: {descriptor.Title}", firstLine);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Index_ListsRule(string id)
    {
        var index = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "diagnostics", "README.md"));

        Assert.Contains($"| [{id}]({id}.md) |", index);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ReleaseTracking_ListsRule(string id)
    {
        var descriptor = Descriptors().Single(candidate => candidate.Id == id);
        var path = Path.Combine(RepositoryRoot, "src", "Generator", "AnalyzerReleases.Unshipped.md");
        var unshipped = File.ReadAllText(path);

        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", unshipped);
    }

    [Fact]
    public void EveryDeclarationRule_HasOneAnalyzer()
    {
        var supported = AnalyzerHarness.All
            .SelectMany(analyzer => analyzer.SupportedDiagnostics)
            .Select(descriptor => descriptor.Id)
            .ToList();

        // TEL0100 is about build settings, which the generator reports itself.
        var expected = Descriptors().Select(descriptor => descriptor.Id).Where(id => id != "TEL0100").Order();
        Assert.Equal(expected, supported.Order());
    }

    [Fact]
    public void TrackingPlanConflict_IsCompilationEnd()
    {
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, DiagnosticDescriptors.TrackingPlanConflict.CustomTags);
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .OrderBy(descriptor => descriptor.Id, System.StringComparer.Ordinal);
}
