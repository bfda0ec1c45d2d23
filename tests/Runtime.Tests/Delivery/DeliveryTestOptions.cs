using System;
using System.Linq;
using Microsoft.Extensions.Logging;
using Telemetry.Generators.Runtime.Tests.Support;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

/// <summary>
/// Options for a client that sends to a <see cref="SegmentTestServer"/>, with settings that make delivery tests
/// fast and exact.
/// </summary>
internal static class DeliveryTestOptions
{
    /// <summary>Write key of every server and client these options create.</summary>
    public const string WriteKey = "wk-delivery-tests-3f9c";

    /// <summary>Time of the client's clock, and so of every timestamp and sentAt.</summary>
    public static readonly DateTimeOffset Now = new(2024, 3, 9, 14, 5, 7, 250, TimeSpan.Zero);

    /// <summary><see cref="Now"/> as the server records timestamp and sentAt values.</summary>
    public const string NowText = "2024-03-09T14:05:07.250Z";

    /// <summary>Safety timeout that fails a hung test. No test waits this long when it passes.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Creates options that send to <paramref name="server"/> with retry delays of 1 to 5 ms and no jitter, a fixed
    /// clock and message ids from <see cref="SequentialGuids"/>. The flush interval is an hour, so batches go out
    /// only on a flush, a full batch or shutdown. There is no spool, because neither a spool folder nor a consent
    /// config is set.
    /// </summary>
    public static TelemetryOptions Create(SegmentTestServer server, ILogger? logger = null) => new()
    {
        WriteKey = WriteKey,
        Endpoint = server.BaseAddress,
        MinRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        RetryJitter = () => 0.5,
        FlushInterval = TimeSpan.FromHours(1),
        AnonymousId = "anon-1",
        TimeProvider = new ManualTimeProvider(Now),
        MessageIdGenerator = new SequentialGuids().Next,
        Logger = logger,
    };

    /// <summary>Returns the message ids that <see cref="SequentialGuids"/> creates for events first to last.</summary>
    public static string[] MessageIds(int first, int last) =>
        Enumerable.Range(first, last - first + 1).Select(number => SequentialGuids.Format(number)).ToArray();
}
