using System.Text.Json;
using AwsMcpTyped.Server.Tools;
using AwsMcpTyped.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Server;

/// <summary>The built server as a separate process, driven by the official C# MCP client over stdio, with the
/// real AWS CLI and moto behind it.</summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class McpServerTests(MotoServer moto)
{
    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    private static async Task<CallToolResult> Call(McpClient client, string tool, Dictionary<string, object?> arguments) =>
        await client.CallToolAsync(tool, arguments);

    [Fact]
    public async Task Initialize_reports_the_server_and_its_instructions()
    {
        await using var client = await ServerProcess.ConnectAsync();
        Assert.Equal("awsmcptyped", client.ServerInfo?.Name);
        Assert.Contains("describe_command", client.ServerInstructions ?? "");
        Assert.True(client.ServerCapabilities.Tools?.ListChanged);
    }

    [Fact]
    public async Task Default_tools_list_is_small_and_has_the_fixed_and_default_typed_tools()
    {
        await using var client = await ServerProcess.ConnectAsync();
        var page = await client.ListToolsAsync(new ListToolsRequestParams());
        var names = page.Tools.Select(t => t.Name).ToList();
        Assert.Contains("describe_command", names);
        Assert.Contains("execute_command", names);
        Assert.Contains("enable_service", names);
        Assert.Contains("sts_get_caller_identity", names);
        Assert.Null(page.NextCursor);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(page.Tools).Length;
        Assert.True(bytes <= 40_000, $"tools/list is {bytes} bytes");
        var identity = page.Tools.Single(t => t.Name == "sts_get_caller_identity");
        Assert.True(identity.Annotations!.ReadOnlyHint);
        Assert.Equal("object", identity.InputSchema.GetProperty("type").GetString());
        Assert.NotNull(identity.OutputSchema);
    }

    [Fact]
    public async Task Tools_list_pages_with_a_cursor()
    {
        await using var client = await ServerProcess.ConnectAsync(new Dictionary<string, string?> { ["AWS_MCP_SERVICES"] = "ec2" });
        var names = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await client.ListToolsAsync(new ListToolsRequestParams { Cursor = cursor });
            names.AddRange(page.Tools.Select(t => t.Name));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);
        Assert.True(pages > 5, $"{pages} pages");
        Assert.Contains("ec2_describe_instances", names);
        Assert.Contains("describe_command", names);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.True(TypedToolNames.IsValid(n), n));
        await Assert.ThrowsAsync<McpProtocolException>(async () => await client.ListToolsAsync(new ListToolsRequestParams { Cursor = "not-a-cursor" }));
    }

    [Fact]
    public async Task Describe_command_answers_from_the_catalogue()
    {
        await using var client = await ServerProcess.ConnectAsync();
        var page = await Call(client, "describe_command", new() { ["service"] = "ec2", ["command"] = "describe-instances" });
        Assert.NotEqual(true, page.IsError);
        Assert.Contains("--instance-ids", Text(page));
        var unknown = await Call(client, "describe_command", new() { ["service"] = "ec22" });
        Assert.True(unknown.IsError);
        Assert.Contains("Did you mean", Text(unknown));
        var missing = await Call(client, "describe_command", new());
        Assert.True(missing.IsError);
        Assert.Contains("'service' is required", Text(missing));
    }

    [Fact]
    public async Task Execute_command_runs_against_moto_and_refuses_shell_syntax()
    {
        var bucket = "mcp-" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal(0, (await moto.AwsAsync("s3", "mb", "s3://" + bucket)).ExitCode);
        await using var client = await ServerProcess.ConnectAsync();
        var ok = await Call(client, "execute_command", new() { ["command"] = "aws s3api list-buckets --query 'Buckets[].Name' --output text | tr '\\t' '\\n' | sort" });
        Assert.NotEqual(true, ok.IsError);
        Assert.Contains(bucket, Text(ok));
        Assert.Equal("success", ok.StructuredContent!.Value.GetProperty("status").GetString());

        var rejected = await Call(client, "execute_command", new() { ["command"] = $"aws s3 mb s3://{bucket}-x; rm -rf /" });
        Assert.True(rejected.IsError);
        Assert.Contains("nothing was run", Text(rejected));
        Assert.False(await moto.BucketExistsAsync(bucket + "-x"));

        var badType = await Call(client, "execute_command", new() { ["command"] = "aws s3 ls", ["timeout"] = "soon" });
        Assert.True(badType.IsError);
        Assert.Contains("'timeout' must be a whole number", Text(badType));
    }

    [Fact]
    public async Task Enable_service_adds_typed_tools_that_create_and_list_buckets()
    {
        var changed = new TaskCompletionSource();
        var options = new McpClientOptions();
        await using var client = await ServerProcess.ConnectAsync(options: options);
        await using var subscription = client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            changed.TrySetResult();
            return ValueTask.CompletedTask;
        });

        var enabled = await Call(client, "enable_service", new() { ["service"] = "s3api" });
        Assert.NotEqual(true, enabled.IsError);
        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var bucket = "typed-" + Guid.NewGuid().ToString("N")[..12];
        var created = await Call(client, "s3api_create_bucket", new() { ["Bucket"] = bucket });
        Assert.True(created.IsError != true, Text(created));
        Assert.True(await moto.BucketExistsAsync(bucket));

        var listed = await Call(client, "s3api_list_buckets", new());
        Assert.True(listed.IsError != true, Text(listed));
        var names = listed.StructuredContent!.Value.GetProperty("Buckets").EnumerateArray().Select(b => b.GetProperty("Name").GetString());
        Assert.Contains(bucket, names);

        var wrongType = await Call(client, "s3api_create_bucket", new() { ["Bucket"] = 5 });
        Assert.True(wrongType.IsError);
        Assert.Contains("'Bucket' must be a string", Text(wrongType));
        var missing = await Call(client, "s3api_create_bucket", new());
        Assert.True(missing.IsError);
        Assert.Contains("needs Bucket", Text(missing));
        var unknownArgument = await Call(client, "s3api_create_bucket", new() { ["Bucket"] = bucket, ["Buckt"] = "x" });
        Assert.True(unknownArgument.IsError);
        Assert.Contains("Did you mean: Bucket", Text(unknownArgument));
        // Members are checked by the same validator as execute_command's (the typed tool hands it argument words).
        var unknownMember = await Call(client, "s3api_create_bucket",
            new() { ["Bucket"] = bucket + "-2", ["CreateBucketConfiguration"] = new Dictionary<string, object?> { ["LocationConstrant"] = "eu-west-1" } });
        Assert.True(unknownMember.IsError);
        Assert.Contains("Unknown member 'LocationConstrant' in --cli-input-json.CreateBucketConfiguration. Did you mean: LocationConstraint?", Text(unknownMember));
    }

    [Fact]
    public async Task Typed_ec2_describe_instances_returns_structured_content()
    {
        await using var client = await ServerProcess.ConnectAsync(new Dictionary<string, string?> { ["AWS_MCP_SERVICES"] = "ec2,sts" });
        var result = await Call(client, "ec2_describe_instances", new() { ["region"] = "us-west-2", ["max_items"] = 5 });
        Assert.True(result.IsError != true, Text(result));
        Assert.Equal(JsonValueKind.Array, result.StructuredContent!.Value.GetProperty("Reservations").ValueKind);
        var identity = await Call(client, "sts_get_caller_identity", new());
        Assert.Equal("123456789012", identity.StructuredContent!.Value.GetProperty("Account").GetString());
    }

    [Fact]
    public async Task A_timeout_reports_progress_and_stops_the_command()
    {
        using var blackHole = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        blackHole.Start(10);
        var port = ((System.Net.IPEndPoint)blackHole.LocalEndpoint).Port;
        var marker = "progress-" + Guid.NewGuid().ToString("N");
        await using var client = await ServerProcess.ConnectAsync();
        var progress = new RecordingProgress();
        var result = await client.CallToolAsync("execute_command", new Dictionary<string, object?>
        {
            ["command"] = $"aws s3api list-buckets --endpoint-url http://127.0.0.1:{port} --query 'Buckets[?Name==`{marker}`]'",
            ["timeout"] = 3,
        }, progress);
        Assert.True(result.IsError);
        Assert.Contains("Timed out after", Text(result));
        Assert.Equal("timedout", result.StructuredContent!.Value.GetProperty("status").GetString());
        Assert.True(progress.Values.Count >= 1, "no progress notification");
        Assert.All(progress.Values, v => Assert.Equal(3, v.Total));
        Assert.Contains("still running", progress.Values.First().Message);
        Assert.Empty(ProcessTable.WithArgument(marker));
    }

    private sealed class RecordingProgress : IProgress<ProgressNotificationValue>
    {
        public List<ProgressNotificationValue> Values { get; } = [];

        public void Report(ProgressNotificationValue value)
        {
            lock (Values)
                Values.Add(value);
        }
    }

    [Fact]
    public async Task Suggest_commands_finds_commands_for_a_task()
    {
        await using var client = await ServerProcess.ConnectAsync();
        var result = await Call(client, "suggest_commands", new() { ["query"] = "which account am I using" });
        Assert.NotEqual(true, result.IsError);
        Assert.Contains("aws sts get-caller-identity", Text(result));
        var suggestions = result.StructuredContent!.Value.GetProperty("suggestions");
        Assert.InRange(suggestions.GetArrayLength(), 1, 5);
        var create = await Call(client, "suggest_commands", new() { ["query"] = "create a dynamodb table" });
        Assert.Contains("aws dynamodb create-table --table-name <value>", Text(create));
    }

    [Fact]
    public async Task An_unknown_tool_is_a_protocol_error()
    {
        await using var client = await ServerProcess.ConnectAsync();
        var error = await Assert.ThrowsAsync<McpProtocolException>(async () => await Call(client, "ec2_describe_instancez", new()));
        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
    }
}
