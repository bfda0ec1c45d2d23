using System;
using System.Linq;
using System.Threading.Tasks;
using Telemetry.Generators.Runtime.Tests.Support;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Client;

[Collection(ProcessStateCollection.Name)]
public sealed class TelemetryClientDefaultTests
{
    [Fact]
    public void Default_ReturnsSameInstance()
    {
        TelemetryClient first = TelemetryClient.Default;
        TelemetryClient second = TelemetryClient.Default;

        Assert.Same(first, second);
    }

    [Fact]
    public async Task Default_ConcurrentReadsAgree()
    {
        TelemetryClient[] clients = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => Task.Run(() => TelemetryClient.Default)));

        Assert.All(clients, client => Assert.Same(clients[0], client));
    }

    [Fact]
    public void Default_SetReplacesInstance()
    {
        TelemetryClient previous = TelemetryClient.Default;
        using var replacement = new TelemetryClient(TestOptions.Create(new InMemorySink()));
        try
        {
            TelemetryClient.Default = replacement;

            Assert.Same(replacement, TelemetryClient.Default);
        }
        finally
        {
            TelemetryClient.Default = previous;
        }

        Assert.Same(previous, TelemetryClient.Default);
    }

    [Fact]
    public void Default_SetNullThrows()
    {
        TelemetryClient previous = TelemetryClient.Default;

        var exception = Assert.Throws<ArgumentNullException>(() => TelemetryClient.Default = null!);

        Assert.Equal("value", exception.ParamName);
        Assert.Same(previous, TelemetryClient.Default);
    }
}
