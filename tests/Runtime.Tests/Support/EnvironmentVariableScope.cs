using System;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// Sets a process environment variable and restores its previous value on dispose. Tests give each variable a
/// unique name, because tests run in parallel.
/// </summary>
internal sealed class EnvironmentVariableScope : IDisposable
{
    private readonly string _name;
    private readonly string? _previousValue;

    public EnvironmentVariableScope(string name, string? value)
    {
        _name = name;
        _previousValue = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(_name, _previousValue);
}
