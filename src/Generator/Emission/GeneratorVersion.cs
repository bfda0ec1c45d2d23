using System.Reflection;

namespace Telemetry.Generators.SourceGeneration.Emission;

/// <summary>
/// The tool name and version written into <c>[GeneratedCode]</c>.
/// </summary>
internal static class GeneratorVersion
{
    public const string ToolName = "Telemetry.Generators";

    /// <summary>The generator assembly's informational version without a <c>+commit</c> suffix.</summary>
    public static readonly string Version = ReadVersion();

    public static readonly string GeneratedCodeAttribute =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"" + ToolName + "\", \"" + Version + "\")]";

    private static string ReadVersion()
    {
        var assembly = typeof(GeneratorVersion).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return assembly.GetName().Version?.ToString() ?? "0.0.0";
        }

        var plus = informational!.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
