using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Sinks;

public sealed class InMemorySinkTests
{
    [Fact]
    public async Task SendAsync_StoresItemsAndBody()
    {
        var sink = new InMemorySink(new ManualTimeProvider(SampleItems.SentAt));
        TrackItem item = SampleItems.CreateSimple("id-1", "Saved", "x");

        await sink.SendAsync(new[] { item }, CancellationToken.None);

        Assert.Same(item, Assert.Single(sink.Items));
        Assert.Equal(
            "{\"batch\":[{\"type\":\"track\",\"messageId\":\"id-1\",\"anonymousId\":\"anon-1\",\"event\":\"Saved\","
            + "\"properties\":{\"text\":\"x\"},\"context\":{},\"timestamp\":\"2024-03-09T14:05:07.250Z\"}],"
            + "\"sentAt\":\"2024-03-09T14:05:08.000Z\"}",
            Assert.Single(sink.Bodies));
    }

    [Fact]
    public async Task Items_ReturnsSnapshot()
    {
        var sink = new InMemorySink();
        await sink.SendAsync(new[] { SampleItems.CreateSimple("id-1", "E", "x") }, CancellationToken.None);

        var snapshot = sink.Items;
        await sink.SendAsync(new[] { SampleItems.CreateSimple("id-2", "E", "y") }, CancellationToken.None);

        Assert.Single(snapshot);
        Assert.Equal(2, sink.Items.Count);
        Assert.Equal(2, sink.Bodies.Count);
    }

    [Fact]
    public async Task Clear_RemovesItemsAndBodies()
    {
        var sink = new InMemorySink();
        await sink.SendAsync(new[] { SampleItems.CreateSimple("id-1", "E", "x") }, CancellationToken.None);

        sink.Clear();

        Assert.Empty(sink.Items);
        Assert.Empty(sink.Bodies);
    }

    [Fact]
    public async Task SendAsync_CanceledTokenStoresNothing()
    {
        var sink = new InMemorySink();

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => sink.SendAsync(new[] { SampleItems.CreateSimple("id-1", "E", "x") }, new CancellationToken(true)));

        Assert.Empty(sink.Items);
    }

    [Fact]
    public async Task SendAsync_ConcurrentCallsKeepEveryItem()
    {
        var sink = new InMemorySink();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (int i = 0; i < 50; i++)
            {
                var item = SampleItems.CreateSimple($"{worker}-{i}", "E", "x");
                await sink.SendAsync(new[] { item }, CancellationToken.None);
            }
        })));

        Assert.Equal(400, sink.Items.Count);
        Assert.Equal(400, sink.Items.Select(item => item.MessageId).Distinct().Count());
        Assert.Equal(400, sink.Bodies.Count);
    }
}
