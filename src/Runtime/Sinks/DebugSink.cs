using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

/// <summary>
/// Sink of debug mode: writes each batch, as it would be sent to Segment, to a text writer as indented JSON after a
/// header line, and sends nothing.
/// </summary>
/// <remarks>
/// The body carries no write key, because Segment receives the key in a request header. Writes from concurrent
/// calls do not interleave.
/// </remarks>
internal sealed class DebugSink : ITelemetrySink
{
    private readonly TextWriter _writer;
    private readonly PrintSink _printSink;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    internal DebugSink(TextWriter writer, TimeProvider timeProvider)
    {
        _writer = writer;
        _printSink = new PrintSink(writer, timeProvider);
    }

    public async Task SendAsync(IReadOnlyList<TrackItem> batch, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string header = batch.Count == 1
                ? "Telemetry debug mode: 1 event, printed instead of sent:"
                : $"Telemetry debug mode: {batch.Count} events, printed instead of sent:";
            await _writer.WriteLineAsync(header).ConfigureAwait(false);
            await _printSink.SendAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public override string ToString() => nameof(DebugSink);
}
