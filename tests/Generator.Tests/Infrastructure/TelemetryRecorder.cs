using System;
using System.Collections.Generic;
using Xunit;

namespace Telemetry.Generators.SourceGeneration.Tests.Infrastructure;

/// <summary>
/// A <see cref="TelemetryClient"/> that records into an <see cref="InMemorySink"/> with a fixed clock and fixed
/// message ids, so that tests can assert exact payloads. It can be installed as
/// <see cref="TelemetryClient.Default"/> for the lifetime of the recorder.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    public static readonly DateTimeOffset FixedTime = new(2024, 3, 9, 14, 5, 7, 250, TimeSpan.Zero);

    public static readonly Guid FixedMessageId = new("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

    public const string AnonymousId = "test-installation";

    // Null unless this recorder installed its client as the default.
    private readonly TelemetryClient? previousDefault;

    private TelemetryRecorder(bool enabled, bool installAsDefault)
    {
        Sink = new InMemorySink(new FixedTimeProvider());
        Client = new TelemetryClient(new TelemetryOptions
        {
            Sink = Sink,
            Enabled = enabled,
            AnonymousId = AnonymousId,
            AppName = "GeneratorTests",
            AppVersion = "1.0.0",
            TimeProvider = new FixedTimeProvider(),
            MessageIdGenerator = () => FixedMessageId,
        });

        if (installAsDefault)
        {
            previousDefault = TelemetryClient.Default;
            TelemetryClient.Default = Client;
        }
    }

    public InMemorySink Sink { get; }

    public TelemetryClient Client { get; }

    /// <summary>
    /// Creates a recorder whose client the test passes to generated code itself, as a parameter or field.
    /// </summary>
    public static TelemetryRecorder Create(bool enabled = true) => new(enabled, installAsDefault: false);

    /// <summary>
    /// Creates a recorder and installs its client as <see cref="TelemetryClient.Default"/>. Disposal restores the
    /// previous default. Only tests in <see cref="DefaultClientCollection"/> may call this.
    /// </summary>
    public static TelemetryRecorder InstallAsDefault(bool enabled = true) => new(enabled, installAsDefault: true);

    /// <summary>Flushes the client and returns every item the sink received.</summary>
    public IReadOnlyList<TrackItem> FlushItems()
    {
        Client.Flush();
        return Sink.Items;
    }

    /// <summary>Flushes the client and returns the one item the sink received, failing on any other count.</summary>
    public TrackItem FlushSingleItem() => Assert.Single(FlushItems());

    public void Dispose()
    {
        if (previousDefault is not null)
        {
            TelemetryClient.Default = previousDefault;
        }

        Client.Dispose();
    }

    private sealed class FixedTimeProvider : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => FixedTime;
    }
}
