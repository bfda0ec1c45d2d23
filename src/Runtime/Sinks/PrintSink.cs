using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

/// <summary>
/// Sink that writes each batch body, as it would be sent to Segment, to a text writer as indented JSON.
/// </summary>
/// <remarks>
/// Use it to inspect events during development, for example with <see cref="Console.Out"/> in a sample that prints
/// what it would send. Each body is followed by the writer's <see cref="TextWriter.NewLine"/>. Writes from
/// concurrent calls do not interleave.
/// </remarks>
public sealed class PrintSink : ITelemetrySink
{
    private readonly TextWriter _writer;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>
    /// Initializes a sink that writes to <paramref name="writer"/>.
    /// </summary>
    /// <param name="writer">The writer that receives the bodies. The sink does not dispose it.</param>
    /// <param name="timeProvider">
    /// The clock for the <c>sentAt</c> member, or null for <see cref="TimeProvider.System"/>.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public PrintSink(TextWriter writer, TimeProvider? timeProvider = null)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Writes the batch body as indented JSON followed by a new line.
    /// </summary>
    /// <param name="batch">The items to write.</param>
    /// <param name="cancellationToken">Cancels the wait for a concurrent write to finish.</param>
    /// <returns>A task that completes when the text has been passed to the writer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken)
    {
        string body = SegmentPayload.SerializeToString(batch, _timeProvider.GetUtcNow(), indented: true);

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _writer.WriteAsync(body).ConfigureAwait(false);
            await _writer.WriteLineAsync().ConfigureAwait(false);
            await _writer.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
