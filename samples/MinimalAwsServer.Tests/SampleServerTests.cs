using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit;

namespace MinimalAwsServer.Tests;

/// <summary>The sample server, started as a process and driven by the SDK's MCP client over stdio.</summary>
public sealed class SampleServerTests
{
    private static string SampleDll()
    {
        var tests = AppContext.BaseDirectory; // …/MinimalAwsServer.Tests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(tests).Parent!.Name;
        return Path.GetFullPath(Path.Combine(tests, "..", "..", "..", "..", "MinimalAwsServer", "bin", configuration, "net10.0", "MinimalAwsServer.dll"));
    }

    [Fact]
    public async Task Lists_the_aws_tools_read_only_and_describes_a_command()
    {
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = [SampleDll()],
        }));
        var tools = await client.ListToolsAsync(); // every page: the client follows the cursor

        Assert.Contains(tools, t => t.Name == "describe_command");
        Assert.Contains(tools, t => t.Name == "s3api_list_buckets");
        Assert.DoesNotContain(tools, t => t.Name == "s3api_create_bucket"); // read-only
        var help = await client.CallToolAsync("describe_command", new Dictionary<string, object?> { ["service"] = "s3", ["command"] = "ls" });
        Assert.Contains("--recursive", string.Concat(help.Content.OfType<TextContentBlock>().Select(b => b.Text)));
        Assert.Equal(10, (await client.ListPromptsAsync()).Count);
    }
}
