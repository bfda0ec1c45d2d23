using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators;

/// <summary>
/// Bounded folder of events that could not be delivered, so that a later flush or the next run can send them with
/// their original message ids and timestamps.
/// </summary>
/// <remarks>
/// <para>
/// The folder contains spool files named <c>events-&lt;UTC time&gt;-&lt;8 hex digits&gt;-&lt;event count&gt;.json</c>,
/// the lock file <c>spool.lock</c> and the <c>quarantine</c> subfolder for invalid spool files. Other files are
/// left alone, except that a load deletes leftover <c>*.tmp</c> files. An entry with a spool file name that is empty
/// or not a regular file, such as a FIFO, is also left alone, because reading it could block.
/// </para>
/// <para>
/// Only the holder of a <see cref="SpoolLease"/> reads or changes the folder. <see cref="TryAcquire"/> takes the
/// lease by opening the lock file with <see cref="FileShare.None"/>. Windows enforces that share mode. On Unix .NET
/// takes an advisory <c>flock</c> lock for each open file, so a second open fails in this process too.
/// NOTE: on Unix the lock keeps out only processes that take it. .NET goes on without it when the file system
/// rejects <c>flock</c>, as some network file systems do, and .NET 6 and later skip it when
/// <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> is set. Two leases can then exist at once.
/// </para>
/// </remarks>
internal sealed class DeliverySpool
{
    internal const string LockFileName = "spool.lock";
    internal const string QuarantineFolderName = "quarantine";

    // Maximum length of a byte array, which .NET 6 and later expose as Array.MaxLength.
    private const int MaxReadBytes = 0x7FFFFFC7;

    private static readonly TimeSpan LockRetryInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Initializes a spool for the folder <paramref name="directoryPath"/> without touching the disk.
    /// </summary>
    /// <param name="directoryPath">The spool folder, created by <see cref="TryAcquire"/> when missing.</param>
    /// <param name="maxBytes">The maximum total size of the spool files, in bytes.</param>
    /// <param name="maxAge">
    /// The maximum age of an event. A load drops events whose timestamp is older than the current time minus this
    /// age.
    /// </param>
    /// <param name="timeProvider">The clock for file names and the age limit.</param>
    /// <param name="logger">The logger for problems that the methods handle themselves.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="directoryPath"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="maxBytes"/> or <paramref name="maxAge"/> is zero or negative.
    /// </exception>
    public DeliverySpool(
        string directoryPath,
        long maxBytes,
        TimeSpan maxAge,
        TimeProvider timeProvider,
        ILogger logger)
    {
        if (directoryPath is null)
        {
            throw new ArgumentNullException(nameof(directoryPath));
        }

        if (directoryPath.Length == 0)
        {
            throw new ArgumentException("The spool folder path is empty.", nameof(directoryPath));
        }

        if (maxBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The size cap must be positive.");
        }

        if (maxAge <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAge), maxAge, "The maximum age must be positive.");
        }

        DirectoryPath = directoryPath;
        MaxBytes = maxBytes;
        MaxAge = maxAge;
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        Logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The spool folder, as passed to the constructor.</summary>
    public string DirectoryPath { get; }

    /// <summary>The maximum total size of the spool files, in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>The maximum age of an event at load time.</summary>
    public TimeSpan MaxAge { get; }

    internal TimeProvider TimeProvider { get; }

    internal ILogger Logger { get; }

    /// <summary>
    /// Tries to become the only owner of the folder: creates it when missing and opens <c>spool.lock</c> in it with
    /// <see cref="FileShare.None"/>. The lock file is never deleted. Does not throw for I/O failures.
    /// </summary>
    /// <param name="wait">
    /// How long to retry while another lease holds the lock, in steps of at most 25 ms. The calling thread blocks
    /// for up to this time. Zero or a negative wait tries once.
    /// </param>
    /// <param name="busy">Set to true when another lease still held the lock after <paramref name="wait"/>.</param>
    /// <param name="failure">
    /// Set to the exception when the folder or the lock file could not be created or opened for another reason, for
    /// example a path below a regular file or a folder without write permission.
    /// </param>
    /// <returns>The lease, which releases the lock on dispose, or null when it was not acquired.</returns>
    public SpoolLease? TryAcquire(TimeSpan wait, out bool busy, out Exception? failure)
    {
        busy = false;
        failure = null;
        string fullPath;
        try
        {
            // GetFullPath keeps a trailing separator, and GetDirectoryName of a path inside the folder removes it.
            fullPath = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(DirectoryPath, LockFileName)))!;
            CreateDirectory(fullPath);
        }
        catch (Exception exception) when (IsFileSystemFailure(exception))
        {
            failure = exception;
            return null;
        }

        string lockPath = Path.Combine(fullPath, LockFileName);
        TimeSpan maxWait = wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        Stopwatch stopwatch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new SpoolLease(this, fullPath, OpenLockFile(lockPath));
            }
            catch (IOException exception) when (IsSharingViolation(exception))
            {
                TimeSpan remaining = maxWait - stopwatch.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    busy = true;
                    return null;
                }

                Thread.Sleep(remaining < LockRetryInterval ? remaining : LockRetryInterval);
            }
            catch (Exception exception) when (IsFileSystemFailure(exception))
            {
                failure = exception;
                return null;
            }
        }
    }

    /// <summary>
    /// Returns whether <paramref name="exception"/> is one that file system calls throw for a missing, invalid or
    /// inaccessible path, which the spool turns into a result instead of throwing.
    /// </summary>
    internal static bool IsFileSystemFailure(Exception exception) =>
        exception is IOException
            or UnauthorizedAccessException
            or NotSupportedException
            or SecurityException
            or ArgumentException;

    /// <summary>
    /// Creates a folder that only the current user may use on Unix (mode 0700). On netstandard2.0 the folder gets
    /// the default permissions.
    /// </summary>
    internal static void CreateDirectory(string path)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }
