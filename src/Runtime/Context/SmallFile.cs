using System;
using System.IO;
using System.Security;
using System.Text;

namespace Telemetry.Generators;

/// <summary>
/// Reads small text files for the context, with a size limit and without throwing.
/// </summary>
internal static class SmallFile
{
    /// <summary>
    /// Returns the UTF-8 text of the file at <paramref name="path"/>, or null when the file is missing, cannot be
    /// read, or is longer than <paramref name="maxBytes"/>.
    /// </summary>
    /// <remarks>
    /// The file is read until its end rather than by its reported length, because files under <c>/proc</c> report a
    /// length of zero.
    /// </remarks>
    internal static string? TryReadText(string path, int maxBytes)
    {
        try
        {
            using var stream = new FileStream(
                path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 1,
                FileOptions.None);

            // One byte more than the limit shows whether the file is longer than the limit.
            byte[] buffer = new byte[maxBytes + 1];
            int length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            return length > maxBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
        }
        catch (Exception exception) when (IsFileError(exception))
        {
            return null;
        }
    }

    /// <summary>
    /// Returns whether <paramref name="exception"/> is one that opening or reading a file throws for a missing,
    /// locked or forbidden file, or for an invalid path.
    /// </summary>
    internal static bool IsFileError(Exception exception) =>
        exception is IOException
            or UnauthorizedAccessException
            or SecurityException
            or ArgumentException
            or NotSupportedException;
}
