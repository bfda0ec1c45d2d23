using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

/// <summary>
/// Request to flush, placed in the event queue behind every event accepted before it. The sender completes it once
/// each of those events has been delivered, rejected, dropped or spooled.
/// </summary>
internal sealed class FlushMarker
{
    private readonly TaskCompletionSource<bool> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly ManualResetEventSlim _completed = new(initialState: false);

    /// <summary>Task that completes when the sender has finished with the events ahead of the marker.</summary>
    public Task Task => _completion.Task;

    /// <summary>
    /// Marks the flush as finished and returns true, or returns false when it was finished already.
    /// </summary>
    public bool Complete()
    {
        if (!_completion.TrySetResult(true))
        {
            return false;
        }

        _completed.Set();
        return true;
    }

    /// <summary>
    /// Blocks until <see cref="Complete"/> runs or <paramref name="timeout"/> passes, and returns whether it ran.
    /// The wait needs no thread of the caller's synchronization context, because the sender completes the marker.
    /// </summary>
    public bool Wait(System.TimeSpan timeout) => _completed.Wait(timeout);
}
