using System;
using System.IO;
using Telemetry.Generators;

namespace TrainingCli.CommandLine;

/// <summary>What a command may use besides its arguments.</summary>
/// <param name="Input">Standard input, which the shell reads messages from.</param>
/// <param name="Messages">
/// Writer for progress and result messages. The tool passes standard error, because standard output carries the
/// telemetry batches when no write key is set.
/// </param>
/// <param name="WorkingDirectory">Directory that relative paths resolve against.</param>
/// <param name="Clock">Clock for measuring durations, replaceable in tests.</param>
/// <param name="Telemetry">
/// The tool's telemetry client, which the <c>telemetry</c> commands read and change. Events go through
/// <see cref="TelemetryClient.Default"/>, which the tool sets to the same client.
/// </param>
internal sealed record CommandContext(
    TextReader Input,
    TextWriter Messages,
    string WorkingDirectory,
    TimeProvider Clock,
    TelemetryClient Telemetry)
{
    /// <summary>Returns <paramref name="path"/> as an absolute path, resolved against the working directory.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
