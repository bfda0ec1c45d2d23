using System;
using System.Threading;
using Xunit;

namespace Telemetry.Generators.Runtime.Tests.Support;

/// <summary>
/// Runs code on a thread with a given synchronization context, to show that a call does not wait for work posted
/// to that context.
/// </summary>
internal static class ContextThreads
{
    /// <summary>
    /// Runs <paramref name="action"/> on a new thread whose synchronization context is <paramref name="context"/>,
    /// fails the test when it does not return within <paramref name="guard"/>, and returns what it threw, or null.
    /// </summary>
    public static Exception? Run(SynchronizationContext context, Action action, TimeSpan guard)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            SynchronizationContext.SetSynchronizationContext(context);
            try
            {
                action();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        });
        thread.IsBackground = true;
        thread.Start();

        Assert.True(thread.Join(guard), "The call did not return, so it waits for work posted to the context.");
        return failure;
    }
}

/// <summary>
/// Context of a UI thread that is blocked in the call under test: posted callbacks never run, and are counted.
/// </summary>
internal sealed class BlockedContext : SynchronizationContext
{
    private int _postCount;

    public int PostCount => Volatile.Read(ref _postCount);

    public override void Post(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _postCount);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("This test context never runs callbacks, so Send would block forever.");
}
