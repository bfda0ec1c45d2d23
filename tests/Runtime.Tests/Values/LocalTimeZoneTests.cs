using System;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Values;

/// <summary>
/// Tests that change the process time zone. They run apart from every other test.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class LocalTimeZoneTests
{
    [Fact]
    public void FromDateTime_LocalConvertsToUtc()
    {
        // India Standard Time is UTC+05:30 all year, so the expected text does not depend on daylight saving.
        var timeZone = new EnvironmentVariableScope("TZ", "Asia/Kolkata");
        try
        {
            TimeZoneInfo.ClearCachedData();
            var local = new DateTime(2024, 3, 9, 14, 5, 7, 250, DateTimeKind.Local);

            Assert.Equal(TimeSpan.FromMinutes(330), TimeZoneInfo.Local.GetUtcOffset(local));
            Assert.Equal("\"2024-03-09T08:35:07.250Z\"", TelemetryValue.From(local).ToString());
        }
        finally
        {
            timeZone.Dispose();
            TimeZoneInfo.ClearCachedData();
        }
    }
}
