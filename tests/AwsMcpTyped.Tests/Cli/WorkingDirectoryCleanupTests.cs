using System.Diagnostics;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Cli;

/// <summary><c>awsmcp exec</c> and the private working directory: an empty one is removed at exit, one holding files
/// (a download) is kept, and a configured AWS_MCP_WORKDIR is never removed. (The stdio server's removal is checked in
/// <see cref="Server.RawStdioShutdownTests"/>, the HTTP server's in <see cref="Server.HttpServerTests"/>.)</summary>
public sealed class WorkingDirectoryCleanupTests : IDisposable
{
    private readonly string _temporaryRoot = Directory.CreateTempSubdirectory("awsmcp-test-tmp-").FullName;

    public void Dispose() => Directory.Delete(_temporaryRoot, recursive: true);

    private async Task<int> ExecAsync(FakeAwsCli cli, string? workdir = null)
    {
        var start = new ProcessStartInfo("dotnet", [RepoPaths.AwsmcpDll, "exec", "aws s3api list-buckets"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["AWS_MCP_AWS_CLI"] = cli.Path;
        start.Environment["TMPDIR"] = _temporaryRoot;
        if (workdir is not null)
            start.Environment["AWS_MCP_WORKDIR"] = workdir;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(wait.Token);
        Assert.True(process.ExitCode == 0, await stdout + await stderr);
        return process.ExitCode;
    }

    private string[] PrivateDirectories() => Directory.GetDirectories(_temporaryRoot, "awsmcp-*");

    [Fact]
    public async Task An_empty_private_directory_is_removed_at_exit()
    {
        using var cli = FakeAwsCli.Running("print('{}')");
        await ExecAsync(cli);
        Assert.Empty(PrivateDirectories());
    }

    [Fact]
    public async Task A_private_directory_holding_a_download_is_kept()
    {
        using var cli = FakeAwsCli.Running("open('download.txt', 'w').write('data')\nprint('{}')");
        await ExecAsync(cli);
        var kept = Assert.Single(PrivateDirectories());
        Assert.Equal("data", await File.ReadAllTextAsync(Path.Combine(kept, "download.txt")));
    }

    [Fact]
    public async Task A_configured_working_directory_is_never_removed()
    {
        var configured = Directory.CreateDirectory(Path.Combine(_temporaryRoot, "configured")).FullName;
        using var cli = FakeAwsCli.Running("print('{}')");
        await ExecAsync(cli, configured);
        Assert.True(Directory.Exists(configured));
    }
}
