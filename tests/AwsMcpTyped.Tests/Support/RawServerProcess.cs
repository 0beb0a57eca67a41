using System.Diagnostics;
using System.Text.Json;

namespace AwsMcpTyped.Tests.Support;

/// <summary>The built server (<c>dotnet awsmcp.dll serve</c>) on raw stdio, for tests that signal it, close its stdin
/// or kill it: newline-delimited JSON-RPC in, every stdout line collected (and checked to be JSON-RPC).</summary>
internal sealed class RawServerProcess : IAsyncDisposable
{
    private readonly List<string> _lines = [];
    private readonly Task _reading;

    private RawServerProcess(Process process)
    {
        Process = process;
        Stderr = process.StandardError.ReadToEndAsync();
        _reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (_lines)
                    _lines.Add(line);
            }
        });
    }

    public Process Process { get; }

    public Task<string> Stderr { get; }

    public static RawServerProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [RepoPaths.AwsmcpDll, "serve"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return new RawServerProcess(Process.Start(start)!);
    }

    public async Task SendAsync(string line)
    {
        await Process.StandardInput.WriteLineAsync(line);
        await Process.StandardInput.FlushAsync();
    }

    public async Task InitializeAsync()
    {
        await SendAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""");
        await ResponseAsync(1);
        await SendAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
    }

    /// <summary>Sends tools/call execute_command without waiting for the answer.</summary>
    public Task CallExecuteAsync(int id, string command) =>
        SendAsync(JsonSerializer.Serialize(new
        {
            jsonrpc = "2.0", id, method = "tools/call",
            @params = new { name = "execute_command", arguments = new { command, timeout = 600 } },
        }));

    public async Task<JsonElement> ResponseAsync(int id, int seconds = 15)
    {
        for (var wait = 0; wait < seconds * 20; wait++)
        {
            if (Find(id) is { } found)
                return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"no response to id {id}");
    }

    public JsonElement? Find(int id)
    {
        lock (_lines)
        {
            foreach (var line in _lines)
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.Number && value.GetInt32() == id)
                    return document.RootElement.Clone();
            }
        }
        return null;
    }

    /// <summary>Waits for the process to exit: true if it did within <paramref name="seconds"/>.</summary>
    public async Task<bool> ExitedWithinAsync(double seconds)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            await Process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Every stdout line, each checked to be a JSON-RPC 2.0 message.</summary>
    public async Task<IReadOnlyList<string>> StdoutAsync()
    {
        await _reading;
        lock (_lines)
        {
            foreach (var line in _lines)
            {
                using var document = JsonDocument.Parse(line);
                Assert.Equal("2.0", document.RootElement.GetProperty("jsonrpc").GetString());
            }
            return _lines.ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
            Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
        Process.Dispose();
    }
}
