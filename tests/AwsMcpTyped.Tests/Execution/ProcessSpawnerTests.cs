using System.Diagnostics;
using AwsMcpTyped.Execution.Running;

namespace AwsMcpTyped.Tests.Execution;

/// <summary>The spawner thread: children are started from one thread that never exits, so a parent-death signal
/// (which Linux ties to the forking thread) cannot fire while the server lives. Proven with a real child that sets
/// PR_SET_PDEATHSIG itself, started from a thread that then exits.</summary>
public sealed class ProcessSpawnerTests
{
    // Sets PR_SET_PDEATHSIG (1) to SIGKILL (9), says so, then outlives the thread that asked for it (or not).
    private const string ChildScript =
        "import ctypes, time\nctypes.CDLL(None).prctl(1, 9)\nprint('ready', flush=True)\ntime.sleep(2)\nprint('alive', flush=True)";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_child_outlives_the_thread_that_asked_for_it_only_through_the_spawner(bool viaSpawner)
    {
        using var child = new Process
        {
            StartInfo = new ProcessStartInfo("/usr/bin/python3", ["-c", ChildScript]) { RedirectStandardOutput = true, UseShellExecute = false },
        };
        string? first = null;
        var caller = new Thread(() =>
        {
            if (viaSpawner)
                ProcessSpawner.StartAsync(child).GetAwaiter().GetResult();
            else
                child.Start(); // the pitfall: this thread becomes the child's parent thread
            first = child.StandardOutput.ReadLine(); // the death signal is armed: now let the calling thread exit
        });
        caller.Start();
        caller.Join();
        Assert.Equal("ready", first);

        var rest = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (viaSpawner)
        {
            Assert.Equal("alive", rest.Trim());
            Assert.Equal(0, child.ExitCode);
        }
        else
        {
            Assert.Equal("", rest); // control: the test can see the early kill it guards against
            Assert.Equal(128 + 9, child.ExitCode);
        }
    }

    [Fact]
    public async Task Many_concurrent_callers_all_start_their_children_which_are_ours()
    {
        var children = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var child = new Process
            {
                StartInfo = new ProcessStartInfo("/bin/sh", ["-c", "read line; echo \"$line\""])
                {
                    RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
                },
            };
            await ProcessSpawner.StartAsync(child);
            return (i, child);
        })));
        foreach (var (i, child) in children)
        {
            var status = File.ReadAllLines($"/proc/{child.Id}/status");
            Assert.Contains($"PPid:\t{Environment.ProcessId}", status);
            await child.StandardInput.WriteLineAsync("child " + i);
            child.StandardInput.Close();
        }
        foreach (var (i, child) in children)
        {
            Assert.Equal("child " + i, (await child.StandardOutput.ReadToEndAsync()).Trim());
            await child.WaitForExitAsync();
            child.Dispose();
        }
    }

    [Fact]
    public async Task A_program_that_cannot_start_fails_the_caller()
    {
        using var child = new Process { StartInfo = new ProcessStartInfo("/nonexistent/awsmcp-no-such-program") { UseShellExecute = false } };
        await Assert.ThrowsAsync<System.ComponentModel.Win32Exception>(() => ProcessSpawner.StartAsync(child));
    }
}
