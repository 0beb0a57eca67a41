namespace AwsMcpTyped.Server;

/// <summary>The MCP server's own settings (AWS_MCP_* variables; the executor's are in ExecutionPolicy).</summary>
public sealed record ServerSettings
{
    /// <summary>Services whose operations are listed as typed tools by default: small, so tools/list stays small.</summary>
    public static readonly IReadOnlyList<string> DefaultServices = ["sts"];

    /// <summary>CLI service names whose operations are typed tools from the start (AWS_MCP_SERVICES, comma-separated).</summary>
    public IReadOnlyList<string> TypedServices { get; init; } = DefaultServices;

    /// <summary>Tools per tools/list page.</summary>
    public int PageSize { get; init; } = 100;

    public static ServerSettings FromEnvironment()
    {
        var services = Environment.GetEnvironmentVariable("AWS_MCP_SERVICES");
        return new ServerSettings
        {
            TypedServices = services is null
                ? DefaultServices
                : services.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }
}
