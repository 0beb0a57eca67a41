using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Text;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server.Tools;

/// <summary>enable_service(service): lists a service's operations as typed tools from now on, and tells the client
/// (notifications/tools/list_changed).</summary>
internal sealed class EnableServiceTool(AwsCatalogue catalogue, TypedToolRegistry registry) : FixedTool
{
    public override Tool ProtocolTool { get; } = new()
    {
        Name = "enable_service",
        Title = "Add a service's typed tools",
        Description = "Adds every operation of an AWS CLI service (e.g. ec2, s3api, lambda) as a typed tool with a JSON schema, " +
                      "and notifies the client that the tool list changed. execute_command works for every service without this.",
        InputSchema = ToolResults.Schema("""
            {"type":"object","properties":{"service":{"type":"string","description":"CLI service name, e.g. s3api"}},
             "required":["service"],"additionalProperties":false}
            """),
        Annotations = new ToolAnnotations { Title = "Add a service's typed tools", ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false },
    };

    protected override async ValueTask<CallToolResult> RunAsync(IDictionary<string, JsonElement> arguments, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var name = ToolResults.OptionalString(arguments, "service");
        var service = name is null ? null : catalogue.FindService(name.Trim().ToLowerInvariant());
        if (service is null || service.BotocoreName is null)
        {
            return ToolResults.Error($"Unknown service '{name}'.{NameSuggester.DidYouMean(name ?? "", catalogue.ApiServiceNames)} Typed tools exist for API services (s3api, ec2, lambda, …).");
        }
        var added = registry.Enable(service);
        if (added == 0)
            return ToolResults.Text($"{service.Name} is already enabled.");
        await request.Server.SendNotificationAsync(NotificationMethods.ToolListChangedNotification, cancellationToken);
        var names = TypedToolRegistry.Operations(service).Take(8).Select(c => TypedToolNames.For(service.Name, c.Name));
        return ToolResults.Text($"Enabled {added} typed tools for {service.Name}, e.g. {string.Join(", ", names)}. The tool list has changed.");
    }
}
