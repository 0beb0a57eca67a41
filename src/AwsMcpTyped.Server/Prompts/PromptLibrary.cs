using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server.Prompts;

/// <summary>The server's prompts, read from the embedded prompts.json.</summary>
internal static class PromptLibrary
{
    public static IReadOnlyList<McpServerPrompt> Load()
    {
        using var stream = typeof(PromptLibrary).Assembly.GetManifestResourceStream("AwsMcpTyped.Server.Prompts.prompts.json")
            ?? throw new InvalidOperationException("prompts.json is not embedded");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("prompts").EnumerateArray().Select(entry => (McpServerPrompt)new TemplatePrompt(new Prompt
        {
            Name = entry.GetProperty("name").GetString()!,
            Title = entry.GetProperty("title").GetString(),
            Description = entry.GetProperty("description").GetString(),
            Arguments = entry.GetProperty("arguments").EnumerateArray().Select(a => new PromptArgument
            {
                Name = a.GetProperty("name").GetString()!,
                Description = a.GetProperty("description").GetString(),
                Required = a.TryGetProperty("required", out var required) && required.GetBoolean(),
            }).ToList(),
        }, entry.GetProperty("text").GetString()!)).ToList();
    }
}
