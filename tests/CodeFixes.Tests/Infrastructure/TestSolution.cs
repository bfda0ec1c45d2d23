using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Telemetry.Generators.CodeFixes.Tests.Infrastructure;

/// <summary>
/// A workspace solution of C# projects that reference the telemetry runtime. Project <c>i</c> is named
/// <c>Project{i}</c> and contains the documents <c>/Project{i}/Test{j}.cs</c>.
/// </summary>
internal sealed class TestSolution
{
    // One workspace for every test: composing its services takes a while, and the tests never change it, because
    // every edit makes a new immutable Solution.
    private static readonly AdhocWorkspace Workspace = new();

    private TestSolution(Solution solution, IReadOnlyList<IReadOnlyList<DocumentId>> documentIds)
    {
        Solution = solution;
        DocumentIds = documentIds;
    }

    public Solution Solution { get; }

    /// <summary>The document ids, by project and then by document.</summary>
    public IReadOnlyList<IReadOnlyList<DocumentId>> DocumentIds { get; }

    public Document Document(int project, int document) => Solution.GetDocument(DocumentIds[project][document])!;

    /// <summary>
    /// Creates the solution. <paramref name="buildProperties"/> become a global analyzer config of each project, as
    /// MSBuild passes <c>CompilerVisibleProperty</c> values, such as <c>TelemetryPropertyNaming</c>.
    /// </summary>
    public static TestSolution Create(
        IReadOnlyList<IReadOnlyList<string>> projects,
        IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        var solution = Workspace.CurrentSolution;
        var documentIds = new List<IReadOnlyList<DocumentId>>();
        for (var i = 0; i < projects.Count; i++)
        {
            var name = $"Project{i}";
            var projectId = ProjectId.CreateNewId(name);
            solution = solution.AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                name,
                name,
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.All));

            var ids = new List<DocumentId>();
            for (var j = 0; j < projects[i].Count; j++)
            {
                var documentId = DocumentId.CreateNewId(projectId);
                solution = solution.AddDocument(
                    documentId,
                    $"Test{j}.cs",
                    SourceText.From(projects[i][j], Encoding.UTF8),
                    filePath: $"/{name}/Test{j}.cs");
                ids.Add(documentId);
            }

            if (buildProperties is { Count: > 0 })
            {
                solution = solution.AddAnalyzerConfigDocument(
                    DocumentId.CreateNewId(projectId),
                    ".globalconfig",
                    SourceText.From(FormatGlobalConfig(buildProperties), Encoding.UTF8),
                    filePath: $"/{name}/.globalconfig");
            }

            documentIds.Add(ids);
        }

        return new TestSolution(solution, documentIds);
    }

    private static string FormatGlobalConfig(IReadOnlyDictionary<string, string> buildProperties)
    {
        var lines = buildProperties
            .OrderBy(property => property.Key, System.StringComparer.Ordinal)
            .Select(property => $"build_property.{property.Key} = {property.Value}");
        return "is_global = true\n" + string.Join("\n", lines) + "\n";
    }
}
