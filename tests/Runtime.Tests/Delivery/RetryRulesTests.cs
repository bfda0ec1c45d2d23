using System;
using System.Net;
using System.Net.Http;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

public sealed class RetryRulesTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 9, 14, 5, 8, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(100, false)]
    [InlineData(200, false)]
    [InlineData(302, false)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(408, true)]
    [InlineData(409, false)]
    [InlineData(410, true)]
    [InlineData(413, false)]
    [InlineData(429, true)]
    [InlineData(459, false)]
    [InlineData(460, true)]
    [InlineData(499, false)]
    [InlineData(500, true)]
    [InlineData(501, false)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(505, false)]
    [InlineData(506, true)]
    [InlineData(511, false)]
    [InlineData(599, true)]
    [InlineData(600, false)]
    public void IsRetryableStatus_FollowsRule(int statusCode, bool expected)
    {
        Assert.Equal(expected, RetryRules.IsRetryableStatus(statusCode));
    }

    [Theory]
    [InlineData(100, nameof(SendOutcome.Rejected))]
    [InlineData(199, nameof(SendOutcome.Rejected))]
    [InlineData(200, nameof(SendOutcome.Delivered))]
    [InlineData(202, nameof(SendOutcome.Delivered))]
    [InlineData(204, nameof(SendOutcome.Delivered))]
    [InlineData(299, nameof(SendOutcome.Delivered))]
    [InlineData(300, nameof(SendOutcome.Rejected))]
    [InlineData(301, nameof(SendOutcome.Rejected))]
    [InlineData(307, nameof(SendOutcome.Rejected))]
    [InlineData(400, nameof(SendOutcome.Rejected))]
    [InlineData(408, nameof(SendOutcome.Retryable))]
    [InlineData(410, nameof(SendOutcome.Retryable))]
    [InlineData(413, nameof(SendOutcome.Rejected))]
    [InlineData(429, nameof(SendOutcome.Retryable))]
    [InlineData(460, nameof(SendOutcome.Retryable))]
    [InlineData(500, nameof(SendOutcome.Retryable))]
    [InlineData(501, nameof(SendOutcome.Rejected))]
    [InlineData(503, nameof(SendOutcome.Retryable))]
    [InlineData(505, nameof(SendOutcome.Rejected))]
    [InlineData(511, nameof(SendOutcome.Rejected))]
    [InlineData(600, nameof(SendOutcome.Rejected))]
    public void Classify_FollowsRule(int statusCode, string expected)
    {
        // SendOutcome is internal, and xUnit needs public parameter types, so the case names the outcome.
        Assert.Equal(Enum.Parse<SendOutcome>(expected), RetryRules.Classify(statusCode));
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("1", 1.0)]
    [InlineData("120", 120.0)]
    [InlineData(" 45 ", 45.0)]
    [InlineData("300", 300.0)]
    [InlineData("301", 300.0)]
    [InlineData("100000", 300.0)]
    [InlineData("99999999999", 300.0)]
    [InlineData("Sat, 09 Mar 2024 14:06:08 GMT", 60.0)]
    [InlineData("Sat, 09 Mar 2024 14:05:08 GMT", 0.0)]
    [InlineData("Sat, 09 Mar 2024 14:00:00 GMT", 0.0)]
    [InlineData("Sat, 09 Mar 2024 15:05:08 GMT", 300.0)]
    [InlineData("Saturday, 09-Mar-24 14:05:38 GMT", 30.0)]
    [InlineData("soon", null)]
    [InlineData("-5", null)]
    [InlineData("1.5", null)]
    [InlineData("", null)]
    public void ReadRetryAfter_ReadsHeader(string headerValue, double? expectedSeconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", headerValue);

        TimeSpan? retryAfter = RetryRules.ReadRetryAfter(response, Now, RetryRules.MaxRetryAfter);

        Assert.Equal(expectedSeconds is null ? null : TimeSpan.FromSeconds(expectedSeconds.Value), retryAfter);
    }

    [Fact]
    public void ReadRetryAfter_MissingHeaderIsNull()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Null(RetryRules.ReadRetryAfter(response, Now, RetryRules.MaxRetryAfter));
    }

    [Fact]
    public void ReadRetryAfter_UsesGivenCap()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "120");

        Assert.Equal(TimeSpan.FromSeconds(10), RetryRules.ReadRetryAfter(response, Now, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void ReadRetryAfter_NegativeCapThrows()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => RetryRules.ReadRetryAfter(response, Now, TimeSpan.FromSeconds(-1)));

        Assert.Equal("cap", exception.ParamName);
    }

    [Fact]
    public void MaxRetryAfter_IsFiveMinutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(300), RetryRules.MaxRetryAfter);
    }

    [Theory]
    [InlineData(1, 0.5, 0.5)]
    [InlineData(1, 0.0, 0.25)]
    [InlineData(1, 0.75, 0.625)]
    [InlineData(2, 0.5, 1.0)]
    [InlineData(3, 0.5, 2.0)]
    [InlineData(3, 0.0, 1.0)]
    [InlineData(7, 0.5, 32.0)]
    [InlineData(7, 0.75, 40.0)]
    [InlineData(7, 0.9, 44.8)]
    [InlineData(8, 0.0, 30.0)]
    [InlineData(8, 0.5, 60.0)]
    [InlineData(8, 0.75, 60.0)]
    [InlineData(10, 0.5, 60.0)]
    [InlineData(10, 0.25, 45.0)]
    [InlineData(64, 0.5, 60.0)]
    [InlineData(1000, 0.5, 60.0)]
    [InlineData(1000, 0.0, 30.0)]
    [InlineData(int.MaxValue, 0.5, 60.0)]
    public void GetBackoff_DoublesAndCaps(int retryNumber, double unitRandom, double expectedSeconds)
    {
        TimeSpan backoff = RetryRules.GetBackoff(
            retryNumber,
            TimeSpan.FromSeconds(0.5),
            TimeSpan.FromSeconds(60),
            unitRandom);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), backoff);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(1000)]
    public void GetBackoff_ZeroMinimumIsZero(int retryNumber)
    {
        Assert.Equal(
            TimeSpan.Zero,
            RetryRules.GetBackoff(retryNumber, TimeSpan.Zero, TimeSpan.FromSeconds(60), 0.5));
    }

    [Theory]
    [InlineData(40, 0.5, 5_000_000L << 39)]
    [InlineData(62, 0.5, long.MaxValue)]
    [InlineData(1000, 0.5, long.MaxValue)]
    public void GetBackoff_LargestMaximumDoesNotOverflow(int retryNumber, double unitRandom, long expectedTicks)
    {
        TimeSpan backoff = RetryRules.GetBackoff(
            retryNumber,
            TimeSpan.FromSeconds(0.5),
            TimeSpan.MaxValue,
            unitRandom);

        Assert.Equal(TimeSpan.FromTicks(expectedTicks), backoff);
    }

    [Fact]
    public void GetBackoff_InvalidArgumentsThrow()
    {
        TimeSpan min = TimeSpan.FromSeconds(0.5);
        TimeSpan max = TimeSpan.FromSeconds(60);

        Assert.Equal(
            "retryNumber",
            Assert.Throws<ArgumentOutOfRangeException>(() => RetryRules.GetBackoff(0, min, max, 0.5)).ParamName);
        Assert.Equal(
            "minDelay",
            Assert.Throws<ArgumentOutOfRangeException>(
                () => RetryRules.GetBackoff(1, TimeSpan.FromTicks(-1), max, 0.5)).ParamName);
        Assert.Equal(
            "maxDelay",
            Assert.Throws<ArgumentOutOfRangeException>(
                () => RetryRules.GetBackoff(1, max, min, 0.5)).ParamName);
        Assert.Equal(
            "unitRandom",
            Assert.Throws<ArgumentOutOfRangeException>(() => RetryRules.GetBackoff(1, min, max, 1.0)).ParamName);
        Assert.Equal(
            "unitRandom",
            Assert.Throws<ArgumentOutOfRangeException>(() => RetryRules.GetBackoff(1, min, max, -0.1)).ParamName);
        Assert.Equal(
            "unitRandom",
            Assert.Throws<ArgumentOutOfRangeException>(
                () => RetryRules.GetBackoff(1, min, max, double.NaN)).ParamName);
    }
}
