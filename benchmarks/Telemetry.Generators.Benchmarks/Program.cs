using BenchmarkDotNet.Running;

namespace Telemetry.Generators.Benchmarks;

/// <summary>
/// Runs the benchmarks named on the command line, e.g. <c>--filter *</c>; see BenchmarkDotNet's options.
/// </summary>
internal static class Program
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
