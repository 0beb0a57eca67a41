using System.Collections.Concurrent;
using System.Diagnostics;

namespace AwsMcpTyped.Execution.Running;

/// <summary>
/// Starts every child process from one dedicated thread that lives as long as this process. Why: a child's
/// parent-death signal (<c>prctl(PR_SET_PDEATHSIG, SIGKILL)</c>, set before exec so that no stage outlives a server
/// killed with SIGKILL) fires when the <em>thread</em> that forked the child exits, not when the process does; and .NET
/// forks from the thread that calls <see cref="Process.Start()"/>. Started from a thread-pool thread that later retires,
/// a child would be killed in the middle of its work. This thread is created on first use, is a background thread (it
/// does not keep the process alive) and never exits, so the parent thread of every child lives as long as the server.
/// </summary>
internal static class ProcessSpawner
{
    private static readonly Lazy<BlockingCollection<Action>> s_queue = new(StartThread);

    /// <summary>Calls <see cref="Process.Start()"/> on the spawner thread. Its exceptions (e.g. a
    /// <see cref="System.ComponentModel.Win32Exception"/> for a program that cannot run) reach the caller.</summary>
    public static Task StartAsync(Process process)
    {
        // Continuations run elsewhere: the caller's code after the await must never occupy the spawner thread.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        s_queue.Value.Add(() =>
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception error)
            {
                started.SetException(error);
            }
        });
        return started.Task;
    }

    private static BlockingCollection<Action> StartThread()
    {
        var queue = new BlockingCollection<Action>();
        var thread = new Thread(() =>
        {
            foreach (var start in queue.GetConsumingEnumerable())
                start();
        })
        {
            IsBackground = true,
            Name = "awsmcp process spawner",
        };
        thread.Start();
        return queue;
    }
}
