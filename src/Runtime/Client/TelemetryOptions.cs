using System;
using System.IO;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Telemetry.Generators;

/// <summary>
/// Settings for a <see cref="TelemetryClient"/>. Every property has a default, so <c>new TelemetryOptions()</c> is
/// a valid configuration.
/// </summary>
/// <remarks>
/// The client reads the options once, in its constructor. Changing them afterwards has no effect on that client.
/// The constructor throws <see cref="ArgumentException"/> for invalid values.
/// </remarks>
public sealed class TelemetryOptions
{
    /// <summary>
    /// Write key of the Segment source that receives the events.
    /// </summary>
    /// <remarks>
    /// Default: null. The client then reads the environment variable
    /// <c>&lt;EnvironmentPrefix&gt;_TELEMETRY_WRITE_KEY</c>, and then the entry assembly's
    /// <see cref="AssemblyMetadataAttribute"/> with the key <c>Telemetry.Generators.WriteKey</c>, which the MSBuild
    /// property <c>TelemetryWriteKey</c> adds at build time.
    /// With no key from any source and no <see cref="Sink"/>, the client uses <see cref="FallbackSink"/>, or is
    /// disabled and never uses the network when that is null too.
    /// An empty or white-space value is invalid.
    /// </remarks>
    public string? WriteKey { get; set; }

    /// <summary>
    /// Base address of the Segment API that batches are posted to, with <c>v1/batch</c> appended.
    /// </summary>
    /// <remarks>
    /// Default: null, which means <see cref="SegmentHttpSink.DefaultBaseAddress"/> (<c>https://api.segment.io/</c>,
    /// the United States region). Use <see cref="SegmentHttpSink.EuropeBaseAddress"/> for a workspace in the
    /// European Union region, or the address of a proxy. The value must be an absolute http or https address.
    /// </remarks>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// Sink that receives the batches instead of Segment's HTTP API.
    /// </summary>
    /// <remarks>
    /// Default: null, which means a <see cref="SegmentHttpSink"/> when a write key is found. When set, the write key,
    /// <see cref="Endpoint"/> and <see cref="FallbackSink"/> are ignored, and the client does not dispose the sink.
    /// </remarks>
    public ITelemetrySink? Sink { get; set; }

    /// <summary>
    /// Sink that receives the batches when <see cref="Sink"/> is null and no write key is found.
    /// </summary>
    /// <remarks>
    /// Default: null, which means the client is disabled when no write key is found. The client uses this sink
    /// only when <see cref="Sink"/> is null and no write key comes from <see cref="WriteKey"/>, the environment
    /// variable or the entry assembly's metadata. It is then enabled, and
    /// <see cref="TelemetryClient.WriteKeySource"/> is <see cref="TelemetryWriteKeySource.None"/>. A
    /// <see cref="PrintSink"/> here shows during development what would be sent. It is ignored when
    /// <see cref="Enabled"/> is <see langword="false"/>, and the client does not dispose it.
    /// </remarks>
    public ITelemetrySink? FallbackSink { get; set; }

    /// <summary>
    /// Application name sent as <c>context.app.name</c>.
    /// </summary>
    /// <remarks>
    /// Default: null, which means the simple name of the entry assembly, or the application domain's friendly name
    /// when there is no entry assembly. It is also the source of the default <see cref="EnvironmentPrefix"/>.
    /// </remarks>
    public string? AppName { get; set; }

    /// <summary>
    /// Application version sent as <c>context.app.version</c>.
    /// </summary>
    /// <remarks>
    /// Default: null, which means the entry assembly's informational version without build metadata
    /// (<c>1.2.0+4f1c2ab</c> becomes <c>1.2.0</c>), else its assembly version. When neither is available, the
    /// context omits the version.
    /// </remarks>
    public string? AppVersion { get; set; }

    /// <summary>
    /// Anonymous id sent with every event of the client.
    /// </summary>
    /// <remarks>
    /// Default: null, which means the telemetry id stored in the config file when <see cref="Consent"/> is set and
    /// the file contains one, else a new random UUID for each client, so events from two runs of an application cannot
    /// be linked.
    /// </remarks>
    public string? AnonymousId { get; set; }

    /// <summary>
    /// Prefix of the environment variables that configure the client: <c>&lt;prefix&gt;_TELEMETRY_WRITE_KEY</c>,
    /// <c>&lt;prefix&gt;_TELEMETRY_ENABLED</c>, <c>&lt;prefix&gt;_TELEMETRY_DEBUG</c> and
    /// <c>&lt;prefix&gt;_TELEMETRY_CONFIG</c>.
    /// </summary>
    /// <remarks>
    /// Default: null, which means <see cref="AppName"/> in upper snake case, with every character other than an
    /// ASCII letter or digit replaced by <c>_</c>. For example <c>TrainingCli</c> becomes <c>TRAINING_CLI</c>, so
    /// the write key variable is <c>TRAINING_CLI_TELEMETRY_WRITE_KEY</c>. The value is used as given.
    /// </remarks>
    public string? EnvironmentPrefix { get; set; }

