using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using TrainingCli.CommandLine;
using TrainingCli.SampleData;
using TrainingCli.Telemetry;

namespace TrainingCli.Commands;

/// <summary>
/// <c>visualize</c>: draws the sample stories as a Graphviz DOT graph in which each story is a path of turns, and
/// sends Story Visualization Started.
/// </summary>
internal static class VisualizeCommand
{
    private const string OutputOption = "--out";
    private const string DefaultOutputPath = "graph.dot";

    public static CommandDefinition Definition { get; } = new(
        "visualize",
        "Draw the stories as a graph in Graphviz DOT format.",
        [
            OptionDefinition.WithValue(
                OutputOption,
                "FILE",
                $"File to write the graph to (default: {DefaultOutputPath})."),
        ],
        Run);

    private static int Run(CommandContext context, CommandArguments arguments)
    {
        Events.StoryVisualizationStarted();

        var path = context.ResolvePath(arguments.GetString(OutputOption, DefaultOutputPath)!);
        var (graph, nodeCount, edgeCount) = BuildGraph();
        File.WriteAllText(path, graph);

        context.Messages.WriteLine($"Wrote a graph of {nodeCount} turns and {edgeCount} transitions to {path}.");
        return ExitCodes.Success;
    }

    /// <summary>Builds the graph, merging turns with the same name into one node.</summary>
    private static (string Dot, int NodeCount, int EdgeCount) BuildGraph()
    {
        var edges = new List<(string From, string To)>();
        foreach (var story in SampleProject.Stories)
        {
            var turns = story.Steps.Prepend("START").Append("END").ToList();
            for (var i = 1; i < turns.Count; i++)
            {
                if (!edges.Contains((turns[i - 1], turns[i])))
                {
                    edges.Add((turns[i - 1], turns[i]));
                }
            }
        }

        var dot = new StringBuilder();
        dot.AppendLine("digraph stories {");
        foreach (var (from, to) in edges)
        {
            dot.AppendLine($"  \"{from}\" -> \"{to}\";");
        }

        dot.AppendLine("}");

        var nodeCount = edges.SelectMany(edge => new[] { edge.From, edge.To }).Distinct().Count();
        return (dot.ToString(), nodeCount, edges.Count);
    }
}
