using AwsMcpTyped.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Server;

/// <summary>Prompts through the real server and client.</summary>
[Trait("Category", InstalledAwsCli.Category)]
public sealed class PromptTests
{
    [Fact]
    public async Task The_ten_prompts_render_with_their_arguments()
    {
        await using var client = await ServerProcess.ConnectAsync();
        var prompts = await client.ListPromptsAsync();
        Assert.Equal(
            ["compliance_check", "cost_optimization", "create_resource", "disaster_recovery", "iam_policy_generator", "resource_cleanup",
             "resource_inventory", "security_audit", "service_monitoring", "troubleshoot_service"],
            prompts.Select(p => p.Name).Order());
        foreach (var prompt in prompts)
        {
            Assert.False(string.IsNullOrWhiteSpace(prompt.Description));
            var arguments = prompt.ProtocolPrompt.Arguments!.ToDictionary(a => a.Name, a => (object?)("value-of-" + a.Name));
            var result = await client.GetPromptAsync(prompt.Name, arguments);
            var text = ((TextContentBlock)result.Messages.Single().Content).Text;
            Assert.Equal(Role.User, result.Messages.Single().Role);
            Assert.All(arguments.Keys, name => Assert.Contains("value-of-" + name, text));
            Assert.DoesNotContain("[[", text);
            Assert.DoesNotContain("{", text.Replace("{resource_type}", "")); // every placeholder was filled
        }
    }

    [Fact]
    public async Task Optional_parts_disappear_without_their_argument_and_required_ones_are_enforced()
    {
        await using var client = await ServerProcess.ConnectAsync();
        var audit = await client.GetPromptAsync("security_audit", new Dictionary<string, object?>());
        var text = ((TextContentBlock)audit.Messages.Single().Content).Text;
        Assert.StartsWith("Perform a security audit using only read-only commands", text);
        Assert.Contains("describe_command", text);

        var missing = await Assert.ThrowsAsync<McpProtocolException>(async () => await client.GetPromptAsync("troubleshoot_service", new Dictionary<string, object?>()));
        Assert.Contains("needs service", missing.Message);
        var unknown = await Assert.ThrowsAsync<McpProtocolException>(async () =>
            await client.GetPromptAsync("security_audit", new Dictionary<string, object?> { ["servcie"] = "s3" }));
        Assert.Contains("no argument 'servcie'", unknown.Message);
    }
}
