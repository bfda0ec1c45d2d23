using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Shapes;

/// <summary>
/// Declarations the generator cannot send as written: it writes a body that sends nothing, or no body when the
/// signature itself is broken, and never adds an error of its own to the build.
/// </summary>
[Collection(DefaultClientCollection.Name)]
public sealed class UntrackableDeclarationTests
{
    private const string DuplicateKeySource = """
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Keys Collide")]
            public static partial void KeysCollide(int userId, [TelemetryProperty("user_id")] int other);

            [TelemetryEvent("Keys Collide After Naming")]
            public static partial void KeysCollideAfterNaming(string modelType, string model_type);
        }
        """;

    private const string ThrowingSequenceSource = """
        using System.Collections.Generic;
        using Telemetry.Generators;

        namespace MyApp;

        public static partial class Events
        {
            [TelemetryEvent("Languages Listed")]
            public static partial void LanguagesListed(TelemetryClient client, IEnumerable<string> languages);
        }
        """;

    [Fact]
    public void DuplicateKeys_MatchSnapshot() => Snapshot.Verify(GeneratorHarness.Run(DuplicateKeySource));

    [Fact]
    public void DuplicateKeys_SendNothing()
    {
        using var recorder = TelemetryRecorder.InstallAsDefault();
        using var assembly = GeneratorHarness.CompileAndLoad(DuplicateKeySource);

        assembly.InvokeStatic("MyApp.Events", "KeysCollide", 1, 2);
        assembly.InvokeStatic("MyApp.Events", "KeysCollideAfterNaming", "a", "b");

        Assert.Empty(recorder.FlushItems());
    }

    [Fact]
    public void BrokenParameter_GeneratesNoBody()
    {
        var run = GeneratorHarness.Run("""
            using Telemetry.Generators;

            namespace MyApp;

            public static partial class Events
            {
                [TelemetryEvent("Broken")]
                public static partial void Broken(int count, string = );

                [TelemetryEvent("Unresolved")]
                public static partial void Unresolved(MissingType value);
            }
            """);

        run.ThrowIfGeneratorFailed();
        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData("static partial void OutParameter(out int count);", "CS8797")]
    [InlineData("static partial int Counted(int count);", "CS8796")]
    [InlineData("virtual partial void Overridable(int count);", "CS8798")]
    [InlineData("partial void IShape.Draw(int count);", "CS0754")]
    public void RejectedSignature_GetsNoBody(string declaration, string compilerError)
    {
        var run = GeneratorHarness.Run($$"""
            using Telemetry.Generators;

            namespace MyApp;

            public interface IShape
            {
                void Draw(int count);
            }

            public partial class Events : IShape
            {
                [TelemetryEvent("Rejected")]
                {{declaration}}

                void IShape.Draw(int count)
                {
                }
            }
            """);

        run.ThrowIfGeneratorFailed();
        Assert.Empty(run.GeneratedSources);
        Assert.Contains(run.CompilationDiagnostics, diagnostic => diagnostic.Id == compilerError);
    }

    [Fact]
    public void DuplicateDefinition_GetsOneBody()
    {
        var run = GeneratorHarness.Run("""
            using Telemetry.Generators;

            namespace MyApp;

            public static partial class Events
            {
                [TelemetryEvent("Twice")]
                public static partial void Twice(int count);

                [TelemetryEvent("Twice")]
                public static partial void Twice(int count);
            }
            """);

        run.ThrowIfGeneratorFailed();
        var generatedPaths = run.GeneratedSources.Select(source => source.SyntaxTree.FilePath).ToHashSet();
        Assert.Contains(run.CompilationDiagnostics, diagnostic => diagnostic.Id == "CS0756");
        Assert.DoesNotContain(
            run.CompilationDiagnostics,
            diagnostic => generatedPaths.Contains(diagnostic.Location.SourceTree?.FilePath ?? string.Empty));
        var text = Assert.Single(run.GeneratedSources).SourceText.ToString();
        Assert.Single(text.Split("void Twice(").Skip(1));
    }

    [Fact]
    public void ThrowingSequence_DropsEventWithoutThrowing()
    {
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(ThrowingSequenceSource);

        assembly.InvokeStatic("MyApp.Events", "LanguagesListed", recorder.Client, new ThrowingSequence());

        Assert.Empty(recorder.FlushItems());
        Assert.Equal(1, recorder.Client.DroppedCount);
    }

    [Fact]
    public void ThrowingSequence_MatchesSnapshot() => Snapshot.Verify(GeneratorHarness.Run(ThrowingSequenceSource));

    private sealed class ThrowingSequence : IEnumerable<string>
    {
        public IEnumerator<string> GetEnumerator()
        {
            yield return "en";
            throw new InvalidOperationException("The collection was modified during enumeration.");
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
