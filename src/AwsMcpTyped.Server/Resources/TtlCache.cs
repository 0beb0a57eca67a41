namespace AwsMcpTyped.Server.Resources;

/// <summary>Caches values fetched from AWS for a while, per key; concurrent readers share one fetch.</summary>
internal sealed class TtlCache<T>(TimeSpan timeToLive)
{
    private readonly Dictionary<string, (DateTime Expires, Task<T> Value)> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<T> GetAsync(string key, Func<Task<T>> fetch)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Expires > DateTime.UtcNow && !entry.Value.IsFaulted)
                return entry.Value;
            var value = fetch();
            _entries[key] = (DateTime.UtcNow + timeToLive, value);
            return value;
        }
    }
}
