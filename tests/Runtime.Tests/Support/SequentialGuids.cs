using System;
using System.Threading;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// Message id generator that returns 00000000-0000-0000-0000-000000000001, ...0002 and so on. Thread-safe.
/// </summary>
internal sealed class SequentialGuids
{
    private long _last;

    public Guid Next()
    {
        long value = Interlocked.Increment(ref _last);
        return new Guid($"00000000-0000-0000-0000-{value:x12}");
    }

    public static string Format(long value) => $"00000000-0000-0000-0000-{value:x12}";
}
