namespace Telemetry.Generators;

/// <summary>
/// Reason why an event was dropped, as counted in <see cref="TelemetryStatistics.GetDroppedCount"/> and tagged on the
/// <c>telemetry.generators.events.dropped</c> counter.
/// </summary>
public enum TelemetryDropReason
{
    /// <summary>
    /// The queue already held <see cref="TelemetryOptions.MaxQueueLength"/> events or
    /// <see cref="TelemetryOptions.MaxQueueBytes"/> bytes. The event was not accepted.
    /// </summary>
    QueueFull = 0,

    /// <summary>The event's JSON is larger than Segment's limit of 32,000 bytes. The event was not accepted.</summary>
    TooLarge = 1,

    /// <summary>
    /// The event could not be built: its name was null or empty, or the clock, the message id generator or the JSON
    /// writer threw. The event was not accepted.
    /// </summary>
    InvalidEvent = 2,

    /// <summary>Reading the event's property values threw in the generated track method.</summary>
    CaptureFailed = 3,

    /// <summary>
    /// The server rejected the event's batch with a status that a retry cannot fix, such as HTTP 400 for a body
    /// that is not valid JSON.
    /// </summary>
    Rejected = 4,

    /// <summary>Every retry of the event's batch failed and no spool was available to keep it.</summary>
    RetriesExhausted = 5,

    /// <summary>A sink other than the Segment HTTP sink threw while sending the event's batch.</summary>
    SinkFailed = 6,

    /// <summary>The shutdown timeout passed before the event was delivered, and no spool was available.</summary>
    ShutdownTimedOut = 7,

    /// <summary>The user opted out while the event was waiting to be sent.</summary>
    OptedOut = 8,
}
