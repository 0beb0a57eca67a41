using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Policy;
using AwsMcpTyped.Policy.Audit;
using AwsMcpTyped.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>Values of members the botocore models mark <c>sensitive</c> reach AWS intact but never the audit log, a
/// consent prompt or error text: through execute_command, a typed tool (inside its --cli-input-json) and the executor.</summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class SensitiveMemberLeakTests(MotoServer moto)
{
    private static string Planted(string what) => $"Planted{what}{Guid.NewGuid():N}";

    [Fact]
    public async Task Sensitive_values_reach_aws_but_not_the_audit_log()
    {
        var audit = Path.Combine(Path.GetTempPath(), "awsmcp-audit-" + Guid.NewGuid().ToString("N") + ".jsonl");
        string name = "/leak/" + Guid.NewGuid().ToString("N")[..8], typedName = name + "-typed";
        string value = Planted("Value"), typedValue = Planted("Typed"), plaintext = Planted("Plain");
        var key = JsonDocument.Parse((await moto.AwsAsync("kms", "create-key")).Stdout).RootElement.GetProperty("KeyMetadata").GetProperty("KeyId").GetString()!;
        var texts = new List<string>();
        try
        {
            await using (var client = await ServerProcess.ConnectAsync(new Dictionary<string, string?>
            {
                ["AWS_MCP_AUDIT_LOG"] = audit, ["AWS_MCP_SERVICES"] = "ssm", ["AWS_MCP_CONSENT"] = "off",
            }))
            {
                texts.Add(Text(await client.CallToolAsync("execute_command", new Dictionary<string, object?>
                    { ["command"] = $"aws ssm put-parameter --name {name} --type SecureString --value {value}" })));
                texts.Add(Text(await client.CallToolAsync("execute_command", new Dictionary<string, object?>
                    { ["command"] = $"aws kms encrypt --key-id {key} --plaintext={plaintext}" })));
                texts.Add(Text(await client.CallToolAsync("ssm_put_parameter", new Dictionary<string, object?>
                    { ["Name"] = typedName, ["Type"] = "SecureString", ["Value"] = typedValue })));
            }
            var lines = await File.ReadAllLinesAsync(audit);
            Assert.Equal(3, lines.Length);
            Assert.All(lines, line => Assert.Contains(SecretRedactor.Mask, line));
            foreach (var planted in new[] { value, typedValue, plaintext })
                Assert.All(lines.Concat(texts), text => Assert.DoesNotContain(planted, text));
            // The values themselves reached AWS unchanged.
            foreach (var (parameter, expected) in new[] { (name, value), (typedName, typedValue) })
            {
                var stored = await moto.AwsAsync("ssm", "get-parameter", "--name", parameter, "--with-decryption", "--query", "Parameter.Value", "--output", "text");
                Assert.Equal(expected, stored.Stdout.Trim());
            }
        }
        finally
        {
            File.Delete(audit);
        }
    }

    [Fact]
    public async Task Consent_prompts_and_error_text_lose_sensitive_values()
    {
        var value = Planted("Password");
        using var cli = FakeAwsCli.Running("sys.stderr.write('error: bad input ' + ' '.join(sys.argv)); sys.exit(255)");
        var audit = Path.Combine(Path.GetTempPath(), "awsmcp-audit-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var log = AuditLog.Open(audit, TextWriter.Null);
        var executor = new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default with { Safety = new SafetyPolicy { Consent = ConsentMode.Writes } },
            new AwsCliInstallation(cli.Path), audit: log);
        string? prompted = null;
        try
        {
            var result = await executor.ExecuteAsync($"aws rds create-db-instance --db-instance-identifier d --db-instance-class db.t3.micro --engine postgres --master-username u --master-user-password {value}",
                new ExecuteOptions { Consent = (request, _) => { prompted = request.CommandLine; return ValueTask.FromResult(ConsentAnswer.Given); } });
            Assert.Equal(ExecutionStatus.Failed, result.Status);
            Assert.Contains("error: bad input", result.Stderr); // the CLI's own text came back, without the value
            Assert.Contains(SecretRedactor.Mask, prompted);
            log.Dispose();
            foreach (var text in new[] { prompted!, result.Stderr, result.ToText(), await File.ReadAllTextAsync(audit) })
                Assert.DoesNotContain(value, text);
        }
        finally
        {
            log.Dispose();
            File.Delete(audit);
        }
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}
