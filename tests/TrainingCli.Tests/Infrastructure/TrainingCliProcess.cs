using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TrainingCli.Tests.Infrastructure;

/// <summary>Exit code and captured output of one run of the sample.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for assertion messages.</summary>
    public override string ToString() =>
        $"exit code {ExitCode}\n--- standard output ---\n{StandardOutput}\n--- standard error ---\n{StandardError}";
}

/// <summary>
/// Runs the built sample, <c>TrainingCli.dll</c>, as a separate process with <c>dotnet</c>. The build copies the
/// sample next to the test assembly because the test project references it.
/// </summary>
internal static class TrainingCliProcess
{
    /// <summary>Upper bound for one run, far above the time a run takes, so only a hung run hits it.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Path of the sample's assembly in the test output folder.</summary>
    public static string AssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "TrainingCli.dll");

    /// <summary>
    /// Runs the sample with <paramref name="arguments"/> in the sandbox's working directory, with standard input
    /// closed. Environment variables whose names contain <c>TELEMETRY</c>, and <c>DO_NOT_TRACK</c>, are removed,
    /// and the home and config folders point into the sandbox, so the machine's settings cannot change the result
    /// and the run never writes to the real profile.
    /// </summary>
    /// <param name="environment">
    /// Variables to set after that cleanup. A null value removes the variable.
    /// </param>
    public static async Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments,
        CliSandbox sandbox,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(DotnetHostPath())
        {
            WorkingDirectory = sandbox.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        CleanEnvironment(startInfo.Environment, sandbox);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Failed to start {startInfo.FileName} {AssemblyPath}.");
        process.StandardInput.Close();

        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"TrainingCli {string.Join(' ', arguments)} did not exit within {RunTimeout.TotalSeconds} s.");
        }

        return new ProcessResult(process.ExitCode, await standardOutput, await standardError);
    }

    /// <summary>Splits a command line on spaces, for test tables that write it as one string.</summary>
    public static Task<ProcessResult> RunAsync(string commandLine, CliSandbox sandbox) =>
        RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries), sandbox);

    private static void CleanEnvironment(IDictionary<string, string?> variables, CliSandbox sandbox)
    {
        var telemetryVariables = variables.Keys
            .Where(name => name.Contains("TELEMETRY", StringComparison.OrdinalIgnoreCase)
                || name.Equals("DO_NOT_TRACK", StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var name in telemetryVariables)
        {
            variables.Remove(name);
        }

        variables["HOME"] = sandbox.HomeDirectory;
        variables["USERPROFILE"] = sandbox.HomeDirectory;
        variables["XDG_CONFIG_HOME"] = sandbox.XdgConfigHome;
        variables["APPDATA"] = sandbox.AppData;
    }

    /// <summary>
    /// Returns the <c>dotnet</c> host that runs the tests, so the sample runs on the same installation.
    /// </summary>
    private static string DotnetHostPath()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
    }
}
