using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;

namespace Telemetry.Generators;

/// <summary>
/// Reads and writes the per-user config file so that concurrent processes that use this class never see a partial
/// file or lose each other's changes.
/// </summary>
/// <remarks>
/// <para>
/// Every write goes to a temporary file in the same folder, which then replaces the config file with a rename. A
/// new config file is moved into place without overwriting, so when two processes create it at once, one wins and
/// the other reads the winner's file. Changes to an existing file run under a lock file, <c>telemetry.json.lock</c>,
/// opened with <see cref="FileShare.None"/>, and re-read the file under the lock before changing it.
/// </para>
/// <para>
/// Methods throw <see cref="IOException"/> and <see cref="UnauthorizedAccessException"/> for I/O failures. The
/// caller turns them into a warning.
/// </para>
/// </remarks>
internal sealed class TelemetryConfigStore
{
    // Files larger than this are not config files this library wrote, and are treated as corrupt.
    private const int MaxFileBytes = 64 * 1024;

    // The lock is held for one read and one small write. These attempts wait about half a second in total, with
    // the thread yielding and then sleeping 1 ms between attempts.
    private const int MaxLockAttempts = 500;

    private const int MaxCreateAttempts = 3;
    private const int MaxQuarantineNameAttempts = 10;

    private readonly TimeProvider _timeProvider;

    internal TelemetryConfigStore(string path, TimeProvider timeProvider)
    {
        Path = path;
        _timeProvider = timeProvider;
    }

    /// <summary>Full path of the config file.</summary>
    internal string Path { get; }

    private string LockPath => Path + ".lock";

    /// <summary>
    /// Reads the config file without changing it.
    /// </summary>
    /// <returns>The outcome, with the config when the file was valid.</returns>
    internal ConfigReadResult Read()
    {
        try
        {
            byte[]? bytes = ReadBytes();
            return bytes is null ? ConfigReadResult.Missing : ConfigReadResult.Valid(TelemetryConfig.Parse(bytes));
        }
        catch (InvalidDataException exception)
        {
            return ConfigReadResult.Corrupt(exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ConfigReadResult.Unreadable(exception);
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current config under the lock and writes the result.
    /// </summary>
    /// <param name="change">
    /// Receives a copy of the current config, or a new empty config when the file is missing or corrupt, and
    /// returns whether it changed it. It may run more than once when another process creates the file meanwhile.
    /// </param>
    /// <returns>The config the file now contains, and where and why a corrupt file was moved aside.</returns>
    /// <exception cref="IOException">
    /// The folder, the lock or the file could not be created, read or written.
    /// </exception>
    /// <exception cref="UnauthorizedAccessException">The process may not write to the folder.</exception>
    internal ConfigUpdateResult Update(Func<TelemetryConfig, bool> change)
    {
        string folder = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(folder);

        using FileStream lockStream = AcquireLock();
        string? quarantinedPath = null;
        string? quarantineReason = null;
        for (int attempt = 1; ; attempt++)
        {
            ConfigReadResult current = Read();
            if (current.IsUnreadable)
            {
                throw new IOException(
                    $"The config file '{Path}' could not be read: {current.Exception!.Message}",
                    current.Exception);
            }

            if (current.IsCorrupt)
            {
                quarantinedPath = Quarantine();
                quarantineReason = current.Exception!.Message;
            }

            TelemetryConfig config = current.Config?.Clone() ?? new TelemetryConfig();
            if (!change(config))
            {
                return new ConfigUpdateResult(current.Config ?? config, quarantinedPath, quarantineReason);
            }

            byte[] bytes = config.Serialize();
            if (current.Config is not null)
            {
                ReplaceFile(bytes);
                return new ConfigUpdateResult(config, quarantinedPath, quarantineReason);
            }

            if (TryCreateFile(bytes))
            {
                return new ConfigUpdateResult(config, quarantinedPath, quarantineReason);
            }

            // Another process, one that does not take the lock, created the file between the read and the move.
            if (attempt == MaxCreateAttempts)
            {
                throw new IOException($"The config file '{Path}' kept changing while it was being created.");
            }
        }
    }

    // Returns null when the file or its folder does not exist. Throws IOException for a path that is not a config
    // file this library could have written, so that it is reported and left alone rather than moved aside.
    private byte[]? ReadBytes()
    {
        RejectForeignFile();
        try
        {
            using var stream = new FileStream(
                Path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > MaxFileBytes)
            {
                throw new InvalidDataException(
                    $"The file has {stream.Length} bytes, more than the {MaxFileBytes} that a config file may have.");
            }

            byte[] bytes = new byte[stream.Length];
            int offset = 0;
            while (offset < bytes.Length)
            {
                int read = stream.Read(bytes, offset, bytes.Length - offset);
                if (read == 0)
                {
                    break;
                }

                offset += read;
            }

            if (!StartsLikeJsonObject(bytes.AsSpan(0, offset)))
            {
                throw new IOException(
                    $"The file '{Path}' does not start with '{{', so it is not a telemetry config file. Point the "
                    + "config path at another file, or delete this one if it is a damaged config file.");
            }

            return offset == bytes.Length ? bytes : bytes.AsSpan(0, offset).ToArray();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            // Also thrown when a part of the path is a file, which the next write reports as a failure.
            return null;
        }
    }

    /// <summary>
    /// Throws when the path is a symbolic link, a folder, or an empty file. An empty file is never written by this
    /// library (writes are atomic), and devices and pipes such as <c>/dev/null</c> also report a length of zero.
    /// Opening a pipe would block, so the check uses only the file's metadata.
    /// </summary>
    private void RejectForeignFile()
    {
        var file = new FileInfo(Path);
        if (!file.Exists)
        {
            if (Directory.Exists(Path))
            {
                throw new IOException($"The config path '{Path}' is a folder. Point it at a file inside the folder.");
            }

            return;
        }

        if ((file.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            throw new IOException(
                $"The config path '{Path}' is a symbolic link, which a write would replace. Point the config path "
                + "at the link's target instead.");
        }

        if (file.Length == 0)
        {
            throw new IOException(
                $"The config path '{Path}' is empty or is not a regular file (a device or a pipe). Point the config "
                + "path at a regular file, or delete the empty file.");
        }
    }

    // Returns whether the first character after whitespace and a UTF-8 byte order mark is '{'.
    private static bool StartsLikeJsonObject(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes.Slice(3);
        }

        foreach (byte value in bytes)
        {
            if (value is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return value == (byte)'{';
        }

        return false;
    }

    private FileStream AcquireLock()
    {
        // NOTE: the lock file stays in the folder after use. Deleting it would let a process that opened the old
        // file and one that creates a new file both hold "the" lock.
        var spinner = new SpinWait();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException exception) when (IsSharingViolation(exception) && attempt < MaxLockAttempts)
            {
                spinner.SpinOnce();
            }
            catch (IOException exception) when (IsSharingViolation(exception))
            {
                throw new IOException(
                    $"Another process held the lock file '{LockPath}' for too long, so the config file was not "
                    + "changed.",
                    exception);
            }
        }
    }

    // On Windows a held lock fails with ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33). On Unix .NET
    // takes the lock with flock and reports a held one with the errno EWOULDBLOCK: 11 on Linux, 35 on macOS and
    // FreeBSD.
    private static bool IsSharingViolation(IOException exception)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            int code = exception.HResult & 0xFFFF;
            return code == 32 || code == 33;
        }

        return exception.HResult == 11 || exception.HResult == 35;
    }

