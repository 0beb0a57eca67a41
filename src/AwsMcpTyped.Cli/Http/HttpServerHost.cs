using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Cli.Commands;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Running;
using AwsMcpTyped.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AwsMcpTyped.Cli.Http;

/// <summary><c>awsmcp serve --http</c>: the Streamable HTTP endpoint at http://HOST:PORT/mcp on plain ASP.NET Core.</summary>
internal static class HttpServerHost
{
    public static async Task<int> RunAsync(HttpServerSettings settings, bool readOnly, CancellationToken cancellationToken)
    {
        if (!settings.IsLoopback && settings.Token is null)
        {
            await Console.Error.WriteLineAsync($"awsmcp: binding to {settings.Host} needs a bearer token: set AWS_MCP_HTTP_TOKEN.");
            return 2;
        }
        if (ServeCommand.CreateOptions(readOnly, requireInitialize: false) is not { } options)
            return 2;
        var endpoint = new StreamableHttpEndpoint(settings, () => options);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://{(settings.Host.Contains(':') ? "[" + settings.Host + "]" : settings.Host)}:{settings.Port}");
        var app = builder.Build();
        app.MapPost("/mcp", endpoint.HandlePostAsync);
        app.MapMethods("/mcp", ["GET", "DELETE"], context =>
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed; // stateless: no sessions, no server-sent stream
            context.Response.Headers.Allow = "POST";
            return Task.CompletedTask;
        });
        await Console.Error.WriteLineAsync($"awsmcp: MCP Streamable HTTP on http://{settings.Host}:{settings.Port}/mcp");
        Commands.ServeCommand.ReportContainment();
        await app.StartAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        // Kestrel's graceful stop waits for requests in progress: cancel their commands (killing their process trees)
        // first, so those requests end at once with a cancelled result.
        await RunningPipelines.StopAllAsync(RunningPipelines.DefaultGrace);
        await app.StopAsync(CancellationToken.None);
        return 0;
    }
}
