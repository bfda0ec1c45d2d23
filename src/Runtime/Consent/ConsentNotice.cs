using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Telemetry.Generators;

/// <summary>
/// The first-run notice: its text, and the process-wide record of where it has been printed.
/// </summary>
internal static class ConsentNotice
{
    // Config paths whose notice this process has printed, so that it never prints the notice twice for one file,
    // even when several clients start before the file records consent. Locked on itself.
    private static readonly HashSet<string> s_printedPaths = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds the notice: what is collected, that it is anonymous, where the choice is stored, how to opt out and
    /// where to read more.
    /// </summary>
    internal static string Create(
        string appName,
        string configPath,
        string enabledVariable,
        string? optOutCommand,
        string? moreInfoUrl)
    {
        var text = new StringBuilder();
        text.AppendLine("Telemetry");
        text.AppendLine("---------");
        text.Append(appName).AppendLine(" collects anonymous usage data to help improve it: which features are used,");
        text.AppendLine("and details of the environment such as the operating system, the .NET version, the number of");
        text.AppendLine("processors, the locale and the time zone. The data is linked to a random id created for this");
        text.AppendLine("installation, not to your name or account.");
        text.AppendLine();
        text.Append("This setting is stored in ").AppendLine(configPath);
        text.Append("To opt out, ");
        if (!string.IsNullOrWhiteSpace(optOutCommand))
        {
            text.Append("run '").Append(optOutCommand!.Trim()).AppendLine("',");
            text.Append("or ");
        }

        text.Append("set the environment variable ").Append(enabledVariable).Append("=false or ")
            .Append(EnvironmentSettings.DoNotTrackVariable).AppendLine("=1.");
        if (!string.IsNullOrWhiteSpace(moreInfoUrl))
        {
            text.Append("Read more at ").AppendLine(moreInfoUrl!.Trim());
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes <paramref name="notice"/> to <paramref name="writer"/> and flushes it, unless this process has
    /// already printed the notice for <paramref name="configPath"/>.
    /// </summary>
    /// <returns>Whether this call printed the notice.</returns>
    /// <exception cref="IOException">
    /// The writer failed. Other exceptions of the writer also reach the caller.
    /// </exception>
    internal static bool PrintOnce(string configPath, string notice, TextWriter writer)
    {
        lock (s_printedPaths)
        {
            if (!s_printedPaths.Add(configPath))
            {
                return false;
            }
        }

        // Another writer's output may precede the notice, so a blank line separates them.
        writer.WriteLine();
        writer.Write(notice);
        writer.WriteLine();
        writer.Flush();
        return true;
    }
}
