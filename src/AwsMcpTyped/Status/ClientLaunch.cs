using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwsMcpTyped.Status;

/// <summary>How an MCP client starts this very program: <c>dotnet &lt;dll&gt; serve</c> when it runs from a dll, else the
/// executable (the .NET tool's <c>awsmcp</c>, a self-contained publish) with <c>serve</c>.</summary>
public static class ClientLaunch
{
    /// <summary>The command and its arguments.</summary>
    public static (string Command, IReadOnlyList<string> Arguments) Current()
    {
        var process = Environment.ProcessPath ?? "awsmcp";
        var entry = Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && !string.IsNullOrEmpty(entry)
            ? (process, [entry, "serve"])
            : (process, ["serve"]);
    }

    /// <summary>The <c>mcpServers</c> block for Claude Desktop and Cursor, with the profile and region in effect.</summary>
    public static string ConfigSnippet(string? profile, string? region)
    {
        var (command, arguments) = Current();
        var environment = new JsonObject();
        if (profile is not null)
            environment["AWS_PROFILE"] = profile;
        if (region is not null)
            environment["AWS_DEFAULT_REGION"] = region; // the region variable both CLI versions read
        var server = new JsonObject
        {
            ["command"] = command,
            ["args"] = new JsonArray(arguments.Select(a => (JsonNode)a).ToArray()),
            ["env"] = environment,
        };
        return new JsonObject { ["mcpServers"] = new JsonObject { ["aws"] = server } }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
