using System;
using System.Collections.Generic;
using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Values;

/// <summary>
/// Every supported parameter type, compiled once into one consumer assembly, with the exact JSON each value sends.
/// The client is passed as a parameter, so these tests do not touch <see cref="TelemetryClient.Default"/>.
/// </summary>
public sealed class PropertyValueTests(PropertyValueTests.CompiledValueEvents compiled)
    : IClassFixture<PropertyValueTests.CompiledValueEvents>
{
    public static IEnumerable<object[]> CaseNames => PropertyValueCases.Names;

    [Fact]
    public void AllValueTypes_MatchSnapshot() => Snapshot.Verify(compiled.Run);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Value_SendsExactJson(string caseName)
    {
        var valueCase = PropertyValueCases.Find(caseName);
        using var recorder = TelemetryRecorder.Create();

        compiled.Assembly.InvokeStatic("MyApp.Senders", "Send" + valueCase.Name, recorder.Client);

        var item = recorder.FlushSingleItem();
        Assert.Equal(valueCase.Name, item.Event);
        Assert.Equal($$"""{"value":{{valueCase.ExpectedJson}}}""", item.Properties.ToString());
    }

    /// <summary>The value-type consumer source, generated, checked for diagnostics and loaded once per class.</summary>
    public sealed class CompiledValueEvents : IDisposable
    {
        public CompiledValueEvents()
        {
            Run = GeneratorHarness.Run(PropertyValueCases.BuildSource());
            Run.AssertCompilesCleanly();
            Assembly = CompiledAssembly.Load(Run.OutputCompilation);
        }

        internal GeneratorRun Run { get; }

        internal CompiledAssembly Assembly { get; }

        public void Dispose() => Assembly.Dispose();
    }
}
