using Telemetry.Generators.SourceGeneration.Tests.Infrastructure;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Values;

/// <summary>
/// Enums whose members or type are <c>[Obsolete]</c>: the generated code must not add warnings or errors for them,
/// and the values are still sent by name.
/// </summary>
public sealed class ObsoleteValueTests
{
    private const string Source = """
        using System;
        using Telemetry.Generators;

        namespace MyApp;

        public enum Channel
        {
            Rest,
            [Obsolete("Use Rest.")] Http,
            [Obsolete("Removed.", error: true)] Legacy,
        }

        #pragma warning disable CS0618
        [Obsolete("Use Channel.")]
        public enum OldChannel
        {
            Socket,
        }

        public static partial class Events
        {
            [TelemetryEvent("Channel Opened")]
            public static partial void ChannelOpened(TelemetryClient client, Channel channel, OldChannel old);
        #pragma warning restore CS0618

            public static void Run(TelemetryClient client)
            {
        #pragma warning disable CS0618
                ChannelOpened(client, Channel.Http, OldChannel.Socket);
        #pragma warning restore CS0618
            }
        }
        """;

    [Fact]
    public void ObsoleteMembers_CompileCleanly() => GeneratorHarness.Run(Source).AssertCompilesCleanly();

    [Fact]
    public void ObsoleteMember_SentByName()
    {
        using var recorder = TelemetryRecorder.Create();
        using var assembly = GeneratorHarness.CompileAndLoad(Source);

        assembly.InvokeStatic("MyApp.Events", "Run", recorder.Client);

        var item = recorder.FlushSingleItem();
        Assert.Equal("""{"channel":"http","old":"socket"}""", item.Properties.ToString());
    }
}
