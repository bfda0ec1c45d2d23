using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Client;

public sealed class TelemetryClientCaptureFailureTests
{
    private const int CaptureFailedEventId = 10;

    [Fact]
    public void ReportCaptureFailure_CountsEachCall()
    {
        using var client = new TelemetryClient(TestOptions.Create(new InMemorySink()));

        client.ReportCaptureFailure("Training Started", new InvalidOperationException());
        client.ReportCaptureFailure("Training Started", new InvalidOperationException());
        client.ReportCaptureFailure("Training Finished", new InvalidOperationException());

        Assert.Equal(3, client.DroppedCount);
        Assert.Equal(0, client.AcceptedCount);
        Assert.Equal(0, client.PendingCount);
    }

    [Fact]
    public void ReportCaptureFailure_LogsOncePerEventName()
    {
        var logger = new RecordingLogger();
        using var client = CreateClient(logger);

        client.ReportCaptureFailure("Training Started", new InvalidOperationException());
        client.ReportCaptureFailure("Training Started", new FormatException());

        LogEntry entry = Assert.Single(logger.WithEventId(CaptureFailedEventId));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("CaptureFailed", entry.EventId.Name);
        Assert.Equal(2, client.DroppedCount);
    }

    [Fact]
    public void ReportCaptureFailure_LogsEachEventName()
    {
        var logger = new RecordingLogger();
        using var client = CreateClient(logger);

        client.ReportCaptureFailure("Training Started", new InvalidOperationException());
        client.ReportCaptureFailure("Training Finished", new InvalidOperationException());

        IReadOnlyList<LogEntry> entries = logger.WithEventId(CaptureFailedEventId);
        Assert.Equal(2, entries.Count);
        Assert.Contains("'Training Started'", entries[0].Message);
        Assert.Contains("'Training Finished'", entries[1].Message);
    }

    [Fact]
    public void ReportCaptureFailure_LogsOncePerClient()
    {
        var logger = new RecordingLogger();
        using var first = CreateClient(logger);
        using var second = CreateClient(logger);

        first.ReportCaptureFailure("Training Started", new InvalidOperationException());
        second.ReportCaptureFailure("Training Started", new InvalidOperationException());

        Assert.Equal(2, logger.WithEventId(CaptureFailedEventId).Count);
    }

    [Fact]
    public void ReportCaptureFailure_ConcurrentCallersLogOnce()
    {
        var logger = new RecordingLogger();
        using var client = CreateClient(logger);

        Parallel.For(
            0,
            1000,
            _ => client.ReportCaptureFailure("Training Started", new InvalidOperationException()));

        Assert.Equal(1000, client.DroppedCount);
        Assert.Single(logger.WithEventId(CaptureFailedEventId));
    }

    [Fact]
    public void ReportCaptureFailure_LogsTypeButNotMessage()
    {
        var logger = new RecordingLogger();
        using var client = CreateClient(logger);

        client.ReportCaptureFailure("Training Started", new InvalidOperationException("password=hunter2"));

        LogEntry entry = Assert.Single(logger.WithEventId(CaptureFailedEventId));
        Assert.Contains("'Training Started'", entry.Message);
        Assert.Contains("System.InvalidOperationException", entry.Message);
        Assert.DoesNotContain("hunter2", entry.Message);
        Assert.Null(entry.Exception);
    }

    [Fact]
    public void ReportCaptureFailure_AcceptsNullArguments()
    {
        var logger = new RecordingLogger();
        using var client = CreateClient(logger);

        client.ReportCaptureFailure(null!, null!);
        client.ReportCaptureFailure(null!, new InvalidOperationException());

        Assert.Equal(2, client.DroppedCount);
        Assert.Single(logger.WithEventId(CaptureFailedEventId));
    }

    [Fact]
    public void ReportCaptureFailure_SurvivesThrowingLogger()
    {
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        options.Logger = new ThrowingLogger();
        using var client = new TelemetryClient(options);

        client.ReportCaptureFailure("Training Started", new InvalidOperationException());
        client.ReportCaptureFailure("Training Started", new InvalidOperationException());

        Assert.Equal(2, client.DroppedCount);
    }

    [Fact]
    public void ReportCaptureFailure_CountsOnDisabledClient()
    {
        using var client = new TelemetryClient(TestOptions.CreateWithoutWriteKey());

        client.ReportCaptureFailure("Training Started", new InvalidOperationException());

        Assert.False(client.IsEnabled);
        Assert.Equal(1, client.DroppedCount);
    }

    private static TelemetryClient CreateClient(RecordingLogger logger)
    {
        TelemetryOptions options = TestOptions.Create(new InMemorySink());
        options.Logger = logger;
        return new TelemetryClient(options);
    }
}
