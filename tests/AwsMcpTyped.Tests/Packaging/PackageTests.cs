using System.IO.Compression;
using System.Text.Json;
using AwsMcpTyped.Tests.Support;
using ModelContextProtocol.Client;

namespace AwsMcpTyped.Tests.Packaging;

/// <summary>
/// What users install: `dotnet pack` of the solution, the .NET tool installed from that folder into a temporary tool
/// path (its --version, and tools listed through it by an MCP client), and the sample server built against the packed
/// library packages with its own test. A unique package version keeps NuGet's global cache from serving an older build.
/// </summary>
public sealed class PackageTests
{
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task The_packed_tool_installs_and_serves_and_the_sample_builds_against_the_packages()
    {
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var feed = RepoPaths.Combine("artifacts", "packages");
        var pack = await ProcessRunner.RunAsync("dotnet",
            ["pack", RepoPaths.Combine("AwsMcpTyped.sln"), "-c", "Release", "-nologo", "-v:q", $"-p:PackageVersion={version}", "-o", feed], Slow);
        Assert.True(pack.ExitCode == 0, "pack failed:\n" + pack.Stdout + pack.Stderr);
        string[] ids = ["AwsMcpTyped.Catalogue.Model", "AwsMcpTyped.Catalogue", "AwsMcpTyped", "AwsMcpTyped.Server", "AwsMcpTyped.Hosting", "AwsMcpTyped.Tool"];
        foreach (var id in ids)
            Assert.True(File.Exists(Path.Combine(feed, $"{id}.{version}.nupkg")), $"{id} was not packed");
        AssertToolPackage(Path.Combine(feed, $"AwsMcpTyped.Tool.{version}.nupkg"));
        using (var library = ZipFile.OpenRead(Path.Combine(feed, $"AwsMcpTyped.{version}.nupkg")))
            Assert.Contains(library.Entries, e => e.FullName.StartsWith("runtimes/linux-", StringComparison.Ordinal) && e.FullName.EndsWith("/native/awsmcp-sandbox", StringComparison.Ordinal));

        var tools = Path.Combine(Path.GetTempPath(), "awsmcp-tool-" + Guid.NewGuid().ToString("N"));
        try
        {
            var install = await ProcessRunner.RunAsync("dotnet",
                ["tool", "install", "AwsMcpTyped.Tool", "--tool-path", tools, "--add-source", feed, "--version", version], Slow);
            Assert.True(install.ExitCode == 0, install.Stdout + install.Stderr);
            var awsmcp = Path.Combine(tools, "awsmcp");
            var printed = await ProcessRunner.RunAsync(awsmcp, ["--version"]);
            Assert.Equal(0, printed.ExitCode);
            Assert.Matches(@"^awsmcp 0\.1\.0 \(catalogue: botocore 1\.43\.11 = AWS CLI v2 2\.34\.50 and v1 1\.45\.11\)\s*$", printed.Stdout);
            // jq runs only when contained: the installed tool found its sandbox launcher (and made it executable again,
            // since NuGet drops the bit).
            var contained = await ProcessRunner.RunAsync(awsmcp, ["exec", "aws sts get-caller-identity | jq -R ."],
                environment: new Dictionary<string, string?> { ["AWS_MCP_AWS_CLI"] = "/usr/bin/printf" });
            Assert.True(contained.ExitCode == 0, contained.Stdout + contained.Stderr);
            Assert.Equal("\"sts\"", contained.Stdout.Trim());

            await using (var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions { Command = awsmcp, Arguments = ["serve"] })))
            {
                var listed = await client.ListToolsAsync();
                Assert.Contains(listed, t => t.Name == "execute_command");
                Assert.Contains(listed, t => t.Name == "sts_get_caller_identity");
            }

            var sample = await ProcessRunner.RunAsync("dotnet",
                ["test", RepoPaths.Combine("samples", "MinimalAwsServer.Tests"), "-c", "Release", "-nologo", $"-p:AwsMcpTypedVersion={version}"], Slow);
            Assert.True(sample.ExitCode == 0, "the sample's test failed:\n" + sample.Stdout + sample.Stderr);
            Assert.Contains("Passed!", sample.Stdout);
        }
        finally
        {
            if (Directory.Exists(tools))
                Directory.Delete(tools, recursive: true);
            foreach (var id in ids)
                File.Delete(Path.Combine(feed, $"{id}.{version}.nupkg"));
        }
    }

    /// <summary>The tool package is a .NET tool and an MCP server package with a server.json naming it.</summary>
    private static void AssertToolPackage(string path)
    {
        using var package = ZipFile.OpenRead(path);
        var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.Contains("name=\"McpServer\"", nuspec);
        Assert.Contains("name=\"DotnetTool\"", nuspec);
        Assert.Contains(package.Entries, e => e.FullName.EndsWith("/awsmcp-sandbox", StringComparison.Ordinal));
        using var server = JsonDocument.Parse(package.GetEntry(".mcp/server.json")!.Open());
        var described = server.RootElement.GetProperty("packages")[0];
        Assert.Equal("AwsMcpTyped.Tool", described.GetProperty("identifier").GetString());
        var variables = described.GetProperty("environmentVariables").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToList();
        Assert.Contains("AWS_MCP_READ_ONLY", variables);
        Assert.Contains("AWS_PROFILE", variables);
    }
}
