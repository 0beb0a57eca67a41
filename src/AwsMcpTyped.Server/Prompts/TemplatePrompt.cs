using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server.Prompts;

/// <summary>A prompt rendered from its template in prompts.json: <c>{name}</c> becomes the argument's value and
/// <c>[[name: text]]</c> is kept only when that argument was given.</summary>
internal sealed partial class TemplatePrompt(Prompt prompt, string template) : McpServerPrompt
{
    public override Prompt ProtocolPrompt { get; } = prompt;

    public override IReadOnlyList<object> Metadata { get; } = [];

    public override ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Params?.Arguments ?? new Dictionary<string, JsonElement>())
        {
            if (ProtocolPrompt.Arguments?.Any(a => a.Name == name) != true)
                throw new McpProtocolException($"Prompt '{ProtocolPrompt.Name}' has no argument '{name}'. Arguments: {string.Join(", ", ProtocolPrompt.Arguments?.Select(a => a.Name) ?? [])}.", McpErrorCode.InvalidParams);
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            if (!string.IsNullOrWhiteSpace(text))
                given[name] = text.Trim();
        }
        var missing = ProtocolPrompt.Arguments?.Where(a => a.Required == true && !given.ContainsKey(a.Name)).Select(a => a.Name).ToList() ?? [];
        if (missing.Count > 0)
            throw new McpProtocolException($"Prompt '{ProtocolPrompt.Name}' needs {string.Join(", ", missing)}.", McpErrorCode.InvalidParams);

        var withOptional = Optional().Replace(template, m => given.ContainsKey(m.Groups["name"].Value) ? m.Groups["text"].Value : "");
        var rendered = Placeholder().Replace(withOptional, m => given.GetValueOrDefault(m.Groups["name"].Value, m.Value));
        return ValueTask.FromResult(new GetPromptResult
        {
            Description = ProtocolPrompt.Description,
            Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = rendered } }],
        });
    }

    [GeneratedRegex(@"\[\[(?<name>\w+):(?<text>[^\]]*)\]\]")]
    private static partial Regex Optional();

    [GeneratedRegex(@"\{(?<name>\w+)\}")]
    private static partial Regex Placeholder();
}
