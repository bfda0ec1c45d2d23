using System;
using System.Reflection;

namespace Telemetry.Generators;

/// <summary>
/// Reads product versions from assembly attributes.
/// </summary>
internal static class AssemblyVersions
{
    /// <summary>
    /// Returns the informational version without build metadata, so <c>1.2.0+4f1c2ab</c> becomes <c>1.2.0</c>.
    /// Falls back to the assembly version when the informational version is missing or empty.
    /// </summary>
    internal static string? GetProductVersion(Assembly assembly)
    {
        var attribute = (AssemblyInformationalVersionAttribute?)Attribute.GetCustomAttribute(
            assembly,
            typeof(AssemblyInformationalVersionAttribute));
        string? version = RemoveBuildMetadata(attribute?.InformationalVersion);
        if (!string.IsNullOrEmpty(version))
        {
            return version;
        }

        return assembly.GetName().Version?.ToString();
    }

    /// <summary>
    /// Removes the semantic-versioning build metadata, the part from the first <c>+</c> on.
    /// </summary>
    internal static string? RemoveBuildMetadata(string? version)
    {
        if (version is null)
        {
            return null;
        }

        int plus = version.IndexOf('+');
        return (plus >= 0 ? version.Substring(0, plus) : version).Trim();
    }
}