    /// <summary>
    /// Whether the client records and sends events.
    /// </summary>
    /// <remarks>
    /// Default: <see langword="true"/>. When <see langword="false"/>, the client creates no sink and
    /// <see cref="TelemetryClient.IsEnabled"/> is <see langword="false"/>. The environment variables
    /// <c>DO_NOT_TRACK</c> and <c>&lt;prefix&gt;_TELEMETRY_ENABLED</c> take precedence over this option, in both
    /// directions; see <see cref="TelemetryClient.ConsentState"/>.
    /// </remarks>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Consent settings: the per-user config file that records the user's decision and the telemetry id, and the
    /// first-run notice.
    /// </summary>
    /// <remarks>
    /// Default: null, which means the application manages consent itself: the client reads and writes no config
    /// file, prints no notice, and sends when <see cref="Enabled"/> is <see langword="true"/> and no environment
    /// variable turns telemetry off. <see cref="TelemetryClient.Default"/>, when it creates its own client, sets
    /// a <see cref="ConsentOptions"/> with its defaults.
    /// </remarks>
    public ConsentOptions? Consent { get; set; }

    /// <summary>
    /// Whether the client sends nothing when it runs on a continuous integration server.
    /// </summary>
    /// <remarks>
    /// Default: <see langword="false"/>, which sends from CI servers too and reports them as <c>context.ci</c>.
    /// See <see cref="TelemetryClient.IsContinuousIntegration"/> for how a server is detected.
    /// </remarks>
    public bool DisableInContinuousIntegration { get; set; }

    /// <summary>
    /// Whether the context carries a keyed hash of the current working directory.
    /// </summary>
    /// <remarks>
    /// Default: <see langword="false"/>. The hash is keyed with the secret in the config file, which is never sent,
    /// so it cannot be reversed by hashing guessed paths. Without <see cref="Consent"/> there is no secret and the
    /// hash is left out.
    /// </remarks>
    public bool HashWorkingDirectory { get; set; }

    /// <summary>
    /// Whether the context carries a keyed hash of the working directory's git remote URL, read from
    /// <c>.git/config</c> without starting a process.
    /// </summary>
    /// <remarks>
    /// Default: <see langword="false"/>. The hash is keyed like the one of <see cref="HashWorkingDirectory"/>, and
    /// is left out without <see cref="Consent"/>.
    /// </remarks>
    public bool HashGitRemote { get; set; }

    /// <summary>
    /// Writer that receives each batch as indented JSON, instead of the sink, when the environment variable
    /// <c>&lt;prefix&gt;_TELEMETRY_DEBUG</c> is true.
    /// </summary>
    /// <remarks>
    /// Default: null, which means <see cref="Console.Error"/>. Debug output appears only while the client is
    /// enabled, and never contains the write key.
    /// </remarks>
    public TextWriter? DebugWriter { get; set; }

    /// <summary>
    /// Clock for event timestamps and for the <c>sentAt</c> member of the HTTP sink the client creates.
    /// </summary>
    /// <remarks>Default: null, which means <see cref="System.TimeProvider.System"/>.</remarks>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Function that creates the message id of each event.
    /// </summary>
    /// <remarks>
    /// Default: null, which means <see cref="Guid.NewGuid"/>. It is called on the thread that tracks the event, so
    /// it must be thread-safe.
    /// </remarks>
    public Func<Guid>? MessageIdGenerator { get; set; }

    /// <summary>
    /// Maximum number of events per batch, that is per call to <see cref="ITelemetrySink.SendAsync"/>.
    /// </summary>
    /// <remarks>
    /// Default: 100. Valid values are 1 to 2,500, because Segment discards the events of a batch beyond 2,500
    /// while still responding with status 200. Batches are not limited by size in bytes, and Segment rejects a
    /// request body over 500,000 bytes with status 400, so keep this low when events carry large properties.
    /// Single events are not checked against Segment's limit of 32,000 bytes per event either.
    /// </remarks>
    public int MaxBatchSize { get; set; } = DefaultMaxBatchSize;

    /// <summary>
    /// Maximum number of events waiting for a flush.
    /// </summary>
    /// <remarks>
    /// Default: 10,000. When this many events are waiting, new events are dropped and counted in
    /// <see cref="TelemetryClient.DroppedCount"/> until a flush takes the waiting events. The minimum is 1.
    /// </remarks>
    public int MaxQueueLength { get; set; } = DefaultMaxQueueLength;

    /// <summary>
    /// Logger for failures, dropped events and the client's start and stop. Write keys are never logged.
    /// </summary>
    /// <remarks>Default: null, which means no logging.</remarks>
    public ILogger? Logger { get; set; }

    internal const int DefaultMaxBatchSize = 100;
    internal const int SegmentMaxBatchSize = 2500;
    internal const int DefaultMaxQueueLength = 10_000;

    // Tests replace the entry assembly, because under a test host Assembly.GetEntryAssembly() is the host.
    internal Assembly? EntryAssembly { get; set; }
}
