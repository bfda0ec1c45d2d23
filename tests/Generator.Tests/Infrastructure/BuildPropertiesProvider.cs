using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// Supplies MSBuild properties to generators as global <c>build_property.*</c> analyzer config options, the
/// way <c>CompilerVisibleProperty</c> items reach them in a real build. Files carry no options of their own.
/// </summary>
internal sealed class BuildPropertiesProvider : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions NoOptions =
        new DictionaryOptions(ImmutableDictionary<string, string>.Empty);

    public BuildPropertiesProvider(ImmutableDictionary<string, string> buildProperties)
    {
        var globals = ImmutableDictionary.CreateBuilder<string, string>(AnalyzerConfigOptions.KeyComparer);
        foreach (var (name, value) in buildProperties)
        {
            globals["build_property." + name] = value;
        }

        GlobalOptions = new DictionaryOptions(globals.ToImmutable());
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => NoOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => NoOptions;

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
