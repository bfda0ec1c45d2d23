using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Values;

/// <summary>
/// Binds C# type names, such as <c>List&lt;MyApp.Node&gt;</c> or <c>T</c>, to symbols inside one compilation that
/// declares the test types of <c>MyApp</c> and references a separately compiled library, <c>Shared</c>.
/// Names bind inside <c>MyApp.Probe.Method&lt;T, TStruct&gt;</c>, where <c>TStruct : struct</c>.
/// </summary>
internal static class TypeProbe
{
    private const string Marker = "/* probe */";

    private const string LibrarySource = """
        #nullable enable
        using System.Collections.Generic;

        namespace Shared;

        public record Coordinates(double Latitude, double Longitude);

        public class Account
        {
            public string Id { get; set; } = "";
        }

        public record Tagged(IReadOnlyList<string?> Tags, Box<string?> Label);

        public record Box<T>(T Item);
        """;

    private static readonly Lazy<MetadataReference> Library = new(CompileLibrary);

    private static readonly Lazy<(SemanticModel Model, int Position)> Probe = new(CreateProbe);

    /// <summary>
    /// The <c>Shared</c> library, compiled with nullable annotations: <c>Shared.Coordinates</c> and
    /// <c>Shared.Tagged</c> are records, <c>Shared.Account</c> is a class.
    /// </summary>
    public static MetadataReference LibraryReference => Library.Value;

    /// <summary>Declarations of <c>MyApp</c>, shared by the tests that bind names here.</summary>
    public static string Declarations { get; } = """
        using System;
        using System.Collections;
        using System.Collections.Generic;
        using System.IO;
        using System.Reflection;
        using System.Threading.Tasks;
        using Telemetry.Generators;

        namespace MyApp;

        public enum Stage { DataLoading, Training }

        public record Point(int X, int Y);

        public readonly record struct Score(double Value, Stage Stage);

        public record Box<T>(T Item);

        public class Wrapper<T>
        {
            public int Count { get; set; }
        }

        public interface IShape
        {
            double Area { get; }
        }

        public interface ISquare : IShape
        {
            double Side { get; }
        }

        public abstract class Shape
        {
            public abstract string Name { get; }
        }

        public class Base
        {
            public int Id { get; set; }

            public int Name { get; set; }
        }

        public class Derived : Base
        {
            public new string Name { get; set; } = "";

            public Stage Stage { get; set; }
        }

        public class Legacy
        {
            [Obsolete("Use Current.")]
            public Action? Old { get; set; }

            public int Current { get; set; }

            public static Action? Shared { get; set; }

            public int this[int index] => index;

            public int WriteOnly { set { } }

            public int PrivateGetter { private get; set; }
        }

        public class Comparable : IComparable<Comparable>, IEquatable<Comparable>
        {
            public int Rank { get; set; }

            public int CompareTo(Comparable? other) => 0;

            public bool Equals(Comparable? other) => true;
        }

        public class History : IEnumerable<int>
        {
            public int Count { get; set; }

            public IEnumerator<int> GetEnumerator() { yield break; }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }

        public class TwoSequences : IEnumerable<int>, IEnumerable<string>
        {
            IEnumerator<int> IEnumerable<int>.GetEnumerator() { yield break; }

            IEnumerator<string> IEnumerable<string>.GetEnumerator() { yield break; }

            IEnumerator IEnumerable.GetEnumerator() => throw new NotSupportedException();
        }

        public class Job
        {
            public string Name { get; set; } = "";

            public Action? Callback { get; set; }
        }

        public class Empty
        {
        }

        public struct FieldsOnly
        {
            public int X;
            public int Y;
        }

        public class Clash
        {
            public int UserId { get; set; }

            public int User_Id { get; set; }
        }

        public interface ILeft
        {
            string Name { get; }
        }

        public interface IRight
        {
            string Name { get; }
        }

        public interface IBoth : ILeft, IRight
        {
        }

        public class TrainingError : Exception
        {
        }

        public class Node
        {
            public string Name { get; set; } = "";

            public List<Node> Children { get; } = new();
        }

        public class TreeNode
        {
            public TreeNode? Parent { get; set; }
        }

        public class Order
        {
            public Customer Customer { get; set; } = new();
        }

        public class Customer
        {
            public string Name { get; set; } = "";

            public Order? LastOrder { get; set; }
        }

        public class Holder
        {
            public Job Job { get; set; } = new();
        }

        public static class Probe
        {
            public static unsafe void Method<T, TStruct>()
                where TStruct : struct
            {
                /* probe */
            }
        }
        """ + WideTypes();

    /// <summary>Binds <paramref name="typeName"/> and fails when it does not resolve.</summary>
    public static ITypeSymbol Bind(string typeName)
    {
        var (model, position) = Probe.Value;
        var type = model.GetSpeculativeTypeInfo(
            position,
            SyntaxFactory.ParseTypeName(typeName),
            SpeculativeBindingOption.BindAsTypeOrNamespace).Type;

        Assert.NotNull(type);
        Assert.NotEqual(TypeKind.Error, type.TypeKind);
        return type;
    }

    /// <summary>
    /// Writes <c>MyApp.Wide</c>: 20 properties of type <c>MyApp.Leaf</c>, which has 20 integer properties, so
    /// 420 properties in all.
    /// </summary>
    private static string WideTypes()
    {
        var source = new StringBuilder();
        source.AppendLine().AppendLine("public class Leaf").AppendLine("{");
        for (var i = 0; i < 20; i++)
        {
            source.AppendLine($"    public int Value{i} {{ get; set; }}");
        }

        source.AppendLine("}").AppendLine().AppendLine("public class Wide").AppendLine("{");
        for (var i = 0; i < 20; i++)
        {
            source.AppendLine($"    public Leaf Leaf{i} {{ get; set; }} = new();");
        }

        return source.AppendLine("}").ToString();
    }

    private static (SemanticModel Model, int Position) CreateProbe()
    {
        var compilation = GeneratorHarness.CreateCompilation(ProjectSettings.Default, [Declarations]);
        compilation = compilation
            .WithOptions(compilation.Options.WithAllowUnsafe(true))
            .AddReferences(LibraryReference);

        var tree = compilation.SyntaxTrees.Single();
        return (compilation.GetSemanticModel(tree), tree.ToString().IndexOf(Marker, StringComparison.Ordinal));
    }

    /// <summary>Compiles <c>Shared</c>, so that its types reach the probe as metadata, not source.</summary>
    private static MetadataReference CompileLibrary()
    {
        var library = GeneratorHarness.CreateCompilation(ProjectSettings.Default, [LibrarySource])
            .WithAssemblyName("Shared");
        using var image = new MemoryStream();
        var result = library.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(DiagnosticLine.Format)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
