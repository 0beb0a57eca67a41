using System.Text.Json;
using AwsMcpTyped.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>Planted secrets never come back: the server runs with planted credentials and an HTTP token, commands put
/// the secret into AWS (a tag value, a secret string) and read it back, fail with it in the text, and every tool result,
/// resource, the server's stderr and the audit log are scanned for the planted values.</summary>
[Collection(MotoCollection.Name)]
public sealed class SecretLeakTests(MotoServer moto)
{
    private const string SecretKey = "PlantedSecretKey0123456789abcdefGHIJKLmn";
    private const string SessionToken = "PlantedSessionTokenFwoGZXIvYXdzEJr0123456789abcdefghijklmnopqrstuvwxyz";
    private const string AccessKeyId = "AKIAPLANTED000000001";

    [Fact]
    public async Task No_planted_secret_appears_in_any_output_or_the_audit_log()
    {
        var audit = Path.Combine(Path.GetTempPath(), "awsmcp-audit-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var stderr = new List<string>();
        var bucket = "leak-" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal(0, (await moto.AwsAsync("s3", "mb", "s3://" + bucket)).ExitCode);
        var texts = new List<string>();
        await using (var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = [RepoPaths.AwsmcpDll, "serve"],
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = AccessKeyId, ["AWS_SECRET_ACCESS_KEY"] = SecretKey, ["AWS_SESSION_TOKEN"] = SessionToken,
                ["AWS_MCP_HTTP_TOKEN"] = "PlantedHttpToken0123456789", ["AWS_MCP_AUDIT_LOG"] = "stderr," + audit, ["AWS_MCP_CONSENT"] = "off",
            },
            StandardErrorLines = line => { lock (stderr) stderr.Add(line); },
        })))
        {
            string[] commands =
            [
                "aws configure list",
                $"aws s3api put-bucket-tagging --bucket {bucket} --tagging TagSet=[{{Key=k,Value={SecretKey}}}]",
                $"aws s3api get-bucket-tagging --bucket {bucket}",
                $"aws secretsmanager create-secret --name {bucket} --secret-string {SessionToken}",
                $"aws secretsmanager get-secret-value --secret-id {bucket}",
                $"aws s3 ls s3://{bucket}/{SecretKey}",
                $"aws s3api get-object --bucket {bucket} --key {SecretKey} out.txt",
                $"aws sts get-caller-identity --debug",
            ];
            foreach (var command in commands)
                texts.Add(Text(await client.CallToolAsync("execute_command", new Dictionary<string, object?> { ["command"] = command })));
            foreach (var resource in await client.ListResourcesAsync())
                texts.Add(JsonSerializer.Serialize(await client.ReadResourceAsync(resource.Uri)));
            texts.Add(JsonSerializer.Serialize(await client.ReadResourceAsync("aws://config/regions/us-east-1")));
        }
        Assert.Contains(texts, t => t.Contains("[REDACTED]")); // the tag and the secret value were read back, masked

        var auditLines = await File.ReadAllLinesAsync(audit);
        Assert.True(auditLines.Length >= 8, $"{auditLines.Length} audit lines");
        Assert.All(auditLines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
        File.Delete(audit);
        string[] planted = [SecretKey, SessionToken, AccessKeyId, "PlantedHttpToken0123456789"];
        foreach (var text in texts.Concat(auditLines).Concat(stderr))
            foreach (var secret in planted)
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' leaked in: {text}");
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}
