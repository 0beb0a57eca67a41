using System.Diagnostics;
using System.Text.Json;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Server;

/// <summary>Abuse over raw stdio: malformed JSON, unknown methods, wrong parameter types, a request before initialize,
/// a 10 MB line. The server answers with JSON-RPC errors where the protocol calls for them, survives, keeps stdout
/// to JSON-RPC only, and exits promptly when stdin closes.</summary>
public sealed class RawStdioTests
{
    [Fact]
    public async Task Survives_abuse_with_protocol_errors_and_a_clean_stdout()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", [RepoPaths.AwsmcpDll, "serve"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        var reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                    lines.Add(line);
            }
        });
        async Task Send(string line)
        {
            await process.StandardInput.WriteLineAsync(line);
            await process.StandardInput.FlushAsync();
        }
        async Task<JsonElement> Response(int id)
        {
            for (var wait = 0; wait < 300; wait++)
            {
                lock (lines)
                {
                    foreach (var line in lines)
                    {
                        using var document = JsonDocument.Parse(line);
                        if (document.RootElement.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.Number && value.GetInt32() == id)
                            return document.RootElement.Clone();
                    }
                }
                await Task.Delay(50);
            }
            throw new TimeoutException($"no response to id {id}");
        }
        // Errors answered to lines without a readable id, in order (the transport answers a line before reading the next).
        List<int> ErrorsWithoutId()
        {
            lock (lines)
            {
                return lines.Select(line => JsonDocument.Parse(line).RootElement)
                    .Where(root => root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Null)
                    .Select(root => root.GetProperty("error").GetProperty("code").GetInt32()).ToList();
            }
        }

        await Send("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""");
        Assert.Equal(-32600, (await Response(1)).GetProperty("error").GetProperty("code").GetInt32());
        await Send("{not json");
        await Send("   ");
        await Send("""{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"abuse","version":"1"}}}""");
        Assert.True((await Response(2)).TryGetProperty("result", out _));
        Assert.Equal([-32700], ErrorsWithoutId());
        await Send("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        await Send("""{"jsonrpc":"2.0","id":3,"method":"no/such/method"}""");
        Assert.Equal(-32601, (await Response(3)).GetProperty("error").GetProperty("code").GetInt32());
        await Send("""{"jsonrpc":"2.0","id":4,"method":"tools/call","params":"x"}""");
        Assert.Equal(-32602, (await Response(4)).GetProperty("error").GetProperty("code").GetInt32());
        await Send("""{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":5}}""");
        Assert.Equal(-32602, (await Response(5)).GetProperty("error").GetProperty("code").GetInt32());
        await Send("""{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"describe_command","arguments":[1]}}""");
        Assert.Equal(-32602, (await Response(6)).GetProperty("error").GetProperty("code").GetInt32());
        await Send("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"describe_command","arguments":{"service":7}}}""");
        Assert.True((await Response(7)).GetProperty("result").GetProperty("isError").GetBoolean());
        await Send("""{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"no_such_tool","arguments":{}}}""");
        Assert.Equal(-32602, (await Response(8)).GetProperty("error").GetProperty("code").GetInt32());
        await Send(new string('x', 10 * 1024 * 1024));
        await Send("[1,2,3]");
        await Send("""{"jsonrpc":"2.0","id":10,"method":7}""");
        Assert.Equal(-32600, (await Response(10)).GetProperty("error").GetProperty("code").GetInt32());
        await Send("""{"jsonrpc":"2.0","id":9,"method":"tools/list"}""");
        Assert.True((await Response(9)).GetProperty("result").GetProperty("tools").GetArrayLength() > 3);
        Assert.Equal([-32700, -32700, -32600], ErrorsWithoutId()); // the 10 MB line is not JSON; a batch is not a message

        var closed = Stopwatch.StartNew();
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(10_000), "the server did not exit after stdin closed");
        Assert.True(closed.Elapsed < TimeSpan.FromSeconds(10));
        await reader;
        await stderr;
        lock (lines)
        {
            Assert.All(lines, line =>
            {
                using var document = JsonDocument.Parse(line); // stdout is JSON-RPC only
                Assert.Equal("2.0", document.RootElement.GetProperty("jsonrpc").GetString());
            });
        }
    }
}
