using System.Linq;
using Telemetry.Generators.SourceGeneration.Model;
using Telemetry.Generators.SourceGeneration.Parsing;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Values;

/// <summary>
/// <see cref="ValueClassifier.FindProblem"/> on the types of <see cref="TypeProbe"/>: the exact reason for each
/// kind of unsupported type, the exact path of each cycle, and no problem for supported types.
/// </summary>
public sealed class ValueProblemTests
{
    private const string Delegate = "has no JSON form because delegates are code, not data";
    private const string Pointer =
        "has no JSON form because pointers are memory addresses, which mean nothing outside the process";
    private const string RefStruct =
        "is a ref struct, which cannot be kept until the event is sent, so copy it into an array or a string first";
    private const string Task = "is a task, so await it and send the result instead";
    private const string Stream = "is a stream, so send a summary such as its length instead";
    private const string Reflection = "describes code through reflection, so send its name instead";
    private const string NoStaticShape = "has no static shape to write as JSON, so use a concrete type instead";
    private const string Exception = "is an exception, which belongs in error reporting rather than analytics, so "
        + "send its type name or a message instead";
    private const string Tuple =
        "is a tuple, whose elements have no names to use as JSON keys, so use a record instead";
    private const string FrameworkType = "is a .NET library type without a JSON form here, and only types outside the "
        + "System and Microsoft namespaces are sent as objects";

