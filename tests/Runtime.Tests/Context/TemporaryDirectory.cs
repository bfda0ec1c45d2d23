using System;
using System.IO;
using System.Text;

namespace Telemetry.Generators.Runtime.Tests.Context;

/// <summary>
/// A new, empty directory under the system's temporary folder, deleted with its contents on dispose.
/// </summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "telemetry-context-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>Full path of the directory.</summary>
    public string Path { get; }

    /// <summary>
    /// Creates a directory below this one from a relative path with <c>/</c> separators and returns its full path.
    /// </summary>
    public string CreateDirectory(string relativePath)
    {
        string fullPath = Resolve(relativePath);
        Directory.CreateDirectory(fullPath);
        return fullPath;
    }

    /// <summary>
    /// Writes a UTF-8 file below this directory, creating its parent directories, and returns its full path.
    /// </summary>
    public string WriteFile(string relativePath, string text)
    {
        string fullPath = Resolve(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        File.WriteAllText(fullPath, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return fullPath;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere can keep the folder from being deleted, and a leftover folder under the
            // temporary path affects no other test.
        }
    }

    private string Resolve(string relativePath) =>
        System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));
}
