using AwsMcpTyped.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A .NET MCP server over stdio with the AWS tools added in one line: describe_command, execute_command,
// suggest_commands, enable_service, typed tools for s3api, the aws://config resources and the prompts, read-only.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace); // stdout is for JSON-RPC only
builder.Services
    .AddMcpServer()
    .WithStdioServerTransport()
    .WithAwsTools(aws => aws.ReadOnly().Services.Add("s3api"));
await builder.Build().RunAsync();
