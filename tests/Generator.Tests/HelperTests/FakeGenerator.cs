using System;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.SourceGeneration.Tests.HelperTests;

/// <summary>
/// A generator whose output is a delegate, to test the helpers without depending on the real generator.
/// </summary>
internal sealed class FakeGenerator(Action<SourceProductionContext, Compilation> execute) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context) =>
        context.RegisterSourceOutput(context.CompilationProvider, execute);
}
