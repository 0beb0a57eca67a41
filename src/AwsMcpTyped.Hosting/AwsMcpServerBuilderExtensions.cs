using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Server;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Hosting;

/// <summary>Adds AwsMcpTyped to a .NET MCP server in one line:
/// <c>builder.Services.AddMcpServer().WithStdioServerTransport().WithAwsTools(o => o.Services.Add("s3api"));</c></summary>
public static class AwsMcpServerBuilderExtensions
{
    /// <summary>Adds describe_command, execute_command, suggest_commands, enable_service, the typed tools of
    /// <see cref="AwsToolsOptions.Services"/>, the aws://config resources and the prompts. Call once per server.</summary>
    public static IMcpServerBuilder WithAwsTools(this IMcpServerBuilder builder, Action<AwsToolsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var aws = new AwsToolsOptions();
        configure?.Invoke(aws);
        var executor = CommandExecutor.CreateDefault(aws.Policy, aws.AuditLog);
        var settings = new ServerSettings { TypedServices = [.. aws.Services], PageSize = aws.PageSize };
        builder.Services.AddSingleton(executor);
        builder.Services.Configure<McpServerOptions>(options => AwsMcpServer.AddTo(options, settings, AwsCatalogue.Default, executor));
        return builder;
    }
}
