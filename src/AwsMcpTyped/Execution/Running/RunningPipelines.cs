using System.Collections.Concurrent;
using System.Diagnostics;

namespace AwsMcpTyped.Execution.Running;

/// <summary>
/// Every pipeline running in this process, so that a server that is stopping (SIGTERM, Ctrl+C, its client closing
/// stdin) can cancel them all and wait until the runner has killed their process trees before it exits. Without this
/// the process either exits with commands still running, orphaning their aws and filter processes, or waits for them
/// to reach their own timeouts although nobody is left to read their answers.
/// </summary>
public static class RunningPipelines
{
    /// <summary>How long <see cref="StopAllAsync"/> waits for cancelled pipelines by default: killing is immediate,
    /// this only bounds a runner that does not return.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(5);

    private static readonly CancellationTokenSource s_stop = new();
    private static readonly ConcurrentDictionary<Task<PipelineOutcome>, byte> s_running = new();

    /// <summary>True once <see cref="StopAllAsync"/> was called: no new pipeline starts.</summary>
    public static bool IsStopping => s_stop.IsCancellationRequested;

    /// <summary>Runs one pipeline, cancelled by <paramref name="cancellationToken"/> or by <see cref="StopAllAsync"/>.
    /// After the stop, nothing starts: the outcome is cancelled at once.</summary>
    public static async Task<PipelineOutcome> RunAsync(IPipelineRunner runner, PipelineRequest request, CancellationToken cancellationToken)
    {
        if (IsStopping)
            return Cancelled(request);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, s_stop.Token);
        var running = runner.RunAsync(request, linked.Token);
        s_running.TryAdd(running, 0);
        PipelineOutcome outcome;
        try
        {
            outcome = await running;
        }
        catch
        {
            linked.Dispose();
            throw;
        }
        finally
        {
            s_running.TryRemove(running, out _);
        }
        if (outcome.Continuing is not { } continuing)
        {
            linked.Dispose();
            return outcome;
        }
        // It answered early and runs on (a sign-in waiting for its approval): a stop must still reach it.
        s_running.TryAdd(continuing, 0);
        _ = continuing.ContinueWith(ended =>
        {
            s_running.TryRemove(continuing, out _);
            linked.Dispose();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return outcome;
    }

    /// <summary>Cancels every running pipeline (the runner kills their process trees) and waits, at most
    /// <paramref name="grace"/>, until all have returned. Once called, the process is stopping: it cannot be undone.</summary>
    public static async Task StopAllAsync(TimeSpan grace)
    {
        await s_stop.CancelAsync();
        var clock = Stopwatch.StartNew();
        while (!s_running.IsEmpty && clock.Elapsed < grace)
        {
            try
            {
                await Task.WhenAll(s_running.Keys).WaitAsync(grace - clock.Elapsed);
            }
            catch (Exception)
            {
                // A timeout, or a pipeline's own failure: its caller sees that; here there is nothing more to do.
            }
        }
    }

    private static PipelineOutcome Cancelled(PipelineRequest request) =>
        new("", 0, request.Stages.Select(s => new StageOutcome(s.Program, null, "", false)).ToList(), false, true, TimeSpan.Zero);
}
