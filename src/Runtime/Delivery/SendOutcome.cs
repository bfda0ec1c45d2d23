namespace Telemetry.Generators;

/// <summary>
/// How one attempt to send a batch ended.
/// </summary>
internal enum SendOutcome
{
    /// <summary>The destination accepted the batch (HTTP 2xx).</summary>
    Delivered,

    /// <summary>
    /// The attempt failed in a way that a later attempt can fix: a network error, a timeout, or HTTP 408, 410, 429,
    /// 460 or 5xx other than 501, 505 and 511.
    /// </summary>
    Retryable,

    /// <summary>
    /// The destination rejected the batch for good, for example HTTP 400 for a body that is too large or not valid
    /// JSON. Sending it again would fail the same way.
    /// </summary>
    Rejected,
}
