using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Telemetry.Generators.SourceGeneration.Tests.Values;

/// <summary>
/// The table of object-valued parameters: classes, structs, records and interfaces sent as JSON objects, alone and
/// inside nullable values, sequences and dictionaries. <see cref="BuildSource"/> writes the types, one event method
/// and one sender method per case, and the sender <c>SendFaulty</c> of an object whose getter throws.
/// </summary>
internal static class ObjectValueCases
{
    public static readonly IReadOnlyList<PropertyValueCase> All =
    [
        new("Record", "Point", "new Point(1, 2)", """{"x":1,"y":2}"""),
        new("NullRecord", "Point?", "null", "null"),
        new(
            "NestedClass",
            "Dataset",
            "new Dataset { Name = \"nlu\", Split = new Split { Train = 0.8, Test = 0.2 } }",
            """{"name":"nlu","split":{"train":0.8,"test":0.2}}"""),
        new("NestedNull", "Dataset", "new Dataset { Name = \"core\" }", """{"name":"core","split":null}"""),
        new("Struct", "Size", "new Size { Width = 640, Height = 480 }", """{"width":640,"height":480}"""),
        new("NullableStruct", "Size?", "new Size { Width = 1, Height = 2 }", """{"width":1,"height":2}"""),
        new("NullableStructNull", "Size?", "null", "null"),
        new("RecordStruct", "Score", "new Score(0.5, Stage.Training)", """{"value":0.5,"stage":"training"}"""),
        new(
            "RecordList",
            "List<Point>",
            "new List<Point> { new(1, 2), new(3, 4) }",
            """[{"x":1,"y":2},{"x":3,"y":4}]"""),
        new("RecordListWithNull", "List<Point?>", "new List<Point?> { new(1, 2), null }", """[{"x":1,"y":2},null]"""),
        new(
            "RecordDictionary",
            "Dictionary<string, Point>",
            "new Dictionary<string, Point> { [\"origin\"] = new(0, 0) }",
            """{"origin":{"x":0,"y":0}}"""),
        new(
            "EnumAndNullableMembers",
            "TrainingRun",
            "new TrainingRun { Stage = Stage.DataLoading, Epochs = 3 }",
            """{"comment":null,"stage":"data_loading","epochs":3}"""),
        new(
            "NullableMemberNull",
            "TrainingRun",
            "new TrainingRun { Comment = \"x\", Stage = Stage.Training }",
            """{"comment":"x","stage":"training","epochs":null}"""),
        new(
            "InheritedProperties",
            "Pipeline",
            "new Pipeline { Id = \"p1\", StepCount = 4 }",
            """{"id":"p1","step_count":4}"""),
        new("Interface", "IShape", "new Square()", """{"area":4}"""),
        new(
            "CollectionsInsideObject",
            "Experiment",
            "new Experiment(\"e1\", new List<Point> { new(1, 1) }, new Dictionary<string, int> { [\"runs\"] = 2 })",
            """{"name":"e1","points":[{"x":1,"y":1}],"counts":{"runs":2}}"""),
        new(
            "NullableObjectMembers",
            "Frame",
            "new Frame(new Size { Width = 3, Height = 4 }, null)",
            """{"size":{"width":3,"height":4},"origin":null}"""),
        new("GenericRecord", "Box<Box<int>>", "new Box<Box<int>>(new Box<int>(7))", """{"item":{"item":7}}"""),
        new("KeywordMembers", "Keywords", "new Keywords(1, \"e\")", """{"class":1,"event":"e"}"""),
        new("SequenceOverObject", "Tags", "new Tags()", """["a","b"]"""),
    ];

    // Its getter throws, so the event is dropped and there is no JSON to expect.
    private static readonly PropertyValueCase Faulty = new("Faulty", "Faulty", "new Faulty()", string.Empty);

    private const string Declarations = """
        public enum Stage { DataLoading, Training }

        public record Point(int X, int Y);

        public sealed class Split
        {
            public double Train { get; set; }

            public double Test { get; set; }
        }

        public sealed class Dataset
        {
            public string Name { get; set; } = "";

            public Split? Split { get; set; }
        }

        public struct Size
        {
            public int Width { get; set; }

            public int Height { get; set; }
        }

        public readonly record struct Score(double Value, Stage Stage);

        public sealed class TrainingRun
        {
            public string? Comment { get; init; }

            public Stage Stage { get; init; }

            public int? Epochs { get; init; }
        }

        public class ModelBase
        {
            public string Id { get; init; } = "";
        }

        public sealed class Pipeline : ModelBase
        {
            public int StepCount { get; init; }
        }

        public interface IShape
        {
            double Area { get; }
        }

        public sealed class Square : IShape
        {
            public double Area => 4;

            public double Side => 2;
        }

        public sealed record Experiment(string Name, List<Point> Points, IReadOnlyDictionary<string, int> Counts);

        public sealed record Frame(Size? Size, Point? Origin);

        public sealed record Box<T>(T Item);

        public sealed record Keywords(int @class, string @event);

        public sealed class Tags : IEnumerable<string>
        {
            public int Count => 2;

            public IEnumerator<string> GetEnumerator()
            {
                yield return "a";
                yield return "b";
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }

        public sealed class Faulty
        {
            public int Loaded => 1;

            public int Broken => throw new InvalidOperationException("The model is not loaded.");
        }
        """;

    /// <summary>Theory rows of case names, which xunit can serialize, unlike the cases themselves.</summary>
    public static IEnumerable<object[]> Names => All.Select(valueCase => new object[] { valueCase.Name });

    public static PropertyValueCase Find(string name) => All.Single(valueCase => valueCase.Name == name);

    /// <summary>
    /// Builds the consumer source: the types, an event method <c>{Name}Event</c> per case in
    /// <c>MyApp.ObjectEvents</c>, and a method <c>Send{Name}</c> per case in <c>MyApp.Senders</c> that calls it with
    /// the case's argument, plus <c>FaultyEvent</c> and <c>SendFaulty</c>.
    /// </summary>
    public static string BuildSource()
    {
        var cases = All.Append(Faulty).ToList();
        var source = new StringBuilder();
        source.AppendLine("using System;");
        source.AppendLine("using System.Collections;");
        source.AppendLine("using System.Collections.Generic;");
        source.AppendLine("using Telemetry.Generators;");
        source.AppendLine();
        source.AppendLine("namespace MyApp;");
        source.AppendLine();
        source.AppendLine(Declarations);
        source.AppendLine();
        source.AppendLine("public static partial class ObjectEvents");
        source.AppendLine("{");
        foreach (var valueCase in cases)
        {
            source.AppendLine($"    [TelemetryEvent(\"{valueCase.Name}\")]");
            var parameters = $"TelemetryClient client, {valueCase.Type} value";
            source.AppendLine($"    public static partial void {valueCase.Name}Event({parameters});");
            source.AppendLine();
        }

        source.AppendLine("}");
        source.AppendLine();
        source.AppendLine("public static class Senders");
        source.AppendLine("{");
        foreach (var valueCase in cases)
        {
            source.AppendLine($"    public static void Send{valueCase.Name}(TelemetryClient client) =>");
            source.AppendLine($"        ObjectEvents.{valueCase.Name}Event(client, {valueCase.Argument});");
        }

        source.AppendLine("}");
        return source.ToString();
    }
}
