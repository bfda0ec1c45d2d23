using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Telemetry.Generators;

/// <summary>
/// Decides which responses from Segment are worth another attempt and how long to wait before it.
/// </summary>
internal static class RetryRules
{
    /// <summary>Maximum wait that a <c>Retry-After</c> header can impose.</summary>
    internal static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(300);

    /// <summary>
    /// Returns whether a later attempt can succeed after <paramref name="statusCode"/>: 408 Request Timeout,
    /// 410 Gone, 429 Too Many Requests, 460 (a client-closed timeout of some load balancers) and every 5xx except
    /// 501 Not Implemented, 505 HTTP Version Not Supported and 511 Network Authentication Required.
    /// </summary>
    internal static bool IsRetryableStatus(int statusCode)
    {
        switch (statusCode)
        {
            case 408:
            case 410:
            case 429:
            case 460:
                return true;
            case 501:
            case 505:
            case 511:
                return false;
            default:
                return statusCode >= 500 && statusCode <= 599;
        }
    }

    /// <summary>
    /// Classifies a response status: 2xx is delivered, a retryable status is retryable, and any other status,
    /// including a redirect that the handler did not follow, is a rejection that must not be retried.
    /// </summary>
    internal static SendOutcome Classify(int statusCode)
    {
        if (statusCode >= 200 && statusCode <= 299)
        {
            return SendOutcome.Delivered;
        }

        return IsRetryableStatus(statusCode) ? SendOutcome.Retryable : SendOutcome.Rejected;
    }

    /// <summary>
    /// Reads the <c>Retry-After</c> header as delta-seconds or as an HTTP date relative to <paramref name="now"/>.
    /// </summary>
    /// <param name="response">The response to read.</param>
    /// <param name="now">The current time, which an HTTP date is compared with.</param>
    /// <param name="cap">The maximum wait to return.</param>
    /// <returns>
    /// The wait, at most <paramref name="cap"/>, or <see cref="TimeSpan.Zero"/> for a date in the past, or null when
    /// the header is missing or invalid.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cap"/> is negative.</exception>
    internal static TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now, TimeSpan cap)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        if (cap < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(cap), cap, "The cap must not be negative.");
        }

        RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return Min(delta, cap);
        }

        if (retryAfter?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - now;
            return wait <= TimeSpan.Zero ? TimeSpan.Zero : Min(wait, cap);
        }

        // The typed header rejects delta-seconds beyond int.MaxValue, but such a value still requests a long wait.
        return HasDeltaSecondsBeyondInt32(response.Headers) ? cap : null;
    }

    /// <summary>
    /// Computes the wait before retry number <paramref name="retryNumber"/>: <paramref name="minDelay"/> doubled for
    /// each earlier retry and capped at <paramref name="maxDelay"/>, then multiplied by a jitter factor between 0.5
    /// and 1.5 and capped again.
    /// </summary>
    /// <param name="retryNumber">The number of the retry, 1 for the first retry.</param>
    /// <param name="minDelay">The wait before the first retry without jitter.</param>
    /// <param name="maxDelay">The maximum wait to return.</param>
    /// <param name="unitRandom">A random number in [0, 1) that picks the jitter factor 0.5 + unitRandom.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="retryNumber"/> is less than 1, <paramref name="minDelay"/> is negative,
    /// <paramref name="maxDelay"/> is less than <paramref name="minDelay"/>, or <paramref name="unitRandom"/> is
    /// outside [0, 1).
    /// </exception>
    internal static TimeSpan GetBackoff(int retryNumber, TimeSpan minDelay, TimeSpan maxDelay, double unitRandom)
    {
        ValidateBackoffArguments(retryNumber, minDelay, maxDelay, unitRandom);

        long minTicks = minDelay.Ticks;
        long maxTicks = maxDelay.Ticks;

        // minTicks * 2^doublings stays at or below maxTicks exactly when minTicks <= maxTicks >> doublings, so the
        // shift below never overflows, however large retryNumber is.
        int doublings = retryNumber - 1;
        long baseTicks = maxTicks;
        if (minTicks == 0)
        {
            baseTicks = 0;
        }
        else if (doublings < 63 && minTicks <= maxTicks >> doublings)
        {
            baseTicks = minTicks << doublings;
        }

        double jitteredTicks = baseTicks * (0.5 + unitRandom);
        return jitteredTicks >= maxTicks ? maxDelay : TimeSpan.FromTicks((long)jitteredTicks);
    }

    private static void ValidateBackoffArguments(
        int retryNumber,
        TimeSpan minDelay,
        TimeSpan maxDelay,
        double unitRandom)
    {
        if (retryNumber < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(retryNumber),
                retryNumber,
                "The retry number must be 1 or greater. The first retry is number 1.");
        }

        if (minDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(minDelay),
                minDelay,
                "The minimum delay must not be negative.");
        }

        if (maxDelay < minDelay)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxDelay),
                maxDelay,
                $"The maximum delay must not be less than the minimum delay {minDelay}.");
        }

        if (!(unitRandom >= 0 && unitRandom < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(unitRandom),
                unitRandom,
                "The random number must be at least 0 and less than 1.");
        }
    }

    // Called only after the typed header failed to parse, so a value of digits alone must have been too large.
    private static bool HasDeltaSecondsBeyondInt32(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Retry-After", out IEnumerable<string>? values))
        {
            return false;
        }

        foreach (string value in values)
        {
            string trimmed = value.Trim();
            if (trimmed.Length == 0)
            {
                return false;
            }

            foreach (char c in trimmed)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    private static TimeSpan Min(TimeSpan first, TimeSpan second) => first <= second ? first : second;
}
