using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using ModelContextProtocol;
using AwsMcpTyped.Server.Tools;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Server;

[Trait("Category", InstalledAwsCli.Category)]
public sealed class TypedToolNameTests
{
    [Fact]
    public void Every_operation_has_a_valid_unique_mcp_tool_name()
    {
        var names = AwsCatalogue.Default.LoadAll()
            .Where(s => s.AliasOf is null && s.BotocoreName is not null)
            .SelectMany(s => s.Commands.Where(c => c.Kind == CommandKind.Operation).Select(c => TypedToolNames.For(s.Name, c.Name)))
            .ToList();
        Assert.True(names.Count >= 18_300, $"{names.Count} operations");
        Assert.All(names, name => Assert.True(TypedToolNames.IsValid(name), name));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("ec2_describe_instances", TypedToolNames.For("ec2", "describe-instances"));
    }

    /// <summary>What tools/list does for each tool, for every operation of every service: one broken schema would
    /// make tools/list fail for the whole service.</summary>
    [Fact]
    public void Every_typed_tool_describes_itself_as_tools_list_serializes_it()
    {
        var executor = CommandExecutor.CreateDefault();
        var failures = new List<string>();
        var count = 0;
        // Each CLI version's tables: the merged one may list an argument twice (once per version), a tool never does.
        foreach (var catalogue in new[] { CliDialects.V1, CliDialects.V2 }.Select(AwsCatalogue.Default.ForDialect))
        foreach (var service in catalogue.LoadAll().Where(s => s.AliasOf is null && s.BotocoreName is not null))
        {
            foreach (var command in TypedToolRegistry.Operations(service))
            {
                count++;
                try
                {
                    var tool = new TypedOperationTool(catalogue, executor, service, command).ProtocolTool;
                    _ = JsonSerializer.SerializeToUtf8Bytes(tool, McpJsonUtilities.DefaultOptions);
                }
                catch (Exception error)
                {
                    failures.Add($"{service.Name} {command.Name}: {error.GetType().Name}: {error.Message}");
                }
            }
        }
        Assert.True(count > 18_000, $"{count} tools");
        Assert.True(failures.Count == 0, $"{failures.Count} tools fail:\n" + string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Long_names_are_shortened_stably()
    {
        var name = TypedToolNames.For("sagemaker-featurestore-runtime", new string('x', 70));
        Assert.Equal(64, name.Length);
        Assert.Equal(name, TypedToolNames.For("sagemaker-featurestore-runtime", new string('x', 70)));
    }
}
