using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.HelperTests;

public sealed class CompilerObjectFinderTests
{
    [Fact]
    public void FindPaths_ValueOnlyModel_FindsNothing()
    {
        var model = new Model("Events", ImmutableArray.Create<object>("a", 1, new Model("Inner", [])));

        Assert.Empty(CompilerObjectFinder.FindPaths(model, "model"));
    }

    [Fact]
    public void FindPaths_SymbolInImmutableArray_ReportsPath()
    {
        var compilation = CSharpCompilation.Create("Sample", [CSharpSyntaxTree.ParseText("class Events {}")]);
        var symbol = compilation.GetTypeByMetadataName("Events")!;
        var model = new Model("Events", ImmutableArray.Create<object>("a", symbol));

        var path = Assert.Single(CompilerObjectFinder.FindPaths(model, "model"));

        Assert.StartsWith("model.<Items>k__BackingField.array[1] (", path);
    }

    [Fact]
    public void FindPaths_SyntaxAndLocationInList_ReportsBoth()
    {
        var tree = CSharpSyntaxTree.ParseText("class Events {}");
        var items = new List<object> { tree.GetRoot(), Location.Create(tree, default) };

        var paths = CompilerObjectFinder.FindPaths(items, "items");

        Assert.Equal(2, paths.Count);
        Assert.Contains(paths, path => path.StartsWith("items._items[0] (", System.StringComparison.Ordinal));
        Assert.Contains(paths, path => path.StartsWith("items._items[1] (", System.StringComparison.Ordinal));
    }

    [Fact]
    public void FindPaths_Cycle_Terminates()
    {
        var first = new Node();
        var second = new Node { Next = first };
        first.Next = second;

        Assert.Empty(CompilerObjectFinder.FindPaths(first, "first"));
    }

    [Fact]
    public void FindPaths_CompilationInClosure_ReportsPath()
    {
        var compilation = CSharpCompilation.Create("Sample");
        System.Func<string> read = () => compilation.AssemblyName!;

        var path = Assert.Single(CompilerObjectFinder.FindPaths(read, "read"));

        Assert.Equal("read._target.compilation (CSharpCompilation)", path);
    }

    private sealed record Model(string Name, ImmutableArray<object> Items);

    private sealed class Node
    {
        public Node? Next { get; set; }
    }
}