#endif

        // NOTE: on .NET Framework and other netstandard2.0 hosts the folder gets the default permissions of its
        // parent, which may let other users list the spool files.
        Directory.CreateDirectory(path);
    }

    /// <summary>
    /// Creates a new file for writing that only the current user may read on Unix (mode 0600). Throws
    /// <see cref="IOException"/> when the file exists.
    /// </summary>
    internal static FileStream CreateNewFile(string path) => OpenFile(path, FileMode.CreateNew, FileAccess.Write);

    /// <summary>
    /// Returns whether a folder entry is a regular file with content, judged from its metadata alone, so that the
    /// check never opens a FIFO or a device.
    /// </summary>
    /// <remarks>
    /// .NET has no API for the Unix file type, and a FIFO gets the same <see cref="FileAttributes"/> and
    /// <c>UnixFileMode</c> as a regular file (checked on .NET 10 on Linux). FIFOs and devices such as
    /// <c>/dev/null</c> report a length of zero, so an empty entry counts as not regular. An empty regular file is
    /// rejected too, but a spool write never leaves one under a spool file name. Symbolic links are rejected because
    /// their length is that of the link, not of its target.
    /// </remarks>
    internal static bool IsNonEmptyRegularFile(FileInfo entry) =>
        (entry.Attributes & FileAttributes.ReparsePoint) == 0 && entry.Length > 0;

    /// <summary>
    /// Opens a spool file for reading, or returns null when <see cref="IsNonEmptyRegularFile"/> rejects it just
    /// before the open. Throws <see cref="FileNotFoundException"/> when the file is gone.
    /// </summary>
    /// <remarks>
    /// NOTE: an entry replaced by a FIFO between that check and the open still blocks the open until a writer
    /// opens the FIFO. On Unix no <see cref="FileOptions"/> value makes the open non-blocking (checked on .NET 10 on
    /// Linux), and .NET exposes no <c>O_NONBLOCK</c> flag.
    /// </remarks>
    internal static FileStream? OpenForReading(string path)
    {
        var entry = new FileInfo(path);
        if (entry.Exists && !IsNonEmptyRegularFile(entry))
        {
            return null;
        }

        return new FileStream(
            path,
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            bufferSize: 1,
            FileOptions.SequentialScan);
    }

    /// <summary>
    /// Reads a newly opened stream to its end, but no further than the length that it had when the read began.
    /// </summary>
    /// <exception cref="IOException">The length exceeds the maximum length of a byte array.</exception>
    internal static byte[] ReadToEnd(FileStream stream)
    {
        long length = stream.Length;
        if (length > MaxReadBytes)
        {
            throw new IOException(
                $"The file '{stream.Name}' has {length} bytes, more than the maximum byte array length of "
                + $"{MaxReadBytes}, so it cannot be read. Set a spool size cap below that length.");
        }

        byte[] bytes = new byte[length];
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

        if (offset < bytes.Length)
        {
            Array.Resize(ref bytes, offset);
        }

        return bytes;
    }

    private static FileStream OpenLockFile(string path) => OpenFile(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);

    private static FileStream OpenFile(string path, FileMode mode, FileAccess access)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = mode,
                Access = access,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
#endif

        // NOTE: on .NET Framework and other netstandard2.0 hosts the file gets the default permissions of its
        // folder.
        return new FileStream(path, mode, access, FileShare.None);
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
}

