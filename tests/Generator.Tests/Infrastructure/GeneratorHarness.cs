using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// Compiles consumer source code and runs a generator over it, the way a build of a consumer project would.
/// </summary>
internal static class GeneratorHarness
{
    public static GeneratorRun Run(params string[] sources) => Run(ProjectSettings.Default, sources);

    public static GeneratorRun Run(ProjectSettings settings, params string[] sources) =>
        Run(settings, new TelemetryEventGenerator(), sources);

    /// <summary>
    /// Runs <paramref name="generator"/> over <paramref name="sources"/>, named <c>Input0.cs</c>, <c>Input1.cs</c>
    /// and so on. The result keeps any generator exception instead of throwing it, so that tests can inspect it.
    /// </summary>
    public static GeneratorRun Run(ProjectSettings settings, IIncrementalGenerator generator, params string[] sources)
    {
        var compilation = CreateCompilation(settings, sources);
        var driver = CreateDriver(settings, generator, trackSteps: false);
        return GeneratorRun.Execute(driver, compilation);
    }

    /// <summary>
    /// Runs the telemetry generator, fails unless the output compiles without any diagnostic above hidden, and
    /// loads the result. Dispose the returned assembly to unload it.
    /// </summary>
    public static CompiledAssembly CompileAndLoad(params string[] sources) =>
        CompileAndLoad(ProjectSettings.Default, sources);

    /// <inheritdoc cref="CompileAndLoad(string[])"/>
    public static CompiledAssembly CompileAndLoad(ProjectSettings settings, params string[] sources)
    {
        var run = Run(settings, sources);
        run.AssertCompilesCleanly();
        return CompiledAssembly.Load(run.OutputCompilation);
    }

    public static CSharpCompilation CreateCompilation(ProjectSettings settings, IEnumerable<string> sources)
    {
        var parseOptions = settings.CreateParseOptions();
        var trees = sources.Select((source, index) =>
            CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Input{index}.cs"));

        return CSharpCompilation.Create(
            "Consumer",
            trees,
            TestReferences.All,
            settings.CreateCompilationOptions());
    }

    /// <summary>
    /// Creates a driver that parses generated sources with the project's parse options and reads the project's
    /// build properties. <paramref name="trackSteps"/> records each named incremental step for caching checks.
    /// </summary>
    public static GeneratorDriver CreateDriver(
        ProjectSettings settings,
        IIncrementalGenerator generator,
        bool trackSteps)
    {
        return CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            additionalTexts: null,
            parseOptions: settings.CreateParseOptions(),
            optionsProvider: new BuildPropertiesProvider(settings.BuildProperties),
            driverOptions: new GeneratorDriverOptions(
                IncrementalGeneratorOutputKind.None,
                trackIncrementalGeneratorSteps: trackSteps));
    }
}
