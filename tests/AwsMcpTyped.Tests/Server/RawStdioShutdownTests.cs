using System.Diagnostics;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Server;

/// <summary>Stopping the stdio server while a command runs, with real processes counted in /proc: SIGTERM, SIGINT and
/// the client closing stdin stop it at once and kill the command's whole pipeline (the aws stage, here a fake CLI that
/// sleeps, and two grep filters); SIGKILL leaves only what the kernel cleans up. The server's private temporary
/// directory is removed on the way out.</summary>
[Trait("Category", InstalledAwsCli.Category)]
public sealed class RawStdioShutdownTests
{
    /// <summary>A server whose execute_command is blocked in a three-stage pipeline; every stage's command line holds
    /// <see cref="Marker"/>.</summary>
    private sealed class BusyServer : IAsyncDisposable
    {
        private readonly FakeAwsCli _cli = FakeAwsCli.Sleeping();

        public string Marker { get; } = "hold-" + Guid.NewGuid().ToString("N");

        public string TemporaryRoot { get; } = Directory.CreateTempSubdirectory("awsmcp-test-tmp-").FullName;

        public RawServerProcess Server { get; private set; } = null!;

        public static async Task<BusyServer> StartAsync()
        {
            var busy = new BusyServer();
            busy.Server = RawServerProcess.Start(new Dictionary<string, string>
            {
                ["AWS_MCP_AWS_CLI"] = busy._cli.Path, ["TMPDIR"] = busy.TemporaryRoot, ["AWS_MCP_AUDIT_LOG"] = "off",
            });
            await busy.Server.InitializeAsync();
            await busy.Server.CallExecuteAsync(2, $"aws s3api list-buckets --query 'Buckets[?Name==`{busy.Marker}`]' | grep {busy.Marker} | grep -v {busy.Marker}-x");
            for (var wait = 0; wait < 200 && busy.Stages().Count < 3; wait++)
                await Task.Delay(50);
            Assert.Equal(3, busy.Stages().Count); // aws and both filters really run
            Assert.Single(Directory.GetDirectories(busy.TemporaryRoot, "awsmcp-*")); // the private working directory
            return busy;
        }

        /// <summary>The pipeline's live processes (zombies excluded).</summary>
        public IReadOnlyList<int> Stages() => ProcessTable.WithArgument(Marker);

        public async Task<IReadOnlyList<int>> StagesAfterAsync(double seconds)
        {
            var left = Stages();
            for (var wait = 0; wait < seconds * 20 && left.Count > 0; wait++)
            {
                await Task.Delay(50);
                left = Stages();
            }
            return left;
        }

        public Task SignalAsync(string signal) => ProcessRunner.RunAsync("kill", ["-" + signal, Server.Process.Id.ToString()]);

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            foreach (var pid in Stages())
            {
                try
                {
                    Process.GetProcessById(pid).Kill();
                }
                catch (Exception)
                {
                }
            }
            _cli.Dispose();
            Directory.Delete(TemporaryRoot, recursive: true);
        }
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_stops_the_server_at_once_and_kills_the_running_command(string signal)
    {
        await using var busy = await BusyServer.StartAsync();
        var clock = Stopwatch.StartNew();
        await busy.SignalAsync(signal);
        Assert.True(await busy.Server.ExitedWithinAsync(10), $"SIG{signal} did not stop the server (stdin still open)");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {clock.Elapsed}");
        Assert.Equal(0, busy.Server.Process.ExitCode);
        Assert.Empty(await busy.StagesAfterAsync(2));
        await busy.Server.StdoutAsync(); // JSON-RPC only
        Assert.Empty(Directory.GetDirectories(busy.TemporaryRoot, "awsmcp-*"));
    }

    [Fact]
    public async Task Closing_stdin_cancels_the_running_command_and_the_server_exits()
    {
        await using var busy = await BusyServer.StartAsync();
        var clock = Stopwatch.StartNew();
        busy.Server.Process.StandardInput.Close();
        Assert.True(await busy.Server.ExitedWithinAsync(10), "closing stdin did not stop the server");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {clock.Elapsed}");
        Assert.Equal(0, busy.Server.Process.ExitCode);
        Assert.Empty(await busy.StagesAfterAsync(2));
        await busy.Server.StdoutAsync();
        var answer = busy.Server.Find(2);
        Assert.NotNull(answer); // the cancelled call was still answered while stdout was open
        Assert.Contains("cancelled", answer.Value.GetProperty("result").GetRawText());
        Assert.Empty(Directory.GetDirectories(busy.TemporaryRoot, "awsmcp-*"));
    }

    /// <summary>SIGKILL runs none of our code: the filters end because the server held their pipes (stdin at EOF),
    /// and the aws stage, blocked without writing, by the parent-death signal the sandbox launcher set.</summary>
    [Fact]
    public async Task After_sigkill_no_stage_is_left()
    {
        await using var busy = await BusyServer.StartAsync();
        busy.Server.Process.Kill();
        Assert.True(await busy.Server.ExitedWithinAsync(10));
        Assert.Empty(await busy.StagesAfterAsync(3));
    }
}
