using System;
using System.IO;

namespace Telemetry.Generators;

/// <summary>
/// Finds the URL of the git remote <c>origin</c> by reading the repository's configuration file. It starts no
/// <c>git</c> process and touches no network.
/// </summary>
internal static class GitRemote
{
    // A working copy's configuration file is usually well under 1 KiB. A larger file is skipped, not truncated,
    // because a cut line would give a wrong URL.
    private const int MaxConfigFileBytes = 64 * 1024;

    // A .git file or a commondir file contains one path.
    private const int MaxPointerFileBytes = 4 * 1024;

    // Bounds the number of parent directories checked for a .git entry.
    private const int MaxParentDirectories = 32;

    /// <summary>
    /// Returns the first URL of the remote <c>origin</c> of the nearest repository that contains
    /// <paramref name="startDirectory"/>, or null when there is no repository, no such remote, or a file cannot be
    /// read.
    /// </summary>
    /// <param name="startDirectory">A full path. The search checks it and up to 32 of its parents.</param>
    internal static string? FindOriginUrl(string startDirectory)
    {
        try
        {
            string? configPath = FindConfigFile(startDirectory);
            if (configPath is null)
            {
                return null;
            }

            string? configText = SmallFile.TryReadText(configPath, MaxConfigFileBytes);
            return configText is null ? null : GitConfigParser.FindRemoteUrl(configText, "origin");
        }
        catch (Exception exception) when (SmallFile.IsFileError(exception))
        {
            return null;
        }
    }

    /// <summary>
    /// Returns the path of the configuration file of the nearest repository, or null when no directory on the way up
    /// has a <c>.git</c> entry. The nearest <c>.git</c> entry wins, even when its configuration has no
    /// <c>origin</c>.
    /// </summary>
    /// <remarks>
    /// A <c>.git</c> directory is the repository itself. A <c>.git</c> file, which linked worktrees and submodules
    /// have, contains <c>gitdir: PATH</c>, where a relative path starts from the directory of the file. A linked
    /// worktree's git directory then contains a <c>commondir</c> file that points to the main repository's git
    /// directory, where the shared configuration file is.
    /// </remarks>
    internal static string? FindConfigFile(string startDirectory)
    {
        string? directory = startDirectory;
        for (int level = 0; level <= MaxParentDirectories && directory is not null; level++)
        {
            string dotGit = Path.Combine(directory, ".git");
            if (Directory.Exists(dotGit))
            {
                return GetConfigPath(dotGit);
            }

            if (File.Exists(dotGit))
            {
                string? gitDirectory = ReadPointer(dotGit, directory, "gitdir:");
                return gitDirectory is null ? null : GetConfigPath(gitDirectory);
            }

            directory = Path.GetDirectoryName(directory);
        }

        return null;
    }

    private static string GetConfigPath(string gitDirectory)
    {
        string commonDirectoryFile = Path.Combine(gitDirectory, "commondir");
        string? commonDirectory = File.Exists(commonDirectoryFile)
            ? ReadPointer(commonDirectoryFile, gitDirectory, prefix: null)
            : null;
        return Path.Combine(commonDirectory ?? gitDirectory, "config");
    }

    /// <summary>
    /// Reads the path on the first line of a small file, after <paramref name="prefix"/> when one is given, and
    /// resolves a relative path against <paramref name="baseDirectory"/>. Returns null when the file cannot be read
    /// or has no such line.
    /// </summary>
    private static string? ReadPointer(string file, string baseDirectory, string? prefix)
    {
        string? text = SmallFile.TryReadText(file, MaxPointerFileBytes);
        if (text is null)
        {
            return null;
        }

        int lineEnd = text.IndexOf('\n');
        string line = (lineEnd < 0 ? text : text.Substring(0, lineEnd)).Trim();
        if (prefix is not null)
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }

            line = line.Substring(prefix.Length).Trim();
        }

        return line.Length == 0 ? null : Path.GetFullPath(Path.Combine(baseDirectory, line));
    }
}
