namespace AwsMcpTyped.Tests.Support;

/// <summary>An asynchronous set-up that runs once per test run, however many test instances ask for it (xunit makes
/// one instance per test): the first caller runs it, the others wait for it.</summary>
internal sealed class OnceAsync
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private bool _done;

    public async Task RunAsync(Func<Task> setUp)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_done)
                await setUp();
            _done = true;
        }
        finally
        {
            _lock.Release();
        }
    }
}
