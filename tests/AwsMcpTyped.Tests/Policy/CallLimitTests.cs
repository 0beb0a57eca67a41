using System.Diagnostics;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Running;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Policy;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>AWS_MCP_MAX_CONCURRENCY and AWS_MCP_RATE_LIMIT: real commands against moto through the real runner,
/// watched by a wrapper that records when each pipeline starts and ends; and the bounded queue refusing overflow.</summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class CallLimitTests(MotoServer moto)
{
    private sealed class WatchingRunner(IPipelineRunner inner) : IPipelineRunner
    {
        private int _running;
        public int MostAtOnce;
        public readonly List<TimeSpan> Starts = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public AwsMcpTyped.Sandbox.Containment Containment => inner.Containment;

        public async Task<PipelineOutcome> RunAsync(PipelineRequest request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _running);
            lock (Starts)
            {
                Starts.Add(_clock.Elapsed);
                MostAtOnce = Math.Max(MostAtOnce, now);
            }
            try
            {
                return await inner.RunAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }

    private static (CommandExecutor, WatchingRunner) Executor(int maxConcurrency, double callsPerSecond)
    {
        var runner = new WatchingRunner(new ProcessPipelineRunner(AwsCliInstallation.Detect().Path!));
        var policy = ExecutionPolicy.Default with { Safety = SafetyPolicy.Unrestricted, MaxConcurrency = maxConcurrency, CallsPerSecond = callsPerSecond };
        return (new CommandExecutor(AwsCatalogue.Default, policy, AwsCliInstallation.Detect(), runner), runner);
    }

    [Fact]
    public async Task At_most_max_concurrency_commands_run_at_once()
    {
        var (executor, runner) = Executor(maxConcurrency: 2, callsPerSecond: 0);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => executor.ExecuteAsync("aws s3api list-buckets")));
        Assert.All(results, r => Assert.Equal(ExecutionStatus.Success, r.Status));
        Assert.Equal(2, runner.MostAtOnce);
        Assert.NotEmpty(moto.Endpoint);
    }

    [Fact]
    public async Task The_rate_limit_spreads_starts_over_time()
    {
        var (executor, runner) = Executor(maxConcurrency: 8, callsPerSecond: 4);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => executor.ExecuteAsync("aws s3api list-buckets")));
        Assert.All(results, r => Assert.Equal(ExecutionStatus.Success, r.Status));
        var starts = runner.Starts.Order().ToList();
        // A bucket of 4 tokens refilled every second: the last 4 cannot start before the refill.
        Assert.True(starts[^1] - starts[0] >= TimeSpan.FromMilliseconds(700), $"8 starts within {(starts[^1] - starts[0]).TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_full_queue_refuses_instead_of_piling_up()
    {
        await using var limiter = new CallLimiter(maxConcurrency: 1, callsPerSecond: 0);
        using var held = await limiter.AcquireAsync(CancellationToken.None);
        Assert.NotNull(held);
        using var cancel = new CancellationTokenSource();
        var waiting = Enumerable.Range(0, 64).Select(_ => limiter.AcquireAsync(cancel.Token).AsTask()).ToList();
        Assert.Null(await limiter.AcquireAsync(CancellationToken.None));
        Assert.Contains("AWS_MCP_MAX_CONCURRENCY", limiter.BusyMessage);
        await cancel.CancelAsync();
        foreach (var task in waiting)
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }
}
