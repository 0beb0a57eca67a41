using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Benchmarks;

/// <summary>
/// The MCP server as users run it (a separate <c>awsmcp serve</c> process over stdio): spawn → initialize answered,
/// tools/list size by default and with AWS_MCP_SERVICES=ec2, describe_command latency through MCP, RSS after initialize,
/// a fresh server's first suggest_commands call. Start-up is measured for the framework-dependent dll (<c>dotnet
/// awsmcp.dll</c>, JIT) and, when benchmarks/run.sh has published them, the ReadyToRun builds: <c>artifacts/awsmcp-r2r</c>
/// (framework-dependent) and <c>artifacts/awsmcp-composite</c> (self-contained composite).
/// </summary>
internal static class ServerBenchmark
{
    private const int Spawns = 20;

    public static async Task RunAsync()
    {
        var awsmcp = FindAwsmcp();
        var rss = await ReportStartupAsync("dotnet awsmcp.dll", ["dotnet", awsmcp]);
        if (FindPublished(awsmcp, "awsmcp-r2r") is { } readyToRun)
            await ReportStartupAsync("ReadyToRun apphost", [readyToRun]);
        if (FindPublished(awsmcp, "awsmcp-composite") is { } composite)
            await ReportStartupAsync("composite R2R (sc)", [composite]);

        var defaultBytes = await ToolListBytesAsync(awsmcp, null);
        var ec2Bytes = await ToolListBytesAsync(awsmcp, "ec2");
        var describe = await DescribeLatencyAsync(awsmcp);
        var suggest = new List<double>();
        for (var i = 0; i < 5; i++)
            suggest.Add(await SuggestFirstQueryAsync(awsmcp));

        Console.WriteLine($"RSS after initialize                      {rss / 1024.0 / 1024.0:F0} MB (largest of the runs)");
        Console.WriteLine($"tools/list, default services (sts)        {defaultBytes:N0} bytes");
        Console.WriteLine($"tools/list, AWS_MCP_SERVICES=ec2          {ec2Bytes:N0} bytes (all pages)");
        Console.WriteLine($"describe_command through MCP (200 calls)  median {Median(describe):F2} ms, p99 {Percentile(describe, 99):F2} ms");
        Console.WriteLine($"suggest_commands first query (precomputed index)  median {Median(suggest):F0} ms (min {suggest.Min():F0}, max {suggest.Max():F0}; 5 fresh servers)");
    }

    /// <summary>Spawn → initialize answered, median of <see cref="Spawns"/> runs after two unmeasured ones (disk cache).</summary>
    private static async Task<long> ReportStartupAsync(string label, string[] command)
    {
        var initialize = new List<double>();
        long rss = 0;
        for (var i = 0; i < Spawns + 2; i++)
        {
            var (elapsed, memory) = await SpawnAndInitializeAsync(command);
            if (i < 2)
                continue;
            initialize.Add(elapsed);
            rss = Math.Max(rss, memory);
        }
        Console.WriteLine($"spawn → initialize answered, {label,-18} median {Median(initialize):F0} ms (min {initialize.Min():F0}, max {initialize.Max():F0}; {Spawns} runs)");
        return rss;
    }

    /// <summary>Raw stdio: time from process start to the initialize response line; RSS read from /proc then.</summary>
    private static async Task<(double Milliseconds, long Rss)> SpawnAndInitializeAsync(string[] command)
    {
        var start = new ProcessStartInfo(command[0], [.. command[1..], "serve"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}""");
        await process.StandardInput.FlushAsync();
        var line = await process.StandardOutput.ReadLineAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (line is null || !line.Contains("\"protocolVersion\"", StringComparison.Ordinal))
            throw new InvalidOperationException("no initialize response: " + line);
        var rss = process.WorkingSet64;
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (elapsed, rss);
    }

    private static async Task<long> ToolListBytesAsync(string awsmcp, string? services)
    {
        await using var client = await ConnectAsync(awsmcp, services);
        long bytes = 0;
        string? cursor = null;
        do
        {
            var page = await client.ListToolsAsync(new ListToolsRequestParams { Cursor = cursor });
            bytes += JsonSerializer.SerializeToUtf8Bytes(page).Length;
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return bytes;
    }

    private static async Task<List<double>> DescribeLatencyAsync(string awsmcp)
    {
        await using var client = await ConnectAsync(awsmcp, null);
        string[][] calls = [["ec2", "describe-instances"], ["s3", "cp"], ["dynamodb", "create-table"], ["lambda", "invoke"], ["iam", "list-users"]];
        var samples = new List<double>();
        for (var i = 0; i < 220; i++)
        {
            var call = calls[i % calls.Length];
            var clock = Stopwatch.StartNew();
            await client.CallToolAsync("describe_command", new Dictionary<string, object?> { ["service"] = call[0], ["command"] = call[1] });
            if (i >= 20)
                samples.Add(clock.Elapsed.TotalMilliseconds);
        }
        return samples;
    }

    /// <summary>A fresh server's first suggest_commands call: loading the embedded index plus the query, JIT cold.</summary>
    private static async Task<double> SuggestFirstQueryAsync(string awsmcp)
    {
        await using var client = await ConnectAsync(awsmcp, null);
        var clock = Stopwatch.StartNew();
        var result = await client.CallToolAsync("suggest_commands", new Dictionary<string, object?> { ["query"] = "list my s3 buckets" });
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (result.IsError == true)
            throw new InvalidOperationException("suggest_commands failed");
        return elapsed;
    }

    private static Task<McpClient> ConnectAsync(string awsmcp, string? services) => McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
    {
        Command = "dotnet",
        Arguments = [awsmcp, "serve"],
        EnvironmentVariables = new Dictionary<string, string?> { ["AWS_MCP_SERVICES"] = services },
    }));

    private static string FindAwsmcp()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "AwsMcpTyped.Cli", "bin", "Release", "net10.0", "awsmcp.dll");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException("build awsmcp in Release first (benchmarks/run.sh does)");
    }

    private static string? FindPublished(string awsmcpDll, string folder)
    {
        var repo = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(awsmcpDll)!, "..", "..", "..", "..", ".."));
        var apphost = Path.Combine(repo, "artifacts", folder, "awsmcp");
        return File.Exists(apphost) ? apphost : null;
    }

    private static double Median(List<double> values) => Percentile(values, 50);

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
