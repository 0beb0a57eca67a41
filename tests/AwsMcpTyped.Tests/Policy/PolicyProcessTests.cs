using System.Text.Json;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>The policy as an operator configures it, through the built awsmcp: a bad setting stops start-up with a
/// message naming it (nothing runs), and the audit file gets one line per call with the decision and the rule.</summary>
[Collection(MotoCollection.Name)]
public sealed class PolicyProcessTests(MotoServer moto)
{
    [Theory]
    [InlineData("AWS_MCP_DENY=iam:Delete_*", "Invalid policy rule 'iam:Delete_*' in AWS_MCP_DENY")]
    [InlineData("AWS_MCP_ALLOW=ec2@zone=a", "unknown or repeated condition 'zone'")]
    [InlineData("AWS_MCP_CONSENT=sometimes", "AWS_MCP_CONSENT must be off, destructive or writes")]
    [InlineData("AWS_MCP_READ_ONLY=maybe", "AWS_MCP_READ_ONLY must be true or false")]
    [InlineData("AWS_MCP_POLICY_FILE=/nonexistent/policy.yaml", "Cannot read the policy file '/nonexistent/policy.yaml'")]
    [InlineData("AWS_MCP_MAX_CONCURRENCY=0", "AWS_MCP_MAX_CONCURRENCY must be a whole number above 0")]
    [InlineData("AWS_MCP_RATE_LIMIT=fast", "AWS_MCP_RATE_LIMIT must be a number of calls per second")]
    [InlineData("AWS_MCP_AUDIT_LOG=/nonexistent/dir/audit.jsonl", "AWS_MCP_AUDIT_LOG: cannot open '/nonexistent/dir/audit.jsonl'")]
    public async Task A_bad_setting_stops_exec_and_serve_with_a_message_naming_it(string setting, string message)
    {
        var bucket = "badsetting-" + Guid.NewGuid().ToString("N")[..12];
        var exec = await ProcessRunner.RunAsync("env", [setting, "dotnet", RepoPaths.AwsmcpDll, "exec", $"aws s3 mb s3://{bucket}"]);
        Assert.Equal(2, exec.ExitCode);
        Assert.Contains(message, exec.Stderr);
        Assert.DoesNotContain("   at ", exec.Stderr); // a message, not a stack trace
        Assert.False(await moto.BucketExistsAsync(bucket));

        var serve = await ProcessRunner.RunAsync("env", [setting, "dotnet", RepoPaths.AwsmcpDll, "serve"]);
        Assert.Equal(2, serve.ExitCode);
        Assert.Contains(message, serve.Stderr);
        Assert.Equal("", serve.Stdout);
    }

    [Fact]
    public async Task The_audit_file_records_each_call_with_its_decision_and_rule()
    {
        var audit = Path.Combine(Path.GetTempPath(), "awsmcp-audit-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var bucket = "audited-" + Guid.NewGuid().ToString("N")[..12];
        string[] settings = ["AWS_MCP_AUDIT_LOG=" + audit, "AWS_MCP_DENY=s3api:delete-bucket-*"];
        try
        {
            Assert.Equal(0, (await Exec(settings, $"aws s3 mb s3://{bucket}")).ExitCode);
            Assert.Equal(2, (await Exec(settings, $"aws s3api delete-bucket-policy --bucket {bucket}")).ExitCode);
            Assert.Equal(2, (await Exec(settings, $"aws s3 rb s3://{bucket}")).ExitCode); // destructive: no --yes
            Assert.Equal(0, (await Exec([.. settings, "--yes"], $"aws s3 rb s3://{bucket}")).ExitCode);
            Assert.Equal(2, (await Exec(settings, "aws s3 ls; id")).ExitCode);

            var lines = (await File.ReadAllLinesAsync(audit)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["allowed", "denied", "consent-unavailable", "consent-given", "rejected"], lines.Select(l => l.GetProperty("decision").GetString()));
            Assert.All(lines, l => Assert.Equal("exec", l.GetProperty("tool").GetString()));
            Assert.Equal(0, lines[0].GetProperty("exit_code").GetInt32());
            Assert.Equal($"aws s3 mb s3://{bucket}", lines[0].GetProperty("command").GetString());
            Assert.Contains("s3api:delete-bucket-*", lines[1].GetProperty("rule").GetString());
            Assert.Equal("rejected", lines[1].GetProperty("status").GetString());
            Assert.Equal(0, lines[3].GetProperty("exit_code").GetInt32());
            Assert.False(await moto.BucketExistsAsync(bucket));
        }
        finally
        {
            File.Delete(audit);
        }
    }

    /// <summary>awsmcp exec with settings; "--yes" among them confirms.</summary>
    private static Task<ProcessRunner.Result> Exec(string[] settings, string command)
    {
        var yes = settings.Contains("--yes");
        string[] variables = [.. settings.Where(s => s != "--yes")];
        return ProcessRunner.RunAsync("env", [.. variables, "dotnet", RepoPaths.AwsmcpDll, "exec", command, .. yes ? new[] { "--yes" } : []]);
    }
}
