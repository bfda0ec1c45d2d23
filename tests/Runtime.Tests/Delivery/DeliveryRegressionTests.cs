using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Delivery;

[Collection(MeterCollection.Name)]
public sealed class DeliveryRegressionTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Flush_DoesNotWaitForLaterEvents()
    {
        var sink = new FirstBatchOnlySink();
        TelemetryOptions options = TestOptions.Create(sink);
        options.MaxBatchSize = 1;
        await using var client = new TelemetryClient(options);

        client.Track("A", null);
        Task flush = client.FlushAsync();
        client.Track("B", null);

        // B's send never returns, and the flush must not wait for it because B came after the flush.
        await flush.WaitAsync(Guard);
        await sink.SecondSendStarted.WaitAsync(Guard);
        Assert.Equal(1, client.SentCount);
        sink.Release();
    }

    [Fact]
    public async Task Track_SenderHung_ReturnsAtOnce()
    {
        var sink = new GatedSink(honoursCancellation: true);
        TelemetryOptions options = TestOptions.Create(sink);
        options.MaxBatchSize = 1;
        await using var client = new TelemetryClient(options);
        client.Track("First", null);
        await sink.FirstSendStarted.WaitAsync(Guard);

        // The sender is stuck in its first send, so a track call that waited for it would never return.
        await Task.Run(() =>
        {
            for (int i = 0; i < 1_000; i++)
            {
                client.Track("While hung", null);
            }
        }).WaitAsync(Guard);

        Assert.Equal(1_001, client.AcceptedCount);
        Assert.Equal(0, client.SentCount);
        sink.Release();
    }

    [Fact]
    public async Task MeterListenerThrowing_TrackAndFlushUnaffected()
    {
        var sink = new InMemorySink();
        await using var client = new TelemetryClient(TestOptions.Create(sink));
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == "Telemetry.Generators")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>(
            static (_, _, _, _) => throw new InvalidOperationException("The listener failed."));
        listener.Start();

        client.Track("A", null);
        await client.FlushAsync().WaitAsync(Guard);

        Assert.Equal(1, client.AcceptedCount);
        Assert.Equal(1, client.SentCount);
        Assert.Equal(0, client.GetStatistics().SenderRestarts);
        Assert.Single(sink.Items);
    }

    // Completes the first send at once and holds every later one until released.
    private sealed class FirstBatchOnlySink : ITelemetrySink
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _secondStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _callCount;

        public Task SecondSendStarted => _secondStarted.Task;

        public void Release() => _release.TrySetResult();

        public Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _callCount) == 1)
            {
                return Task.CompletedTask;
            }

            _secondStarted.TrySetResult();
            return _release.Task.WaitAsync(cancellationToken);
        }
    }
}
