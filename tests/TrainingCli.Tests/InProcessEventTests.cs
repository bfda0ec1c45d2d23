using System;
using System.IO;
using System.Linq;
using System.Threading;
using Telemetry.Generators;
using TrainingCli.CommandLine;
using TrainingCli.Commands;
using TrainingCli.Telemetry;
using TrainingCli.Tests.Infrastructure;
using Xunit;

namespace TrainingCli.Tests;

/// <summary>
/// Runs the sample's event methods and commands in process, with <see cref="TelemetryClient.Default"/> sending to
/// an <see cref="InMemorySink"/>.
/// </summary>
[Collection(DefaultClientCollection.Name)]
public sealed class InProcessEventTests : IDisposable
{
    private readonly DisabledDefaultClient disabledDefault;
    private readonly InMemorySink sink = new();
    private readonly TelemetryClient client;

    public InProcessEventTests(DisabledDefaultClient disabledDefault)
    {
        this.disabledDefault = disabledDefault;
        client = new TelemetryClient(new TelemetryOptions { Sink = sink });
        TelemetryClient.Default = client;
    }

    public void Dispose()
    {
        TelemetryClient.Default = disabledDefault.Client;
        client.Dispose();
    }

    [Fact]
    public void Train_RuntimeIsWholeSecondsRoundedDown()
    {
        // Each timestamp read advances the clock by 3.6 s, so training takes exactly 3.6 s.
        var clock = new SteppingClock(TimeSpan.FromSeconds(3.6));

        var exitCode = RunCommand(clock, "train");

        Assert.Equal(ExitCodes.Success, exitCode);
        var completed = sink.Items.Single(item => item.Event == "Training Completed");
        Assert.True(completed.Properties.TryGetValue("runtime", out var runtime));
        Assert.Equal(3, runtime.AsInt64());
    }

    [Fact]
    public void Train_FailureReportsRuntime()
    {
        var clock = new SteppingClock(TimeSpan.FromSeconds(61.9));

        var exitCode = RunCommand(clock, "train", "--fail");

        Assert.Equal(ExitCodes.CommandFailed, exitCode);
        var failed = sink.Items.Single(item => item.Event == "Training Failed");
        Assert.True(failed.Properties.TryGetValue("runtime", out var runtime));
        Assert.Equal(61, runtime.AsInt64());
    }

    [Fact]
    public void UnusedEvent_SendsCatalogueName()
    {
        Events.LocalUiStarted();
        client.Flush();

        var item = Assert.Single(sink.Items);
        Assert.Equal("Rasa X Local Started", item.Event);
        Assert.Empty(item.Properties);
    }

    private int RunCommand(TimeProvider clock, params string[] args)
    {
        var parsed = CommandLineParser.Parse(args, CommandCatalog.All);
        var context = new CommandContext(TextReader.Null, TextWriter.Null, Path.GetTempPath(), clock, client);
        try
        {
            return parsed.Command!.Run(context, parsed.Arguments!);
        }
        catch (CommandFailedException)
        {
            return ExitCodes.CommandFailed;
        }
        finally
        {
            TelemetryClient.Default.Flush();
        }
    }

    /// <summary>A monotonic clock that advances by a fixed step on every timestamp read.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref ticks, step.Ticks) - step.Ticks;
    }
}
