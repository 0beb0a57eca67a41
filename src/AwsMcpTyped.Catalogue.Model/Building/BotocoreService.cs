using System.Text.Json.Nodes;

namespace AwsMcpTyped.Catalogue.Building;

/// <summary>The latest-version model files of one botocore service.</summary>
internal sealed record BotocoreService(
    string Name,
    string ApiVersion,
    JsonObject Model,
    JsonObject? Paginators,
    JsonObject? Waiters,
    JsonObject? Examples)
{
    public JsonObject Operations => Model["operations"]?.AsObject() ?? [];
    public JsonObject Shapes => Model["shapes"]?.AsObject() ?? [];
    public JsonObject Metadata => Model["metadata"]?.AsObject() ?? [];

    public JsonObject? Shape(string? name) => name is null ? null : Shapes[name] as JsonObject;

    public JsonObject? Paginator(string operation) => Paginators?["pagination"]?[operation] as JsonObject;
}
