namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// One file of a test's snapshot, named relative to the test's snapshot name.
/// </summary>
/// <param name="Qualifier">
/// Text after the snapshot name: <c>#</c> and the hint name without <c>.cs</c> for a generated source, or empty
/// for the diagnostics list.
/// </param>
/// <param name="Extension">File extension without the dot, <c>cs</c> or <c>txt</c>.</param>
/// <param name="Content">Normalised text to compare.</param>
internal sealed record SnapshotFile(string Qualifier, string Extension, string Content)
{
    public string VerifiedFileName(string snapshotName) => $"{snapshotName}{Qualifier}.verified.{Extension}";

    public string ReceivedFileName(string snapshotName) => $"{snapshotName}{Qualifier}.received.{Extension}";
}
