using System;
using System.Runtime.InteropServices;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Context;

/// <summary>
/// Tests that change the process time zone. They run apart from every other test.
/// </summary>
[Collection(ProcessStateCollection.Name)]
public sealed class LocalTimeZoneIdTests
{
    [Fact]
    public void GetTimeZoneId_ReturnsIanaId()
    {
        // Windows ignores TZ, so only Linux and macOS can set the zone for one process.
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return;
        }

        var timeZone = new EnvironmentVariableScope("TZ", "America/Argentina/Buenos_Aires");
        try
        {
            TimeZoneInfo.ClearCachedData();

            Assert.Equal("America/Argentina/Buenos_Aires", PlatformInfo.GetTimeZoneId());
        }
        finally
        {
            timeZone.Dispose();
            TimeZoneInfo.ClearCachedData();
        }
    }
}