    public static TheoryData<string, string> UnsupportedTypes => new()
    {
        { "Action", "System.Action " + Delegate },
        { "Func<int>", "System.Func<int> " + Delegate },
        { "Delegate", "System.Delegate " + Delegate },
        { "int*", "int* " + Pointer },
        { "delegate*<void>", "delegate*<void> " + Pointer },
        { "Span<int>", "System.Span<int> " + RefStruct },
        { "ReadOnlySpan<char>", "System.ReadOnlySpan<char> " + RefStruct },
        { "Task", "System.Threading.Tasks.Task " + Task },
        { "Task<int>", "System.Threading.Tasks.Task<int> " + Task },
        { "ValueTask", "System.Threading.Tasks.ValueTask " + Task },
        { "ValueTask<string>", "System.Threading.Tasks.ValueTask<string> " + Task },
        { "Stream", "System.IO.Stream " + Stream },
        { "MemoryStream", "System.IO.MemoryStream " + Stream },
        { "Type", "System.Type " + Reflection },
        { "MethodInfo", "System.Reflection.MethodInfo " + Reflection },
        { "Assembly", "System.Reflection.Assembly " + Reflection },
        { "object", "object " + NoStaticShape },
        { "dynamic", "dynamic " + NoStaticShape },
        { "ValueType", "System.ValueType " + NoStaticShape },
        { "T", "T is a type parameter with no fixed JSON form, so use a concrete type instead" },
        { "TStruct?", "TStruct is a type parameter with no fixed JSON form, so use a concrete type instead" },
        {
            "IAsyncEnumerable<int>",
            "System.Collections.Generic.IAsyncEnumerable<int> is an asynchronous sequence, so collect it into a list "
                + "and send that instead"
        },
        { "Exception", "System.Exception " + Exception },
        { "InvalidOperationException", "System.InvalidOperationException " + Exception },
        { "MyApp.TrainingError", "MyApp.TrainingError " + Exception },
        {
            "List<Action>",
            "the elements of System.Collections.Generic.List<System.Action> are System.Action, which " + Delegate
        },
        {
            "IEnumerable<Task<int>>",
            "the elements of System.Collections.Generic.IEnumerable<System.Threading.Tasks.Task<int>> are "
                + "System.Threading.Tasks.Task<int>, which " + Task
        },
        {
            "List<List<Action>>",
            "the elements of System.Collections.Generic.List<System.Action> are System.Action, which " + Delegate
        },
        {
            "Dictionary<string, Exception>",
            "the values of System.Collections.Generic.Dictionary<string, System.Exception> are System.Exception, "
                + "which " + Exception
        },
        {
            "Dictionary<int, string>",
            "System.Collections.Generic.Dictionary<int, string> has int keys, but JSON object keys are strings, so "
                + "convert the keys to strings first"
        },
        {
            "IReadOnlyDictionary<Guid, int>",
            "System.Collections.Generic.IReadOnlyDictionary<System.Guid, int> has System.Guid keys, but JSON object "
                + "keys are strings, so convert the keys to strings first"
        },
        {
            "int[,]",
            "int[,] is a multi-dimensional array, which JSON cannot express, so use a jagged array such as int[][] "
                + "instead"
        },
        {
            "string[,,]",
            "string[,,] is a multi-dimensional array, which JSON cannot express, so use a jagged array such as "
                + "string[][][] instead"
        },
        { "(int, string)", "(int, string) " + Tuple },
        { "(int Count, string Name)", "(int Count, string Name) " + Tuple },
        { "(int, int)?", "(int, int) " + Tuple },
        { "Tuple<int, string>", "System.Tuple<int, string> " + Tuple },
        {
            "KeyValuePair<string, int>",
            "System.Collections.Generic.KeyValuePair<string, int> is a key-value pair, so send a dictionary with "
                + "string keys instead"
        },
        { "System.Drawing.Point", "System.Drawing.Point " + FrameworkType },
        { "System.Net.IPAddress", "System.Net.IPAddress " + FrameworkType },
        { "IDisposable", "System.IDisposable " + FrameworkType },
        {
            "ArrayList",
            "System.Collections.ArrayList is a non-generic collection, whose element type is unknown at compile "
                + "time, so use IEnumerable<T> instead"
        },
        {
            "MyApp.TwoSequences",
            "MyApp.TwoSequences implements IEnumerable<T> for more than one element type, so it has no single JSON "
                + "form"
        },
        { "MyApp.Job", "property MyApp.Job.Callback has type System.Action?, which " + Delegate },
        { "List<MyApp.Holder>", "property MyApp.Job.Callback has type System.Action?, which " + Delegate },
        {
            "MyApp.Empty",
            "MyApp.Empty has no public instance properties with a public getter to send, and fields are not sent"
        },
        {
            "MyApp.FieldsOnly?",
            "MyApp.FieldsOnly has no public instance properties with a public getter to send, and fields are not sent"
        },
        {
            "MyApp.Clash",
            "MyApp.Clash has the properties Clash.UserId and Clash.User_Id, which could send the same key, so rename "
                + "one of them"
        },
        {
            "MyApp.IBoth",
            "MyApp.IBoth has the properties ILeft.Name and IRight.Name, which could send the same key, so rename one "
                + "of them"
        },
        {
            "MyApp.Wrapper<T>",
            "MyApp.Wrapper<T> is constructed from the type parameter T, which generated helpers cannot name, so use a "
                + "concrete type argument instead"
        },
        {
            "TelemetryProperties",
            "Telemetry.Generators.TelemetryProperties is a type of the telemetry runtime, not a value to send"
        },
        {
            "List<List<List<List<List<List<List<List<List<int>>>>>>>>>",
            "the elements of System.Collections.Generic.List<int> are int, which is nested more than 8 levels deep, "
                + "so send a flatter type instead"
        },
        {
            "MyApp.Wide",
            "MyApp.Wide has more than 256 properties in all, counting those of nested objects, so send a smaller "
                + "type instead"
        },
    };

    public static TheoryData<string, string> Cycles => new()
    {
        { "MyApp.Node", "Node.Children → Node" },
        { "List<MyApp.Node>", "Node.Children → Node" },
        { "MyApp.TreeNode", "TreeNode.Parent → TreeNode" },
        { "MyApp.Order", "Order.Customer → Customer.LastOrder → Order" },
        { "Dictionary<string, MyApp.Customer>", "Customer.LastOrder → Order.Customer → Customer" },
    };

    public static TheoryData<string> SupportedTypes => new()
    {
        "int",
        "string?",
        "int?",
        "Guid",
        "DateTime",
        "MyApp.Stage",
        "MyApp.Stage?",
        "MyApp.Point",
        "MyApp.Point?",
        "MyApp.Score",
        "MyApp.Score?",
        "List<MyApp.Point>",
        "MyApp.Point[]",
        "Dictionary<string, MyApp.Point>",
        "IReadOnlyDictionary<string, List<MyApp.Score?>>",
        "MyApp.Box<int>",
        "MyApp.Box<MyApp.Box<MyApp.Point>>",
        "MyApp.IShape",
        "MyApp.ISquare",
        "MyApp.Shape",
        "MyApp.Derived",
        "MyApp.Legacy",
        "MyApp.Comparable",
        "MyApp.History",
        "Shared.Coordinates",
        "Shared.Tagged",
        "Shared.Account",
    };

