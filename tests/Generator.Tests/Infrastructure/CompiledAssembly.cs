using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// An output compilation emitted in memory and loaded into its own collectible load context, which unloads on
/// <see cref="Dispose"/>. The telemetry runtime resolves to the copy the tests use, so objects such as a
/// <see cref="TelemetryClient"/> pass between the tests and the loaded code.
/// </summary>
internal sealed class CompiledAssembly : IDisposable
{
    private readonly SharedRuntimeLoadContext context;

    private CompiledAssembly(SharedRuntimeLoadContext context, Assembly assembly)
    {
        this.context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    /// <exception cref="XunitException">Emitting failed; the message lists the errors.</exception>
    public static CompiledAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)
                .Select(DiagnosticLine.Format);
            throw new XunitException("Emitting the output compilation failed:\n" + string.Join("\n", errors));
        }

        image.Position = 0;
        var context = new SharedRuntimeLoadContext();
        return new CompiledAssembly(context, context.LoadFromStream(image));
    }

    /// <summary>
    /// Invokes the static method <paramref name="methodName"/> of <paramref name="typeName"/> (a metadata name)
    /// and returns its result. An exception thrown by the method is rethrown as is.
    /// </summary>
    public object? InvokeStatic(string typeName, string methodName, params object?[] arguments)
    {
        var type = Assembly.GetType(typeName)
            ?? throw new XunitException($"Type '{typeName}' was not found in the compiled assembly.");
        var method = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new XunitException($"Static method '{methodName}' was not found on '{typeName}'.");

        try
        {
            return method.Invoke(null, arguments);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }
    }

    public void Dispose() => context.Unload();

    private sealed class SharedRuntimeLoadContext() : AssemblyLoadContext("GeneratedCode", isCollectible: true)
    {
        private static readonly string RuntimeName = TestReferences.RuntimeAssembly.GetName().Name!;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Returning null for everything else defers to the default context, which loads the framework.
            return assemblyName.Name == RuntimeName ? TestReferences.RuntimeAssembly : null;
        }
    }
}
