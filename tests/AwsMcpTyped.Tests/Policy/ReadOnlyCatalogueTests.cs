using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Policy;
using AwsMcpTyped.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>Read-only mode over the whole catalogue, not a sample: every write, destructive and sensitive-read command
/// of every service is denied and every read is allowed; and a read-only server lists no write tool.</summary>
[Trait("Category", InstalledAwsCli.Category)]
public sealed class ReadOnlyCatalogueTests
{
    [Fact]
    public void Every_command_of_the_catalogue_is_decided_by_its_access_class()
    {
        var engine = new PolicyEngine(new SafetyPolicy { ReadOnly = true });
        var counts = new Dictionary<AccessClass, int>();
        foreach (var name in AwsCatalogue.Default.ServiceNames)
        {
            var service = AwsCatalogue.Default.FindService(name)!;
            foreach (var command in service.Commands)
            {
                var decision = engine.Decide(new PolicySubject(service.Name, command.Name, command.Access, "us-east-1", "default"));
                var expected = command.Access == AccessClass.Read ? PolicyVerdict.Allowed : PolicyVerdict.Denied;
                Assert.True(expected == decision.Verdict, $"{service.Name} {command.Name} ({command.Access}): {decision.Verdict}");
                Assert.Equal(command.Access == AccessClass.Read, engine.MayList(service.Name, command));
                counts[command.Access] = counts.GetValueOrDefault(command.Access) + 1;
            }
        }
        Assert.True(counts[AccessClass.Write] > 7000 && counts[AccessClass.Destructive] > 2000 && counts[AccessClass.SensitiveRead] > 100);
    }

    [Fact]
    public async Task A_read_only_server_lists_no_write_tool()
    {
        await using var client = await ServerProcess.ConnectAsync(new Dictionary<string, string?>
        {
            ["AWS_MCP_READ_ONLY"] = "true", ["AWS_MCP_SERVICES"] = "s3api,ec2,iam,secretsmanager",
        });
        var tools = (await client.ListToolsAsync()).Select(t => t.ProtocolTool).ToList(); // the SDK follows the cursor

        var typed = tools.Where(t => t.Name.Contains('_') && t.Name is not ("describe_command" or "execute_command" or "suggest_commands" or "enable_service")).ToList();
        Assert.True(typed.Count > 250, $"only {typed.Count} typed tools");
        Assert.All(typed, t => Assert.True(t.Annotations?.ReadOnlyHint, t.Name));
        Assert.DoesNotContain(typed, t => t.Name is "s3api_create_bucket" or "ec2_terminate_instances" or "secretsmanager_get_secret_value");
        Assert.Contains(typed, t => t.Name == "s3api_list_buckets");
    }
}
