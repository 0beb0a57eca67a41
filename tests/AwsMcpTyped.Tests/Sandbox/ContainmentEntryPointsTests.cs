using System.Text.Json;
using AwsMcpTyped.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Sandbox;

/// <summary>
/// execute_command, a typed tool, a resource that calls AWS and <c>awsmcp exec</c> all start the CLI inside the same
/// containment: a stand-in CLI reports, from /proc/self/status, the no-new-privileges and seccomp state it runs with,
/// and tries to read a file outside the working directory.
/// </summary>
[Trait("Category", InstalledAwsCli.Category)]
public sealed class ContainmentEntryPointsTests
{
    /// <summary>Prints what sts get-caller-identity prints, with the process's containment as the ARN.</summary>
    private const string ReportingCli = """
        status = dict(line.split(':\t', 1) for line in open('/proc/self/status').read().splitlines() if ':\t' in line)
        try:
            open(os.environ['SECRET_FILE']).read(); outside = 'read'
        except OSError:
            outside = 'denied'
        import json
        print(json.dumps({'UserId': 'AIDA', 'Account': '123456789012',
                          'Arn': 'nnp=%s seccomp=%s outside=%s' % (status['NoNewPrivs'].strip(), status['Seccomp'].strip(), outside)}))
        """;

    private const string Contained = "nnp=1 seccomp=2 outside=denied";

    [Fact]
    public async Task Every_entry_point_runs_the_cli_contained()
    {
        using var cli = FakeAwsCli.Running(ReportingCli);
        using var lab = new EscapeLab();
        var environment = new Dictionary<string, string?>
        {
            ["AWS_MCP_AWS_CLI"] = cli.Path, ["AWS_MCP_WORKDIR"] = lab.WorkingDirectory, ["SECRET_FILE"] = lab.SecretFile,
            ["AWS_MCP_SERVICES"] = "sts", ["AWS_ACCESS_KEY_ID"] = "AKIAEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "x", ["AWS_DEFAULT_REGION"] = "us-east-1",
        };
        await using (var client = await ServerProcess.ConnectAsync(environment))
        {
            var command = await client.CallToolAsync("execute_command", new Dictionary<string, object?> { ["command"] = "aws sts get-caller-identity" });
            Assert.Contains(Contained, Text(command));
            var typed = await client.CallToolAsync("sts_get_caller_identity", new Dictionary<string, object?>());
            Assert.Contains(Contained, Text(typed));
            var account = JsonSerializer.Serialize(await client.ReadResourceAsync("aws://config/account"));
            Assert.Contains(Contained, account);
            var described = (await client.ReadResourceAsync("aws://config/environment")).Contents.OfType<TextResourceContents>().Single().Text;
            Assert.Equal("landlock", JsonDocument.Parse(described).RootElement.GetProperty("containment").GetProperty("mechanism").GetString());
        }

        var exec = await ProcessRunner.RunAwsmcpAsync(environment, "exec", "aws sts get-caller-identity");
        Assert.Contains(Contained, exec.Stdout);
    }

    private static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text)) + JsonSerializer.Serialize(result.StructuredContent);
}
