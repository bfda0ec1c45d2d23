using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

/// <summary>
/// Wake-up signal for one waiting task. Setting a signal that is already set costs one field read.
/// </summary>
/// <remarks>
/// The waiter calls <see cref="Reset"/> before it inspects the state it waits for, and then waits on
/// <see cref="WaitAsync"/> when there is nothing to do. A <see cref="Set"/> that follows a change of that state is
/// never lost: either the inspection finds the change, or the wait completes.
/// </remarks>
internal sealed class AsyncSignal
{
    private TaskCompletionSource<bool> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _isSet;

    /// <summary>Completes the current wait, or the next one when no task is waiting.</summary>
    public void Set()
    {
        if (Volatile.Read(ref _isSet) == 1 || Interlocked.Exchange(ref _isSet, 1) == 1)
        {
            return;
        }

        Volatile.Read(ref _source).TrySetResult(true);
    }

    /// <summary>Clears the signal, so that the next wait lasts until the next <see cref="Set"/>.</summary>
    public void Reset()
    {
        if (Volatile.Read(ref _isSet) == 0)
        {
            return;
        }

        // The new source is published before the flag is cleared, so a set that reads the cleared flag completes it.
        Volatile.Write(ref _source, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        Volatile.Write(ref _isSet, 0);
    }

    /// <summary>Returns a task that completes when the signal is set.</summary>
    public Task WaitAsync() => Volatile.Read(ref _source).Task;
}