    private string Quarantine()
    {
        string timestamp = _timeProvider.GetUtcNow().UtcDateTime
            .ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string basePath = Path + ".corrupt-" + timestamp;
        for (int attempt = 1; attempt <= MaxQuarantineNameAttempts; attempt++)
        {
            string target = attempt == 1 ? basePath : basePath + "-" + attempt.ToString(CultureInfo.InvariantCulture);
            if (File.Exists(target))
            {
                continue;
            }

            File.Move(Path, target);
            return target;
        }

        throw new IOException($"The corrupt config file '{Path}' could not be moved aside, because {basePath} and "
            + $"{MaxQuarantineNameAttempts - 1} numbered variants exist.");
    }

    private void ReplaceFile(byte[] bytes)
    {
        string temporaryPath = WriteTemporaryFile(bytes);
        try
        {
#if NET
            File.Move(temporaryPath, Path, overwrite: true);
#else
            File.Replace(temporaryPath, Path, destinationBackupFileName: null);
#endif
        }
        finally
        {
            DeleteIfPresent(temporaryPath);
        }
    }

    // Returns false when another process created the file first.
    private bool TryCreateFile(byte[] bytes)
    {
        string temporaryPath = WriteTemporaryFile(bytes);
        try
        {
            File.Move(temporaryPath, Path);
            return true;
        }
        catch (IOException) when (File.Exists(Path))
        {
            return false;
        }
        finally
        {
            DeleteIfPresent(temporaryPath);
        }
    }

    private string WriteTemporaryFile(byte[] bytes)
    {
        string temporaryPath = Path + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp";
        try
        {
            using FileStream stream = CreateTemporaryFile(temporaryPath);
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            DeleteIfPresent(temporaryPath);
            throw;
        }

        return temporaryPath;
    }

    private static FileStream CreateTemporaryFile(string path)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            // The file contains the hashing secret, so only its owner may read it.
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
#endif

        // NOTE: on .NET Framework and other netstandard2.0 hosts the file gets the default permissions of its
        // folder, which may let other users read the secret.
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }

    private static void DeleteIfPresent(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A temporary file that cannot be deleted is left behind. It is never read.
        }
    }
}
