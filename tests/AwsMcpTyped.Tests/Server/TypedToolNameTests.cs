using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Server.Tools;

namespace AwsMcpTyped.Tests.Server;

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

    [Fact]
    public void Long_names_are_shortened_stably()
    {
        var name = TypedToolNames.For("sagemaker-featurestore-runtime", new string('x', 70));
        Assert.Equal(64, name.Length);
        Assert.Equal(name, TypedToolNames.For("sagemaker-featurestore-runtime", new string('x', 70)));
    }
}
