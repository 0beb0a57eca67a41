using System.Threading.RateLimiting;

namespace AwsMcpTyped.Policy;

/// <summary>
/// Bounds how fast and how many AWS commands run: a token bucket of <c>callsPerSecond</c> (0: no rate limit) and at
/// most <c>maxConcurrency</c> at once. Calls over either limit wait in a bounded queue; when the queue is full the
/// call is refused with a message rather than piling up processes.
/// </summary>
public sealed class CallLimiter : IAsyncDisposable
{
    private const int QueueLimit = 64;

    private readonly ConcurrencyLimiter _concurrency;
    private readonly TokenBucketRateLimiter? _rate;

    public CallLimiter(int maxConcurrency, double callsPerSecond)
    {
        MaxConcurrency = maxConcurrency;
        CallsPerSecond = callsPerSecond;
        _concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxConcurrency, QueueLimit = QueueLimit, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        if (callsPerSecond > 0)
        {
            var burst = Math.Max(1, (int)Math.Ceiling(callsPerSecond));
            _rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst, TokensPerPeriod = burst, ReplenishmentPeriod = TimeSpan.FromSeconds(burst / callsPerSecond),
                QueueLimit = QueueLimit, QueueProcessingOrder = QueueProcessingOrder.OldestFirst, AutoReplenishment = true,
            });
        }
    }

    public int MaxConcurrency { get; }

    public double CallsPerSecond { get; }

    /// <summary>Waits for a slot; returns null (with nothing held) when a queue is full.</summary>
    public async ValueTask<IDisposable?> AcquireAsync(CancellationToken cancellationToken)
    {
        if (_rate is not null)
        {
            using var token = await _rate.AcquireAsync(1, cancellationToken);
            if (!token.IsAcquired)
                return null;
        }
        var slot = await _concurrency.AcquireAsync(1, cancellationToken);
        if (slot.IsAcquired)
            return slot;
        slot.Dispose();
        return null;
    }

    public string BusyMessage =>
        $"Too many AWS commands at once (at most {MaxConcurrency} running" + (CallsPerSecond > 0 ? $", {CallsPerSecond:0.##} per second" : "") +
        $", {QueueLimit} waiting). Retry shortly; the operator sets AWS_MCP_MAX_CONCURRENCY and AWS_MCP_RATE_LIMIT.";

    public async ValueTask DisposeAsync()
    {
        await _concurrency.DisposeAsync();
        if (_rate is not null)
            await _rate.DisposeAsync();
    }
}
