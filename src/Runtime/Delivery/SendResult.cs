using System;

namespace Telemetry.Generators;

/// <summary>
/// The result of one attempt to send a batch: the outcome, the status code when there was a response, the wait the
/// server asked for, and a short reason for logs that never contains the write key.
/// </summary>
internal readonly struct SendResult
{
    public SendResult(SendOutcome outcome, int? statusCode, TimeSpan? retryAfter, string reason, Exception? exception)
    {
        Outcome = outcome;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Reason = reason;
        Exception = exception;
    }

    public SendOutcome Outcome { get; }

    /// <summary>The HTTP status code, or null when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>
    /// The wait that a <c>Retry-After</c> header requested, already capped, or null when there was none.
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>A short reason for logs, for example <c>HTTP 503</c> or <c>timed out after 10 s</c>.</summary>
    public string Reason { get; }

    /// <summary>The exception behind a network failure, or null.</summary>
    public Exception? Exception { get; }

    public static SendResult Delivered(int? statusCode) =>
        new(SendOutcome.Delivered, statusCode, retryAfter: null, "delivered", exception: null);
}
