using System.Text.Json;
using AwsMcpTyped.Describe;
using AwsMcpTyped.Execution;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server.Tools;

/// <summary>describe_command(service, command?, parameter?): help from the built-in catalogue, for the installed CLI's
/// version (the executor's view: what execute_command will accept).</summary>
internal sealed class DescribeCommandTool(CommandExecutor executor) : FixedTool
{
    private CommandDescriber? _describer;

    public override Tool ProtocolTool { get; } = new()
    {
        Name = "describe_command",
        Title = "Describe an AWS CLI command",
        Description = "Help for an AWS CLI service, command or option, like `aws <service> <command> help` but instant and offline. " +
                      "service alone lists its commands (command may be a pattern such as \"describe-*\"); with command, the full page " +
                      "(synopsis, options with types and allowed values, examples, output); with parameter, one option's full structure " +
                      "and shorthand/JSON syntax. Use it before execute_command.",
        InputSchema = ToolResults.Schema("""
            {"type":"object","properties":{
              "service":{"type":"string","description":"CLI service name, e.g. ec2, s3, s3api, lambda, configure"},
              "command":{"type":"string","description":"Command, e.g. describe-instances or 'wait instance-running', or a pattern such as describe-*"},
              "parameter":{"type":"string","description":"One option of the command, e.g. --filters"}},
             "required":["service"],"additionalProperties":false}
            """),
        Annotations = new ToolAnnotations { Title = "Describe an AWS CLI command", ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false },
    };

    protected override async ValueTask<CallToolResult> RunAsync(IDictionary<string, JsonElement> arguments, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var service = ToolResults.OptionalString(arguments, "service");
        if (string.IsNullOrWhiteSpace(service))
            return ToolResults.Error("'service' is required, e.g. {\"service\":\"s3\"}.");
        _describer ??= new CommandDescriber(await executor.CatalogueAsync().WaitAsync(cancellationToken));
        var result = _describer.Describe(service, ToolResults.OptionalString(arguments, "command"), ToolResults.OptionalString(arguments, "parameter"));
        return ToolResults.Text(result.Text, result.IsError);
    }
}
