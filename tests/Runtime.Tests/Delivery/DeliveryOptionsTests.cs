using System;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

public sealed class DeliveryOptionsTests
{
    private const string WriteKey = "options-key";

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static TheoryData<string, Action<TelemetryOptions>, string> InvalidOptions => new()
    {
        {
            "MaxBatchSize below 1",
            options => options.MaxBatchSize = 0,
            "TelemetryOptions.MaxBatchSize is 0, which is outside the valid range. Set it between 1 and 2500, the "
                + "maximum that Segment accepts per batch."
        },
        {
            "MaxBatchSize above 2,500",
            options => options.MaxBatchSize = 2_501,
            "TelemetryOptions.MaxBatchSize is 2501, which is outside the valid range. Set it between 1 and 2500, the "
                + "maximum that Segment accepts per batch."
        },
        {
            "MaxBatchBytes below 33,000",
            options => options.MaxBatchBytes = 32_999,
            "TelemetryOptions.MaxBatchBytes is 32,999, which is outside the valid range. Set it between 33,000 and "
                + "500,000, so that one event of 32,000 bytes fits and Segment's limit of 500,000 bytes per request "
                + "holds."
        },
        {
            "MaxBatchBytes above 500,000",
            options => options.MaxBatchBytes = 500_001,
            "TelemetryOptions.MaxBatchBytes is 500,001, which is outside the valid range. Set it between 33,000 and "
                + "500,000, so that one event of 32,000 bytes fits and Segment's limit of 500,000 bytes per request "
                + "holds."
        },
        {
            "MaxQueueLength below 1",
            options => options.MaxQueueLength = 0,
            "TelemetryOptions.MaxQueueLength is 0, but it must be 1 or greater."
        },
        {
            "MaxQueueBytes below 32,000",
            options => options.MaxQueueBytes = 31_999,
            "TelemetryOptions.MaxQueueBytes is 31,999, which is outside the valid range. Set it to 32,000 or greater, "
                + "so that one event of 32,000 bytes fits."
        },
        {
            "MaxRetries negative",
            options => options.MaxRetries = -1,
            "TelemetryOptions.MaxRetries is -1, which is outside the valid range. Set it between 0 and 100."
        },
        {
            "MaxRetries above 100",
            options => options.MaxRetries = 101,
            "TelemetryOptions.MaxRetries is 101, which is outside the valid range. Set it between 0 and 100."
        },
        {
            "MaxSpoolBytes below 32,000",
            options => options.MaxSpoolBytes = 31_999,
            "TelemetryOptions.MaxSpoolBytes is 31,999, which is outside the valid range. Set it to 32,000 or greater, "
                + "so that one event of 32,000 bytes fits."
        },
        {
            "FlushInterval zero",
            options => options.FlushInterval = TimeSpan.Zero,
            "TelemetryOptions.FlushInterval is 0 ms, which is outside the valid range. Set it between 1 ms and 1 day."
        },
        {
            "FlushInterval above 1 day",
            options => options.FlushInterval = TimeSpan.FromDays(1) + TimeSpan.FromMilliseconds(1),
            "TelemetryOptions.FlushInterval is 86,400,001 ms, which is outside the valid range. Set it between "
                + "1 ms and 1 day."
        },
        {
            "ShutdownTimeout negative",
            options => options.ShutdownTimeout = TimeSpan.FromMilliseconds(-1),
            "TelemetryOptions.ShutdownTimeout is -1 ms, which is outside the valid range. Set it between 0 ms and "
                + "1 hour."
        },
        {
            "ShutdownTimeout above 1 hour",
            options => options.ShutdownTimeout = TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1),
            "TelemetryOptions.ShutdownTimeout is 3601 seconds, which is outside the valid range. Set it between "
                + "0 ms and 1 hour."
        },
        {
            "RequestTimeout zero",
            options => options.RequestTimeout = TimeSpan.Zero,
            "TelemetryOptions.RequestTimeout is 0 ms, which is outside the valid range. Set it between 1 ms and "
                + "10 minutes."
        },
        {
            "RequestTimeout above 10 minutes",
            options => options.RequestTimeout = TimeSpan.FromMinutes(11),
            "TelemetryOptions.RequestTimeout is 11 minutes, which is outside the valid range. Set it between "
                + "1 ms and 10 minutes."
        },
        {
            "MaxRetryDelay above 1 hour",
            options => options.MaxRetryDelay = TimeSpan.FromHours(2),
            "TelemetryOptions.MaxRetryDelay is 2 hours, which is outside the valid range. Set it between 1 ms and "
                + "1 hour."
        },
        {
            "MinRetryDelay above MaxRetryDelay",
            options =>
            {
                options.MinRetryDelay = TimeSpan.FromSeconds(2);
                options.MaxRetryDelay = TimeSpan.FromSeconds(1);
            },
            "TelemetryOptions.MinRetryDelay is 2 seconds, which is outside the valid range. Set it between "
                + "1 ms and 1 second."
        },
        {
            "MinRetryDelay zero",
            options => options.MinRetryDelay = TimeSpan.Zero,
            "TelemetryOptions.MinRetryDelay is 0 ms, which is outside the valid range. Set it between 1 ms and "
                + "1 minute."
        },
        {
            "MaxRetryDuration zero",
            options => options.MaxRetryDuration = TimeSpan.Zero,
            "TelemetryOptions.MaxRetryDuration is 0 ms, which is outside the valid range. Set it between 1 ms and "
                + "1 day."
        },
        {
            "MaxSpoolAge below 1 minute",
            options => options.MaxSpoolAge = TimeSpan.FromSeconds(59),
            "TelemetryOptions.MaxSpoolAge is 59 seconds, which is outside the valid range. Set it between "
                + "1 minute and 365 days."
        },
        {
            "MaxSpoolAge above 365 days",
            options => options.MaxSpoolAge = TimeSpan.FromDays(366),
            "TelemetryOptions.MaxSpoolAge is 366 days, which is outside the valid range. Set it between "
                + "1 minute and 365 days."
        },
        {
            "Region undefined",
            options => options.Region = (SegmentRegion)7,
            "TelemetryOptions.Region is 7, which is not a SegmentRegion value. Set it to SegmentRegion.UnitedStates "
                + "or SegmentRegion.Europe."
        },
        {
            "SpoolDirectory blank",
            options => options.SpoolDirectory = "  ",
            "TelemetryOptions.SpoolDirectory is empty. Set it to a folder path, or leave it null for the default."
        },
        {
            "Endpoint http with a remote host",
            options => options.Endpoint = new Uri("http://telemetry.example.com/segment/"),
            "TelemetryOptions.Endpoint is invalid. The base address 'http://telemetry.example.com/segment/' uses "
                + "http with a host that is not a loopback address, so the write key would be sent unencrypted. Use "
                + "https, or a loopback address such as http://127.0.0.1:5000/ for a local collector."
        },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOption_Throws(string label, Action<TelemetryOptions> change, string expected)
    {
        TelemetryOptions options = CreateOptions();
        change(options);

        // The messages format numbers with the current culture, so the expected text holds for the invariant one.
        ArgumentException exception;
        using (new CultureScope(string.Empty))
        {
            exception = Assert.Throws<ArgumentException>(() => new TelemetryClient(options));
        }

        // The label only names the case in the test output.
        _ = label;
        Assert.Equal("options", exception.ParamName);
        Assert.Equal(expected + " (Parameter 'options')", exception.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/v1/batch")]
    [InlineData("http://localhost:5000/collector", "http://localhost:5000/collector/v1/batch")]
    public async Task Endpoint_LoopbackHttp_Accepted(string endpoint, string expectedBatchUri)
    {
        var logger = new RecordingLogger();
        TelemetryOptions options = CreateOptions();
        options.Endpoint = new Uri(endpoint);
        options.Logger = logger;

        // Nothing is tracked, so the client never sends to the address.
        await using var client = new TelemetryClient(options);

        Assert.True(client.IsEnabled);
        Assert.Equal(
            $"Telemetry client enabled with sink SegmentHttpSink({expectedBatchUri}) and write key source Options.",
            Assert.Single(logger.WithEventId(1)).Message);
    }

    [Fact]
    public async Task Endpoint_LoopbackServer_Delivers()
    {
        await using var server = new SegmentTestServer(WriteKey);
        TelemetryOptions options = CreateOptions();
        options.Endpoint = server.BaseAddress;
        await using var client = new TelemetryClient(options);

        client.Track("Loopback Event", null);
        await client.FlushAsync().WaitAsync(Guard);
        await server.WaitForDeliveredAsync(1, Guard);

        Assert.Empty(server.Violations);
        Assert.Equal(new[] { SequentialGuids.Format(1) }, server.DeliveredMessageIds);
        Assert.Equal("/v1/batch", Assert.Single(server.Requests).Path);
    }

    [Theory]
    [InlineData(SegmentRegion.UnitedStates, "https://api.segment.io/v1/batch")]
    [InlineData(SegmentRegion.Europe, "https://events.eu1.segmentapis.com/v1/batch")]
    public async Task Region_WithoutEndpoint_SelectsAddress(SegmentRegion region, string expectedBatchUri)
    {
        var logger = new RecordingLogger();
        TelemetryOptions options = CreateOptions();
        options.Region = region;
        options.Logger = logger;

        // Nothing is tracked, so the client never sends to Segment.
        await using var client = new TelemetryClient(options);

        Assert.True(client.IsEnabled);
        Assert.Equal(
            $"Telemetry client enabled with sink SegmentHttpSink({expectedBatchUri}) and write key source Options.",
            Assert.Single(logger.WithEventId(1)).Message);
    }

    [Fact]
    public async Task Region_WithEndpoint_UsesEndpoint()
    {
        var logger = new RecordingLogger();
        TelemetryOptions options = CreateOptions();
        options.Region = SegmentRegion.Europe;
        options.Endpoint = new Uri("http://127.0.0.1:5000/");
        options.Logger = logger;

        await using var client = new TelemetryClient(options);

        Assert.Equal(
            "Telemetry client enabled with sink SegmentHttpSink(http://127.0.0.1:5000/v1/batch) and write key "
            + "source Options.",
            Assert.Single(logger.WithEventId(1)).Message);
    }

    [Fact]
    public void GetBaseAddress_EachRegion_ReturnsAddress()
    {
        Assert.Equal(
            new Uri("https://events.eu1.segmentapis.com/"),
            SegmentHttpSink.GetBaseAddress(SegmentRegion.Europe));
        Assert.Equal(new Uri("https://api.segment.io/"), SegmentHttpSink.GetBaseAddress(SegmentRegion.UnitedStates));
    }

    [Fact]
    public async Task Constructor_BoundaryValues_Accepted()
    {
        TelemetryOptions options = CreateOptions();
        options.MaxBatchSize = 2_500;
        options.MaxBatchBytes = 33_000;
        options.MaxQueueLength = 1;
        options.MaxQueueBytes = 32_000;
        options.MaxRetries = 100;
        options.MaxSpoolBytes = 32_000;
        options.FlushInterval = TimeSpan.FromMilliseconds(1);
        options.ShutdownTimeout = TimeSpan.Zero;
        options.RequestTimeout = TimeSpan.FromMinutes(10);
        options.MinRetryDelay = TimeSpan.FromHours(1);
        options.MaxRetryDelay = TimeSpan.FromHours(1);
        options.MaxRetryDuration = TimeSpan.FromDays(1);
        options.MaxSpoolAge = TimeSpan.FromDays(365);
        options.Region = SegmentRegion.Europe;

        // Nothing is tracked, so the client never sends to Segment.
        await using var client = new TelemetryClient(options);

        Assert.True(client.IsEnabled);
    }

    [Fact]
    public void SpoolDirectory_InvalidPathRejected()
    {
        TelemetryOptions options = CreateOptions();
        options.SpoolDirectory = "spool\0folder";

        var exception = Assert.Throws<ArgumentException>(() => new TelemetryClient(options));

        Assert.StartsWith(
            "TelemetryOptions.SpoolDirectory 'spool\\0folder' is not a valid path: ",
            exception.Message,
            StringComparison.Ordinal);
        Assert.Contains("Set it to a folder path, or leave it null for the default.", exception.Message);
        Assert.Equal("options", exception.ParamName);
    }

    [Fact]
    public async Task Flush_TimeoutOverWaitLimitMeansNoLimit()
    {
        TelemetryOptions options = CreateOptions();
        options.WriteKey = null;
        options.Sink = new InMemorySink();
        await using var client = new TelemetryClient(options);
        client.Track("A", null);

        Assert.True(client.Flush(TimeSpan.FromDays(30)));
        Assert.Equal(1, client.SentCount);
    }

    private static TelemetryOptions CreateOptions() => new()
    {
        WriteKey = WriteKey,
        AppName = "OptionsTests",
        AppVersion = "1.0.0",
        AnonymousId = "anon-1",
        EnvironmentPrefix = TestOptions.UniqueEnvironmentPrefix(),
        MessageIdGenerator = new SequentialGuids().Next,
        UseSpool = false,
    };
}