    [Theory]
    [MemberData(nameof(UnsupportedTypes))]
    public void UnsupportedType_ReturnsExactReason(string typeName, string reason)
    {
        var problem = ValueClassifier.FindProblem(TypeProbe.Bind(typeName));

        Assert.NotNull(problem);
        Assert.Equal(ValueProblemKind.Unsupported, problem.Kind);
        Assert.Equal(reason, problem.Reason);
        Assert.Null(problem.CyclePath);
    }

    [Theory]
    [MemberData(nameof(Cycles))]
    public void Cycle_ReturnsExactPath(string typeName, string cyclePath)
    {
        var problem = ValueClassifier.FindProblem(TypeProbe.Bind(typeName));

        Assert.NotNull(problem);
        Assert.Equal(ValueProblemKind.Cycle, problem.Kind);
        Assert.Equal(cyclePath, problem.CyclePath);
    }

    [Fact]
    public void Cycle_ReasonNamesTypeAndPath()
    {
        var problem = ValueClassifier.FindProblem(TypeProbe.Bind("List<MyApp.Node>"));

        Assert.NotNull(problem);
        Assert.Equal("the properties of MyApp.Node form a cycle (Node.Children → Node)", problem.Reason);
    }

    [Theory]
    [MemberData(nameof(SupportedTypes))]
    public void SupportedType_HasNoProblem(string typeName)
    {
        var type = TypeProbe.Bind(typeName);

        Assert.Null(ValueClassifier.FindProblem(type));
        Assert.True(ValueClassifier.Classify(type).IsSupported);
    }

    [Theory]
    [MemberData(nameof(UnsupportedTypes))]
    public void UnsupportedType_IsNotClassifiedAsSupported(string typeName, string reason)
    {
        Assert.NotEmpty(reason);
        Assert.False(ValueClassifier.Classify(TypeProbe.Bind(typeName)).IsSupported);
    }

    [Theory]
    [InlineData("MyApp.Point", "global::MyApp.Point", false, "X,Y")]
    [InlineData("MyApp.Score", "global::MyApp.Score", true, "Value,Stage")]
    [InlineData("MyApp.Derived", "global::MyApp.Derived", false, "Id,Name,Stage")]
    [InlineData("MyApp.Legacy", "global::MyApp.Legacy", false, "Current")]
    [InlineData("MyApp.ISquare", "global::MyApp.ISquare", false, "Area,Side")]
    [InlineData("Shared.Tagged", "global::Shared.Tagged", false, "Tags,Label")]
    public void ObjectType_ListsSentProperties(string typeName, string qualifiedName, bool isValueType, string names)
    {
        var value = ValueClassifier.Classify(TypeProbe.Bind(typeName));

        Assert.Equal(ValueKind.Object, value.Kind);
        Assert.NotNull(value.Object);
        Assert.Equal(qualifiedName, value.Object.QualifiedName);
        Assert.Equal(isValueType, value.Object.IsValueType);
        Assert.Equal(names, string.Join(",", value.Object.Members.Select(member => member.Name)));
    }

    [Fact]
    public void HiddenProperty_UsesDerivedType()
    {
        var value = ValueClassifier.Classify(TypeProbe.Bind("MyApp.Derived"));

        var name = Assert.Single(value.Object!.Members, member => member.Name == "Name");
        Assert.Equal(ValueKind.Direct, name.Value.Kind);
    }

    [Fact]
    public void ObjectMembers_CarryNoNullableAnnotations()
    {
        var value = ValueClassifier.Classify(TypeProbe.Bind("Shared.Tagged"));

        var tags = value.Object!.Members[0].Value;
        Assert.Equal(ValueKind.Sequence, tags.Kind);
        Assert.Equal("string", tags.ElementType);
        Assert.Equal("global::Shared.Box<string>", value.Object.Members[1].Value.Object!.QualifiedName);
    }

    [Fact]
    public void ParameterSequence_KeepsNullableAnnotations()
    {
        var value = ValueClassifier.Classify(TypeProbe.Bind("List<MyApp.Point?>"));

        Assert.Equal("global::MyApp.Point?", value.ElementType);
    }
}
