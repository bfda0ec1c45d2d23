namespace Telemetry.Generators;

/// <summary>
/// Name and version of this runtime library, as sent in the <c>library</c> context and the <c>User-Agent</c> header.
/// </summary>
internal static class LibraryInfo
{
    internal const string Name = "Telemetry.Generators";

    internal static readonly string Version =
        AssemblyVersions.GetProductVersion(typeof(LibraryInfo).Assembly) ?? "0.0.0";

    internal static readonly string UserAgent = Name + "/" + Version;
}
