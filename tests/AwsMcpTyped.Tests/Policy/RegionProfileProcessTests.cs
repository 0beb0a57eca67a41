using System.Text.Json;
using AwsMcpTyped.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>The region/profile rows end to end: through <c>awsmcp exec</c> (its --region/--profile) and through the MCP
/// server (execute_command's region, a typed tool's region, whose topic ARN names the region it was created in).</summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class RegionProfileProcessTests(MotoServer moto, RegionProfileWorld world) : IClassFixture<RegionProfileWorld>
{
    public static TheoryData<string, string, string, string> ExecRows() => new()
    {
        // settings, exec options, region, profile
        { "R=us-west-2;P=alpha", "", "eu-west-1", "alpha" },
        { "DR=eu-central-1;R=us-west-2", "--region ap-northeast-1", "ap-northeast-1", "default" },
        { "P=alpha;DR=eu-central-1", "--profile beta", "eu-central-1", "beta" },
        { "P=alpha", "--profile beta", "sa-east-1", "beta" },
    };

    [Theory]
    [MemberData(nameof(ExecRows))]
    public async Task Exec_runs_where_it_judged_and_denies_the_judged_region(string settings, string execOptions, string region, string profile)
    {
        var row = new RegionProfileCase(1, settings, region, profile);
        var audit = Path.Combine(Path.GetTempPath(), "regionprofile-audit-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var bucket = "rpx-" + Guid.NewGuid().ToString("N")[..16];
            var ran = await ExecAsync(row, row.DenyAllButExpected(), audit, execOptions, bucket);
            Assert.True(ran.ExitCode == 0, ran.Stdout + ran.Stderr);
            Assert.Equal(region, await RegionProfileWorld.BucketRegionAsync(moto, bucket));
            var line = RegionProfileWorld.LastAudit(audit);
            Assert.Equal(region, line.GetProperty("region").GetString());
            Assert.Equal(profile, line.GetProperty("profile").GetString());

            var refusedBucket = "rpx-" + Guid.NewGuid().ToString("N")[..16];
            var refused = await ExecAsync(row, $"s3:mb@region={region}", audit, execOptions, refusedBucket);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("denied by the rule", refused.Stdout + refused.Stderr);
            Assert.Null(await RegionProfileWorld.BucketRegionAsync(moto, refusedBucket));
        }
        finally
        {
            File.Delete(audit);
        }
    }

    [Fact]
    public async Task Execute_command_and_a_typed_tool_run_in_the_region_they_were_judged_in()
    {
        // v1 with AWS_REGION set and a profile: the profile's region (eu-west-1) is where things go, not AWS_REGION's.
        var environment = new RegionProfileCase(1, "R=us-west-2;P=alpha", "eu-west-1", "alpha").Environment(world);
        environment["AWS_MCP_AWS_CLI"] = AwsCliV1.Executable;
        environment["AWS_MCP_SERVICES"] = "sns";
        environment["AWS_MCP_CONSENT"] = "off";
        environment["AWS_MCP_DENY"] = "*@region=us-west-2,*@region=eu-central-1";
        await using var client = await ServerProcess.ConnectAsync(environment);

        var plain = "rpm-" + Guid.NewGuid().ToString("N")[..16];
        Ok(await client.CallToolAsync("execute_command", new Dictionary<string, object?> { ["command"] = $"aws s3 mb s3://{plain}" }));
        Assert.Equal("eu-west-1", await RegionProfileWorld.BucketRegionAsync(moto, plain));

        var regional = "rpm-" + Guid.NewGuid().ToString("N")[..16];
        Ok(await client.CallToolAsync("execute_command",
            new Dictionary<string, object?> { ["command"] = $"aws s3 mb s3://{regional}", ["region"] = "ap-northeast-1" }));
        Assert.Equal("ap-northeast-1", await RegionProfileWorld.BucketRegionAsync(moto, regional));

        var denied = "rpm-" + Guid.NewGuid().ToString("N")[..16];
        var refused = await client.CallToolAsync("execute_command",
            new Dictionary<string, object?> { ["command"] = $"aws s3 mb s3://{denied}", ["region"] = "eu-central-1" });
        Assert.True(refused.IsError, Text(refused));
        Assert.Null(await RegionProfileWorld.BucketRegionAsync(moto, denied));

        var topic = "rpm-" + Guid.NewGuid().ToString("N")[..12];
        Assert.Contains(":eu-west-1:", Text(await client.CallToolAsync("sns_create_topic", new Dictionary<string, object?> { ["Name"] = topic })));
        Assert.Contains(":ca-central-1:", Text(await client.CallToolAsync("sns_create_topic",
            new Dictionary<string, object?> { ["Name"] = topic, ["region"] = "ca-central-1" })));
        var refusedTopic = await client.CallToolAsync("sns_create_topic", new Dictionary<string, object?> { ["Name"] = topic, ["region"] = "eu-central-1" });
        Assert.True(refusedTopic.IsError);
        Assert.Contains("denied by the rule", Text(refusedTopic));
        var topics = await moto.AwsAsync("sns", "list-topics", "--region", "eu-central-1");
        Assert.DoesNotContain(topic, topics.Stdout);
    }

    private Task<ProcessRunner.Result> ExecAsync(RegionProfileCase row, string deny, string audit, string execOptions, string bucket)
    {
        var environment = row.Environment(world);
        environment["AWS_MCP_AWS_CLI"] = row.Cli == 2 ? world.V2Cli : AwsCliV1.Executable; // the row's CLI version, whatever the suite runs on
        environment["AWS_MCP_DENY"] = deny;
        environment["AWS_MCP_CONSENT"] = "off";
        environment["AWS_MCP_AUDIT_LOG"] = audit;
        return ProcessRunner.RunAwsmcpAsync(environment,
            ["exec", .. execOptions.Split(' ', StringSplitOptions.RemoveEmptyEntries), row.Command(bucket, moto)]);
    }

    private static void Ok(CallToolResult result) => Assert.True(result.IsError != true, Text(result));

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}
