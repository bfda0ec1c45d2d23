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
    /// Default: null, which means the address of <see cref="Region"/>: <c>https://api.segment.io/</c> for the
    /// United States, <c>https://events.eu1.segmentapis.com/</c> for the European Union. Set it for a proxy or a
    /// Segment-compatible collector. The value must be an absolute https address, or http with a loopback host such
    /// as <c>http://127.0.0.1:5000/</c>.
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
    /// Clock for event timestamps, for the <c>sentAt</c> member of the HTTP sink the client creates, and for the
    /// timers of delivery: the flush interval, retry waits, request timeouts and the shutdown deadline.
    /// </summary>
    /// <remarks>
    /// Default: null, which means <see cref="System.TimeProvider.System"/>. A clock whose timers never fire stops
    /// background sends. Disposal still returns within <see cref="ShutdownTimeout"/> plus one second of real time,
    /// and drops what is left.
    /// </remarks>
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
    /// Maximum number of events per batch, that is per request to Segment or call to
    /// <see cref="ITelemetrySink.SendAsync"/>.
    /// </summary>
    /// <remarks>
    /// Default: 100. Valid values are 1 to 2,500, because Segment discards the events of a batch beyond 2,500
    /// while still responding with status 200. The sender also sends as soon as this many events are waiting.
    /// </remarks>
    public int MaxBatchSize { get; set; } = DefaultMaxBatchSize;

    /// <summary>
    /// Maximum size of a batch request body, in bytes of uncompressed JSON.
    /// </summary>
    /// <remarks>
    /// Default: 500,000, Segment's limit, above which it rejects the request with status 400. Valid values are
    /// 33,000 to 500,000, so that one event of the maximum size of 32,000 bytes always fits. The sender also sends
    /// as soon as this many bytes of events are waiting.
    /// </remarks>
    public int MaxBatchBytes { get; set; } = DefaultMaxBatchBytes;

    /// <summary>
    /// Maximum number of events waiting to be sent.
    /// </summary>
    /// <remarks>
    /// Default: 10,000. When this many events are waiting, new events are dropped and counted in
    /// <see cref="TelemetryClient.DroppedCount"/> with <see cref="TelemetryDropReason.QueueFull"/> until the sender
    /// has taken some. The minimum is 1.
    /// </remarks>
    public int MaxQueueLength { get; set; } = DefaultMaxQueueLength;

    /// <summary>
    /// Maximum total size of the events waiting to be sent, in bytes of JSON.
    /// </summary>
    /// <remarks>
    /// Default: 10,000,000. Events beyond it are dropped like those beyond <see cref="MaxQueueLength"/>. The
    /// minimum is 32,000, the size of the largest event.
    /// </remarks>
    public long MaxQueueBytes { get; set; } = DefaultMaxQueueBytes;

    /// <summary>
    /// Maximum time an event waits in the queue before the sender sends it with whatever else is waiting.
    /// </summary>
    /// <remarks>Default: 5 seconds. Valid values are 1 millisecond to 1 day.</remarks>
    public TimeSpan FlushInterval { get; set; } = DefaultFlushInterval;

    /// <summary>
    /// Maximum time that <see cref="TelemetryClient.Dispose"/> and <see cref="TelemetryClient.DisposeAsync"/> spend
    /// sending the waiting events before they spool or drop the rest.
    /// </summary>
    /// <remarks>
    /// Default: 2 seconds. Valid values are 0 to 1 hour. Disposal blocks for at most this time plus one second, the
    /// second being for writing the spool. <see cref="TelemetryClient.Flush()"/> waits for at most this time too.
    /// </remarks>
    public TimeSpan ShutdownTimeout { get; set; } = DefaultShutdownTimeout;

    /// <summary>
    /// Maximum time one HTTP request to Segment may take before it is canceled and retried.
    /// </summary>
    /// <remarks>Default: 10 seconds. Valid values are 1 millisecond to 10 minutes.</remarks>
    public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

    /// <summary>
    /// Whether request bodies to Segment are compressed with gzip.
    /// </summary>
    /// <remarks>
    /// Default: <see langword="true"/>. Segment's size limits apply to the uncompressed JSON either way.
    /// </remarks>
    public bool UseCompression { get; set; } = true;

    /// <summary>
    /// Maximum number of back-off retries during an outage, after failures that a retry can fix, such as a network
    /// error or HTTP 503.
    /// </summary>
    /// <remarks>
    /// Default: 10. Valid values are 0 to 100. The count starts with the first failure after a delivered batch and
    /// is shared by the batches that fail in a row. So the first batch of an outage goes through the whole schedule,
    /// and each batch behind it gets one attempt. Retries that a <c>Retry-After</c> header schedules do not count,
    /// but every retry ends once <see cref="MaxRetryDuration"/> has passed. A batch out of retries is spooled when a
    /// spool is available, and dropped otherwise.
    /// </remarks>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>
    /// Wait before the first retry of a batch. Each later retry waits twice as long, up to
    /// <see cref="MaxRetryDelay"/>, and every wait is multiplied by a random factor from 0.5 to 1.5.
    /// </summary>
    /// <remarks>Default: 0.5 seconds. Valid values are 1 millisecond to <see cref="MaxRetryDelay"/>.</remarks>
    public TimeSpan MinRetryDelay { get; set; } = DefaultMinRetryDelay;

    /// <summary>
    /// Maximum wait between two attempts of a batch, unless a <c>Retry-After</c> header requests longer.
    /// </summary>
    /// <remarks>Default: 60 seconds. Valid values are <see cref="MinRetryDelay"/> to 1 hour.</remarks>
    public TimeSpan MaxRetryDelay { get; set; } = DefaultMaxRetryDelay;

    /// <summary>
    /// Maximum time that retries go on during an outage, counted from the first failure after a delivered batch.
    /// </summary>
    /// <remarks>
    /// Default: 15 minutes. Valid values are 1 millisecond to 1 day. It bounds the retries that
    /// <c>Retry-After</c> headers schedule, which <see cref="MaxRetries"/> does not count. The next delivered batch
    /// ends the outage and restores the budget.
    /// </remarks>
    public TimeSpan MaxRetryDuration { get; set; } = DefaultMaxRetryDuration;

    /// <summary>
    /// Segment region that receives the events when <see cref="Endpoint"/> is null.
    /// </summary>
    /// <remarks>
    /// Default: <see cref="SegmentRegion.UnitedStates"/>. A write key works only in the region of its workspace.
    /// </remarks>
    public SegmentRegion Region { get; set; } = SegmentRegion.UnitedStates;

    /// <summary>
    /// Whether events that cannot be delivered are written to a disk spool and sent by the next client that starts
    /// with the same spool folder.
    /// </summary>
    /// <remarks>
    /// Default: <see langword="true"/>. The spool is used only with the Segment HTTP sink, and only when
    /// <see cref="SpoolDirectory"/> is set or <see cref="Consent"/> names a config file.
    /// </remarks>
    public bool UseSpool { get; set; } = true;

    /// <summary>
    /// Folder of the disk spool.
    /// </summary>
    /// <remarks>
    /// Default: null, which means the folder <c>telemetry-spool</c> next to the config file of
    /// <see cref="Consent"/>, or no spool when <see cref="Consent"/> is null. A relative path is resolved against
    /// the current directory.
    /// </remarks>
    public string? SpoolDirectory { get; set; }

    /// <summary>
    /// Maximum total size of the spool files, in bytes. The oldest files are deleted to stay within it.
    /// </summary>
    /// <remarks>Default: 10,000,000. The minimum is 32,000.</remarks>
    public long MaxSpoolBytes { get; set; } = DefaultMaxSpoolBytes;

    /// <summary>
    /// Maximum age of a spooled event, counted from its timestamp. Older events are deleted instead of sent.
    /// </summary>
    /// <remarks>Default: 7 days. Valid values are 1 minute to 365 days.</remarks>
    public TimeSpan MaxSpoolAge { get; set; } = DefaultMaxSpoolAge;

    /// <summary>
    /// Logger for failures, dropped events and the client's start and stop. Write keys are never logged.
    /// </summary>
    /// <remarks>Default: null, which means no logging.</remarks>
    public ILogger? Logger { get; set; }

    internal const int DefaultMaxBatchSize = 100;
    internal const int SegmentMaxBatchSize = 2500;
    internal const int DefaultMaxBatchBytes = 500_000;
    internal const int MinBatchBytes = 33_000;
    internal const int DefaultMaxQueueLength = 10_000;
    internal const long DefaultMaxQueueBytes = 10_000_000;
    internal const int DefaultMaxRetries = 10;
    internal const long DefaultMaxSpoolBytes = 10_000_000;
    internal static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromSeconds(5);
    internal static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(2);
    internal static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);
    internal static readonly TimeSpan DefaultMinRetryDelay = TimeSpan.FromMilliseconds(500);
    internal static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(60);
    internal static readonly TimeSpan DefaultMaxRetryDuration = TimeSpan.FromMinutes(15);
    internal static readonly TimeSpan DefaultMaxSpoolAge = TimeSpan.FromDays(7);

    // Tests make the jitter of retry delays constant.
    internal Func<double>? RetryJitter { get; set; }

    // Tests replace the entry assembly, because under a test host Assembly.GetEntryAssembly() is the host.
    internal Assembly? EntryAssembly { get; set; }
}
