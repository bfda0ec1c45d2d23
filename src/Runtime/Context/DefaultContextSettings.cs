namespace Telemetry.Generators;

/// <summary>
/// Inputs of <see cref="DefaultContext.Create(DefaultContextSettings)"/>.
/// </summary>
/// <param name="AppName">Application name, sent as <c>app.name</c>.</param>
/// <param name="AppVersion">Application version, sent as <c>app.version</c>. It is omitted when null.</param>
/// <param name="IsContinuousIntegration">
/// Whether the process runs in a CI build, sent as <c>ci</c>, usually from
/// <see cref="ContinuousIntegration.IsDetected"/>.
/// </param>
/// <param name="HashSecret">
/// Per-install secret that keys the hashes of <c>directory</c> and <c>project</c>. It is never sent. When it is
/// null or empty, neither field is sent.
/// </param>
/// <param name="HashWorkingDirectory">
/// Whether to send <c>directory</c>, the keyed hash of the full path of the working directory.
/// </param>
/// <param name="HashGitRemote">
/// Whether to send <c>project</c>, the keyed hash of the URL of the git remote <c>origin</c>.
/// </param>
/// <param name="WorkingDirectory">
/// Directory whose path is hashed and where the search for the git repository starts, usually
/// <see cref="System.Environment.CurrentDirectory"/>.
/// </param>
internal sealed record DefaultContextSettings(
    string AppName,
    string? AppVersion,
    bool IsContinuousIntegration,
    byte[]? HashSecret,
    bool HashWorkingDirectory,
    bool HashGitRemote,
    string WorkingDirectory);
