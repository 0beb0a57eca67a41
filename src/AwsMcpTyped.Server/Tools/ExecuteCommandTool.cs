using System.Text.Json;
using AwsMcpTyped.Execution;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server.Tools;

/// <summary>execute_command(command, timeout?, region?, profile?): a validated AWS CLI command, optionally piped
/// through jq/grep/sort/… filters, run without a shell.</summary>
internal sealed class ExecuteCommandTool(CommandExecutor executor) : FixedTool
{
    public override Tool ProtocolTool { get; } = new()
    {
        Name = "execute_command",
        Title = "Run an AWS CLI command",
        Description = "Runs an AWS CLI command, e.g. \"aws s3 ls\" or \"aws ec2 describe-instances --region us-west-2\", optionally piped " +
                      "through filters: jq, grep, sort, head, tail, wc, cut, uniq, tr, awk, sed, column " +
                      "(\"aws s3api list-buckets --query 'Buckets[*].Name' --output text | sort\"). No shell: ;, &&, redirections, $(…) " +
                      "and variables are refused, and the command is checked against the AWS CLI's own command table before it runs. " +
                      "Output is cut at 100,000 characters; narrow it with --query, --max-items or a filter.",
        InputSchema = ToolResults.Schema("""
            {"type":"object","properties":{
              "command":{"type":"string","description":"The AWS CLI command line, starting with aws"},
              "timeout":{"type":"integer","minimum":1,"description":"Seconds before the command is stopped (default 300)"},
              "region":{"type":"string","description":"AWS region for this call (a --region in the command wins)"},
              "profile":{"type":"string","description":"AWS profile for this call"}},
             "required":["command"],"additionalProperties":false}
            """),
        Annotations = new ToolAnnotations { Title = "Run an AWS CLI command", ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = false, OpenWorldHint = true },
    };

    protected override async ValueTask<CallToolResult> RunAsync(IDictionary<string, JsonElement> arguments, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var command = ToolResults.OptionalString(arguments, "command");
        if (string.IsNullOrWhiteSpace(command))
            return ToolResults.Error("'command' is required, e.g. {\"command\":\"aws s3 ls\"}.");
        var options = new ExecuteOptions
        {
            TimeoutSeconds = ToolResults.OptionalInteger(arguments, "timeout"),
            Region = ToolResults.OptionalString(arguments, "region"),
            Profile = ToolResults.OptionalString(arguments, "profile"),
            Caller = ProtocolTool.Name,
            Consent = ElicitationConsent.For(request.Server),
        };
        var running = executor.ExecuteAsync(command, options, cancellationToken);
        if (request.Params?.ProgressToken is { } token)
            await ReportProgressAsync(request.Server, token, running, options.TimeoutSeconds, cancellationToken);
        var result = await running;
        return ToolResults.Text(result.ToText(), result.IsError, Summary(result));
    }

    /// <summary>While the command runs, tells a client that asked (progressToken) how long it has been running,
    /// every <see cref="ProgressInterval"/>; the timeout, when known, is the total.</summary>
    private static async Task ReportProgressAsync(McpServer server, ProgressToken token, Task running, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await Task.WhenAny(running, Task.Delay(ProgressInterval, cancellationToken)) != running && !cancellationToken.IsCancellationRequested)
        {
            var seconds = (float)Math.Round(clock.Elapsed.TotalSeconds);
            await server.NotifyProgressAsync(token, new ProgressNotificationValue
            {
                Progress = seconds,
                Total = timeoutSeconds,
                Message = $"still running after {seconds:F0} s" + (timeoutSeconds is { } limit ? $" (timeout {limit} s)" : ""),
            }, cancellationToken: cancellationToken);
        }
    }

    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <summary>Status, exit code and duration as structured content (the output itself is in the text, once).</summary>
    private static JsonElement Summary(ExecutionResult result) => JsonSerializer.SerializeToElement(new Dictionary<string, object?>
    {
        ["status"] = result.Status.ToString().ToLowerInvariant(),
        ["exit_code"] = result.ExitCode,
        ["duration_ms"] = (long)result.Duration.TotalMilliseconds,
        ["truncated"] = result.Truncated,
        ["error"] = result.Error?.ToString(),
    });
}
