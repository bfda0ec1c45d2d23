using System.Threading;
using System.Threading.Tasks;

namespace Telemetry.Generators;

/// <summary>
/// Wake-up signal for one waiting task.
/// </summary>
/// <remarks>
/// The waiter calls <see cref="Reset"/> before it inspects the state it waits for, and then waits on
/// <see cref="WaitAsync"/> when there is nothing to do. A <see cref="Set"/> that follows a change of that state is
/// never lost: it completes either a source that the waiter has not replaced yet, so the inspection after the
/// replacement finds the change, or the new source that the wait uses.
/// </remarks>
internal sealed class AsyncSignal
{
    private TaskCompletionSource<bool> _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes the current wait, or the next one when no task is waiting.</summary>
    public void Set() => Volatile.Read(ref _source).TrySetResult(true);

    /// <summary>Clears the signal, so that the next wait lasts until the next <see cref="Set"/>.</summary>
    public void Reset()
    {
        TaskCompletionSource<bool> current = Volatile.Read(ref _source);
        if (!current.Task.IsCompleted)
        {
            return;
        }

        // Only the waiter replaces the source, and only a completed one, so no set can be lost in between.
        Interlocked.CompareExchange(
            ref _source,
            new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously),
            current);
    }

    /// <summary>Returns a task that completes when the signal is set.</summary>
    public Task WaitAsync() => Volatile.Read(ref _source).Task;
}
