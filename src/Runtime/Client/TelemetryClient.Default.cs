using System;
using System.Threading;

namespace Telemetry.Generators;

// The process-wide client that generated track calls use when no client is passed to them.
public sealed partial class TelemetryClient
{
    private static readonly object s_defaultLock = new();
    private static TelemetryClient? s_default;
    private static bool s_processExitHooked;

    /// <summary>
    /// Process-wide client that generated track calls use unless the application passes its own.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The first read creates <c>new TelemetryClient(new TelemetryOptions { Consent = new ConsentOptions() })</c>
    /// under a lock, so concurrent first reads get the same instance. Later reads cost one volatile field read.
    /// </para>
    /// <para>
    /// The first read or write also subscribes to <see cref="AppDomain.ProcessExit"/>. At exit, the client that is
    /// the default at that moment is disposed: it sends the waiting events for at most
    /// <see cref="TelemetryOptions.ShutdownTimeout"/> (2 seconds by default) and spools the rest.
    /// </para>
    /// <para>
    /// Setting the property replaces the default. The previous client is neither flushed nor disposed, so read and
    /// dispose it first if it may hold events.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException">The value to set is null.</exception>
    public static TelemetryClient Default
    {
        get => Volatile.Read(ref s_default) ?? CreateDefault();
        set
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            lock (s_defaultLock)
            {
                Volatile.Write(ref s_default, value);
                HookProcessExit();
            }
        }
    }

    private static TelemetryClient CreateDefault()
    {
        lock (s_defaultLock)
        {
            TelemetryClient? current = s_default;
            if (current is null)
            {
                current = new TelemetryClient(new TelemetryOptions { Consent = new ConsentOptions() });
                Volatile.Write(ref s_default, current);
            }

            HookProcessExit();
            return current;
        }
    }

    // Called under s_defaultLock.
    private static void HookProcessExit()
    {
        if (s_processExitHooked)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += static (_, _) => Volatile.Read(ref s_default)?.Dispose();
        s_processExitHooked = true;
    }
}
