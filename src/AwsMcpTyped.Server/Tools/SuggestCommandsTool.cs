using System.Text;
using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Suggest;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server.Tools;

/// <summary>suggest_commands(query): natural language → the five most likely AWS CLI commands, offline, from an index
/// over the catalogue (names, documentation, the CLI's example titles).</summary>
internal sealed class SuggestCommandsTool(CommandSuggester suggester) : FixedTool
{
    public override Tool ProtocolTool { get; } = new()
    {
        Name = "suggest_commands",
        Title = "Find AWS CLI commands for a task",
        Description = "Turns a task in plain words (\"list my s3 buckets\", \"who am I\", \"tail lambda logs\") into the five most " +
                      "likely AWS CLI commands, each with a one-line description, its access class and its required arguments. " +
                      "Offline and instant. Follow up with describe_command for the details.",
        InputSchema = ToolResults.Schema("""
            {"type":"object","properties":{"query":{"type":"string","description":"What you want to do, in plain words"}},
             "required":["query"],"additionalProperties":false}
            """),
        Annotations = new ToolAnnotations { Title = "Find AWS CLI commands for a task", ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false },
    };

    protected override ValueTask<CallToolResult> RunAsync(IDictionary<string, JsonElement> arguments, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var query = ToolResults.OptionalString(arguments, "query");
        if (string.IsNullOrWhiteSpace(query))
            return ValueTask.FromResult(ToolResults.Error("'query' is required, e.g. {\"query\":\"list my s3 buckets\"}."));

        var suggestions = suggester.Suggest(query);
        if (suggestions.Count == 0)
        {
            return ValueTask.FromResult(ToolResults.Text(
                $"No AWS CLI command matches '{query}'. Rephrase with the service or resource (e.g. \"s3 bucket\", \"ec2 instance\"), or list a service's commands with describe_command."));
        }
        var text = new StringBuilder();
        foreach (var (suggestion, rank) in suggestions.Select((s, i) => (s, i + 1)))
        {
            text.Append(rank).Append(". ").Append(suggestion.CommandLine);
            foreach (var argument in suggestion.RequiredArguments)
                text.Append(' ').Append(argument).Append(" <value>");
            text.Append("  [").Append(suggestion.Access.ToWireName()).Append("]\n   ").Append(suggestion.Summary).Append('\n');
        }
        var structured = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["suggestions"] = suggestions.Select(s => new Dictionary<string, object>
            {
                ["service"] = s.Service,
                ["command"] = s.Command,
                ["summary"] = s.Summary,
                ["access"] = s.Access.ToWireName(),
                ["required_arguments"] = s.RequiredArguments,
            }).ToList(),
        });
        return ValueTask.FromResult(ToolResults.Text(text.ToString(), structured: structured));
    }
}
