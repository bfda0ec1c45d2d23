using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// Metadata references of a consumer project: the .NET 10 reference assemblies, embedded in
/// Basic.Reference.Assemblies so nothing is downloaded, plus the telemetry runtime and its own dependencies.
/// </summary>
internal static class TestReferences
{
    public static ImmutableArray<MetadataReference> All { get; } = Create();

    public static Assembly RuntimeAssembly => typeof(TelemetryClient).Assembly;

    private static ImmutableArray<MetadataReference> Create()
    {
        var references = new List<MetadataReference>(Net100.References.All);
        var frameworkNames = Net100.References.All
            .Select(reference => System.IO.Path.GetFileNameWithoutExtension(reference.FilePath))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        references.Add(MetadataReference.CreateFromFile(RuntimeAssembly.Location));

        // Generated code may touch members whose signatures name types from the runtime's dependencies
        // (Microsoft.Extensions.Logging.Abstractions, for example), and the compiler then needs those assemblies.
        foreach (var dependency in RuntimeAssembly.GetReferencedAssemblies())
        {
            if (dependency.Name is null || frameworkNames.Contains(dependency.Name) || dependency.Name == "netstandard")
            {
                continue;
            }

            references.Add(MetadataReference.CreateFromFile(Assembly.Load(dependency).Location));
        }

        return references.ToImmutableArray();
    }
}
