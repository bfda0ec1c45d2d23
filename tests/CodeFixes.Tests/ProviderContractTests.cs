using System;
using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Telemetry.Generators.CodeFixes.Tests.Infrastructure;
using Telemetry.Generators.SourceGeneration;
using Xunit;

namespace Telemetry.Generators.CodeFixes.Tests;

public sealed class ProviderContractTests
{
    private static readonly Type[] ProviderTypes = typeof(MakePartialCodeFixProvider).Assembly
        .GetTypes()
        .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<string> ProviderNames { get; } = new(ProviderTypes.Select(type => type.Name));

    [Fact]
    public void FourProviders()
    {
        Assert.Equal(
            [
                nameof(MakePartialCodeFixProvider),
                nameof(RemoveParameterModifierCodeFixProvider),
                nameof(RenamePropertyKeyCodeFixProvider),
                nameof(ReturnVoidCodeFixProvider),
            ],
            ProviderTypes.Select(type => type.Name));
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public void ExportedAsSharedCSharpFix(string name)
    {
        var type = ProviderTypes.Single(candidate => candidate.Name == name);
        var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();

        Assert.NotNull(export);
        Assert.Equal([LanguageNames.CSharp], export.Languages);
        Assert.Equal(name, export.Name);
        Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public void FixAllInEveryScope(string name)
    {
        var fixAll = CreateProvider(name).GetFixAllProvider();

        Assert.NotNull(fixAll);
        Assert.Contains(FixAllScope.Document, fixAll.GetSupportedFixAllScopes());
        Assert.Contains(FixAllScope.Project, fixAll.GetSupportedFixAllScopes());
        Assert.Contains(FixAllScope.Solution, fixAll.GetSupportedFixAllScopes());
    }

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public void FixesOnlyReportedIds(string name)
    {
        var provider = CreateProvider(name);

        foreach (var id in provider.FixableDiagnosticIds.Where(id => id.StartsWith("TEL", StringComparison.Ordinal)))
        {
            Assert.Contains(id, TelemetryAnalyzers.SupportedIds);
        }
    }

    [Fact]
    public void IdsMatchDescriptors()
    {
        // The generator's DiagnosticDescriptors is internal, so its fields are read by reflection. Each constant of
        // DiagnosticIds has the name of the descriptor field it copies, except the compiler's CS0751.
        var descriptors = typeof(TelemetryEventGenerator).Assembly
            .GetType("Telemetry.Generators.SourceGeneration.Diagnostics.DiagnosticDescriptors", throwOnError: true)!;
        var constants = typeof(DiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.Name != nameof(DiagnosticIds.PartialMethodInNonPartialType))
            .ToList();

        Assert.Equal(6, constants.Count);
        foreach (var constant in constants)
        {
            var field = descriptors.GetField(constant.Name, BindingFlags.Public | BindingFlags.Static);
            Assert.True(field is not null, $"DiagnosticDescriptors has no field {constant.Name}.");
            var descriptor = (DiagnosticDescriptor)field.GetValue(null)!;
            Assert.Equal(descriptor.Id, constant.GetValue(null));
        }
    }

    [Fact]
    public void EquivalenceKeysDistinct()
    {
        var keys = typeof(EquivalenceKeys)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetValue(null)!)
            .ToList();

        Assert.Equal(5, keys.Count);
        Assert.Equal(keys.Count, new HashSet<string>(keys).Count);
    }

    private static CodeFixProvider CreateProvider(string name) =>
        (CodeFixProvider)Activator.CreateInstance(ProviderTypes.Single(type => type.Name == name))!;
}
