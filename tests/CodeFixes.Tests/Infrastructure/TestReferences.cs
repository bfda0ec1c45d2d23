using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;

namespace Telemetry.Generators.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Metadata references of a test project: the .NET 10 reference assemblies embedded in Basic.Reference.Assemblies,
/// so that nothing is downloaded, plus the telemetry runtime and the assemblies it depends on.
/// </summary>
internal static class TestReferences
{
    public static ImmutableArray<MetadataReference> All { get; } = Create();

    private static ImmutableArray<MetadataReference> Create()
    {
        var runtime = typeof(TelemetryClient).Assembly;
        var references = new List<MetadataReference>(Net100.References.All)
        {
            MetadataReference.CreateFromFile(runtime.Location),
        };

        var frameworkNames = Net100.References.All
            .Select(reference => Path.GetFileNameWithoutExtension(reference.FilePath))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Generated code calls runtime members whose signatures name types from these assemblies.
        foreach (var dependency in runtime.GetReferencedAssemblies())
        {
            if (dependency.Name is null || dependency.Name == "netstandard" || frameworkNames.Contains(dependency.Name))
            {
                continue;
            }

            references.Add(MetadataReference.CreateFromFile(Assembly.Load(dependency).Location));
        }

        return references.ToImmutableArray();
    }
}
