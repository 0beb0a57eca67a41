using System.Text.Json;
using AwsMcpTyped.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>Consent end to end: the built server asks a real MCP client through elicitation before a destructive
/// command (AWS_MCP_CONSENT=destructive, the default). Accept with confirm=true runs it; decline does not; a client
/// without elicitation gets a refusal that says how to allow it.</summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class ConsentOverMcpTests(MotoServer moto)
{
    private static McpClientOptions Answering(string action, bool confirm, List<string> asked) => new()
    {
        Handlers = new McpClientHandlers
        {
            ElicitationHandler = (request, _) =>
            {
                asked.Add(request!.Message);
                return ValueTask.FromResult(new ElicitResult
                {
                    Action = action,
                    Content = action == "accept" ? new Dictionary<string, JsonElement> { ["confirm"] = JsonSerializer.SerializeToElement(confirm) } : null,
                });
            },
        },
    };

    [Theory]
    [InlineData("accept", true, true)]
    [InlineData("accept", false, false)]
    [InlineData("decline", false, false)]
    [InlineData("cancel", false, false)]
    public async Task A_destructive_command_runs_only_when_the_user_confirms(string action, bool confirm, bool runs)
    {
        var bucket = "consent-" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal(0, (await moto.AwsAsync("s3", "mb", "s3://" + bucket)).ExitCode);
        var asked = new List<string>();
        await using var client = await ServerProcess.ConnectAsync(options: Answering(action, confirm, asked));

        var result = await client.CallToolAsync("execute_command", new Dictionary<string, object?> { ["command"] = $"aws s3 rb s3://{bucket}" });

        Assert.Single(asked);
        Assert.Contains($"aws s3 rb s3://{bucket}", asked[0]);
        Assert.Equal(!runs, result.IsError == true);
        Assert.Equal(!runs, await moto.BucketExistsAsync(bucket));
        if (!runs)
            Assert.Contains("declined", string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text)));
    }

    [Fact]
    public async Task Typed_tools_ask_too_and_a_client_without_elicitation_is_told_how_to_allow()
    {
        var bucket = "consent-" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal(0, (await moto.AwsAsync("s3", "mb", "s3://" + bucket)).ExitCode);
        var environment = new Dictionary<string, string?> { ["AWS_MCP_SERVICES"] = "s3api" };

        await using (var plain = await ServerProcess.ConnectAsync(environment))
        {
            var refused = await plain.CallToolAsync("s3api_delete_bucket", new Dictionary<string, object?> { ["Bucket"] = bucket });
            Assert.True(refused.IsError);
            var text = string.Concat(refused.Content.OfType<TextContentBlock>().Select(b => b.Text));
            Assert.Contains("does not support elicitation", text);
            Assert.Contains("AWS_MCP_CONSENT", text);
            Assert.True(await moto.BucketExistsAsync(bucket));
        }

        var asked = new List<string>();
        await using var client = await ServerProcess.ConnectAsync(environment, Answering("accept", true, asked));
        var deleted = await client.CallToolAsync("s3api_delete_bucket", new Dictionary<string, object?> { ["Bucket"] = bucket });
        Assert.True(deleted.IsError != true, string.Concat(deleted.Content.OfType<TextContentBlock>().Select(b => b.Text)));
        Assert.Single(asked);
        Assert.False(await moto.BucketExistsAsync(bucket));
    }
}
