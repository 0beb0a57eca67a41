using System.Reflection;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Describe;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Server.Prompts;
using AwsMcpTyped.Server.Resources;
using AwsMcpTyped.Server.Tools;
using AwsMcpTyped.Text;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server;

/// <summary>
/// Builds the server's <see cref="McpServerOptions"/>: the fixed tools (describe_command, execute_command,
/// enable_service) in the SDK's collection, and the typed catalogue tools behind paged list/call handlers.
/// </summary>
public static class AwsMcpServer
{
    public const string Instructions =
        "AWS through the AWS CLI. describe_command gives instant, offline help for any service, command or option; " +
        "execute_command runs a validated `aws …` command (optionally `| jq/grep/sort/head/…`), never through a shell. " +
        "suggest_commands finds commands for a task in plain words. " +
        "Typed tools (<service>_<command>) take the API's JSON input; enable_service adds a service's typed tools. " +
        "Prefer read-only commands first; use --query and --max-items to keep output small.";

    /// <summary>Options for our own server (awsmcp serve): server info, instructions, the protocol guards, and
    /// everything <see cref="AddTo"/> adds.</summary>
    public static McpServerOptions CreateOptions(ServerSettings settings, AwsCatalogue catalogue, CommandExecutor executor, bool requireInitialize = true)
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation
            {
                Name = "awsmcptyped",
                Title = "AwsMcpTyped: the AWS CLI, typed",
                Version = typeof(AwsMcpServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0",
            },
            ServerInstructions = Instructions,
        };
        options.Filters.Message.IncomingFilters.Add(ProtocolGuards.Create(requireInitialize));
        AddTo(options, settings, catalogue, executor);
        return options;
    }

    /// <summary>
    /// Adds the AWS tools (describe_command, execute_command, suggest_commands, enable_service and the typed tools of
    /// <see cref="ServerSettings.TypedServices"/>), the six resources and the ten prompts to a server's options, ours
    /// or another .NET MCP server's (the hosting package's WithAwsTools). Typed tools are listed and called through
    /// ListToolsHandler/CallToolHandler (paged, added at run time), so those handlers must be free.
    /// </summary>
    public static void AddTo(McpServerOptions options, ServerSettings settings, AwsCatalogue catalogue, CommandExecutor executor)
    {
        if (options.Handlers.ListToolsHandler is not null || options.Handlers.CallToolHandler is not null)
        {
            throw new InvalidOperationException("AwsMcpTyped serves its typed tools through ListToolsHandler/CallToolHandler, and this server " +
                "already has one. Register your other tools as McpServerTool instances (WithTools) instead.");
        }
        var registry = new TypedToolRegistry(catalogue, executor);
        foreach (var name in settings.TypedServices)
        {
            var service = catalogue.FindService(name) ?? throw new ArgumentException(
                $"AWS_MCP_SERVICES names an unknown service '{name}'.{NameSuggester.DidYouMean(name, catalogue.ServiceNames)}");
            registry.Enable(service);
        }

        options.Capabilities ??= new ServerCapabilities();
        options.Capabilities.Tools ??= new ToolsCapability();
        options.Capabilities.Tools.ListChanged = true;
        options.Capabilities.Prompts ??= new PromptsCapability();
        options.Capabilities.Resources ??= new ResourcesCapability();

        // Once the client has its initialize answer, find out what the CLI is (a process or two), so the first call
        // that needs the CLI's dialect, and aws://server/status, rarely wait for it.
        options.Handlers.NotificationHandlers = [.. options.Handlers.NotificationHandlers ?? [],
            new(NotificationMethods.InitializedNotification, (_, _) => { ServerWarmup.StartCliDetection(executor); return ValueTask.CompletedTask; })];

        var aws = new AwsReader(executor);
        options.ResourceCollection ??= [];
        foreach (var resource in new McpServerResource[] { new ProfilesResource(), new RegionsResource(catalogue), new RegionResource(catalogue, aws), new EnvironmentResource(executor), new AccountResource(aws), new StatusResource(executor, catalogue) })
            options.ResourceCollection.Add(resource);
        options.PromptCollection ??= [];
        foreach (var prompt in PromptLibrary.Load())
            options.PromptCollection.Add(prompt);
        // The search index is precomputed at build time and read on the first suggest_commands call (tens of ms
        // instead of ~3 s to build it); reading it at start would only delay the initialize answer.
        var suggester = PrecomputedSuggestIndex.CreateSuggester(catalogue);
        var tools = options.ToolCollection ??= [];
        foreach (var tool in new McpServerTool[]
        {
            new DescribeCommandTool(executor), new ExecuteCommandTool(executor),
            new SuggestCommandsTool(suggester), new EnableServiceTool(catalogue, registry),
        })
            tools.Add(tool);
        options.Handlers.ListToolsHandler = (request, _) => ValueTask.FromResult(ListPage(registry, settings.PageSize, request.Params?.Cursor));
        options.Handlers.CallToolHandler = (request, cancellationToken) =>
        {
            var name = request.Params?.Name ?? "";
            if (registry.Find(name) is null && registry.WhyWithheld(name) is { } refusal)
                return ValueTask.FromResult(ToolResults.Error(refusal));
            var tool = registry.Find(name) ?? throw new McpProtocolException(
                $"Unknown tool '{name}'.{NameSuggester.DidYouMean(name, registry.Snapshot().Select(t => t.Name).Concat(tools.Select(t => t.ProtocolTool.Name)))}",
                McpErrorCode.InvalidParams);
            return tool.InvokeAsync(request, cancellationToken);
        };
    }

    /// <summary>Typed tools, one page per cursor (an offset). The SDK puts the fixed tools on the first page.</summary>
    private static ListToolsResult ListPage(TypedToolRegistry registry, int pageSize, string? cursor)
    {
        var tools = registry.Snapshot();
        var offset = 0;
        if (cursor is not null && (!int.TryParse(cursor, out offset) || offset < 0 || offset > tools.Count))
            throw new McpProtocolException($"Invalid cursor '{cursor}'.", McpErrorCode.InvalidParams);
        var page = tools.Skip(offset).Take(pageSize).Select(t => t.ProtocolTool).ToList();
        var next = offset + page.Count;
        return new ListToolsResult { Tools = page, NextCursor = next < tools.Count ? next.ToString(System.Globalization.CultureInfo.InvariantCulture) : null };
    }
}
