using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Analyzers;

/// <summary>
/// TEL0004: a parameter's type contains itself through its properties.
/// </summary>
public sealed class PropertyTypeCycleTests
{
    [Fact]
    public void SelfReference_ReportedOnType()
    {
        var run = AnalyzerVerifier.Verify("""
            public sealed class Node
            {
                public Node? Parent { get; set; }

                public string Name { get; set; } = "";
            }

            public static partial class Events
            {
                [TelemetryEvent("Node Visited")]
                public static partial void NodeVisited({|TEL0004:Node|} node);
            }
            """);

        Assert.Equal(
            "Parameter 'node' has type 'Node', whose properties form a cycle (Node.Parent → Node); send an identifier "
                + "or a flattened type instead",
            AnalyzerVerifier.Message(run.Single("TEL0004")));
    }

    [Fact]
    public void CycleThroughCollection_Reported()
    {
        AnalyzerVerifier.Verify("""
            public sealed class Folder
            {
                public List<Folder> Children { get; } = new();
            }

            public static partial class Events
            {
                [TelemetryEvent("Folder Opened")]
                public static partial void FolderOpened({|TEL0004:Folder[]|} folders);
            }
            """);
    }

    [Fact]
    public void TreeWithoutCycle_NotReported()
    {
        AnalyzerVerifier.Verify("""
            public sealed class Leaf
            {
                public string Name { get; set; } = "";
            }

            public sealed class Branch
            {
                public Leaf Left { get; set; } = new();

                public Leaf Right { get; set; } = new();
            }

            public static partial class Events
            {
                [TelemetryEvent("Branch Seen")]
                public static partial void BranchSeen(Branch branch);
            }
            """);
    }
}
