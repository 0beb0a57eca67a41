using AwsMcpTyped.Execution;
using AwsMcpTyped.Policy.Audit;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>
/// Region and profile are judged as the installed CLI resolves them, and the CLI then runs with exactly those: for every
/// row, <c>s3 mb</c> through the executor, with every other region and profile denied, must run and put the bucket in
/// the judged region (read back from moto), the audit line must name the judged region and profile; denying the judged
/// region, or the judged profile, must refuse the command and leave no bucket.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class RegionProfileTableTests(MotoServer moto, RegionProfileWorld world) : IClassFixture<RegionProfileWorld>
{
    private readonly RegionProfileWorld _world = world;

    public static TheoryData<RegionProfileCase> Rows() => new()
    {
        // AWS CLI v1: reads AWS_DEFAULT_REGION only, prefers AWS_DEFAULT_PROFILE.
        new RegionProfileCase(1, "", "eu-north-1", "default"),
        new RegionProfileCase(1, "R=us-west-2", "eu-north-1", "default"), // v1 ignores AWS_REGION: the profile's region wins
        new RegionProfileCase(1, "DR=eu-central-1", "eu-central-1", "default"),
        new RegionProfileCase(1, "R=us-west-2;DR=eu-central-1", "eu-central-1", "default"),
        new RegionProfileCase(1, "P=alpha", "eu-west-1", "alpha"),
        new RegionProfileCase(1, "DP=beta", "sa-east-1", "beta"), // the credentials file's region overrides the config file's
        new RegionProfileCase(1, "P=alpha;DP=beta", "sa-east-1", "beta"),
        new RegionProfileCase(1, "R=us-west-2;P=alpha", "eu-west-1", "alpha"), // the reported case: we judged us-east-1, it ran in eu-west-1
        new RegionProfileCase(1, "DR=eu-central-1;P=alpha", "eu-central-1", "alpha"),
        new RegionProfileCase(1, "P=gamma", "-", "gamma"), // a profile without a region: none (not default's); s3 goes to us-east-1
        new RegionProfileCase(1, "P=delta", "us-east-2", "delta"), // a profile in the credentials file only
        new RegionProfileCase(1, "DP=alpha;R=us-west-2", "eu-west-1", "alpha"),
        new RegionProfileCase(1, "P=default", "eu-north-1", "default"),
        new RegionProfileCase(1, "DR=;P=alpha", "eu-west-1", "alpha"), // an empty variable counts as unset
        new RegionProfileCase(1, "NOCONFIG;R=us-west-2", "-", "default"),
        new RegionProfileCase(1, "NOCONFIG;DR=eu-central-1", "eu-central-1", "default"),
        new RegionProfileCase(1, "CR=ap-northeast-1", "ap-northeast-1", "default"),
        new RegionProfileCase(1, "CR=ap-northeast-1;R=us-west-2;DR=eu-central-1", "ap-northeast-1", "default"),
        new RegionProfileCase(1, "CP=alpha", "eu-west-1", "alpha"),
        new RegionProfileCase(1, "CP=alpha;P=beta;DP=delta", "eu-west-1", "alpha"),
        new RegionProfileCase(1, "CP=alpha;DR=eu-central-1", "eu-central-1", "alpha"), // a profile does not beat a region variable
        new RegionProfileCase(1, "CP=gamma;CR=ap-northeast-1", "ap-northeast-1", "gamma"),
        new RegionProfileCase(1, "OPT=--region ca-central-1;CR=ap-northeast-1;DR=eu-central-1", "ca-central-1", "default"),
        new RegionProfileCase(1, "OPT=--profile beta;CP=alpha", "sa-east-1", "beta"),
        new RegionProfileCase(1, "OPT=--profile gamma;DR=eu-central-1", "eu-central-1", "gamma"),
        new RegionProfileCase(1, "OPT=--profile alpha --region ca-central-1;P=beta;R=us-west-2;DR=eu-central-1", "ca-central-1", "alpha"),
        new RegionProfileCase(1, "OPT=--profile delta;CR=ap-northeast-1", "ap-northeast-1", "delta"),
        // AWS CLI v2: AWS_REGION before AWS_DEFAULT_REGION, AWS_PROFILE before AWS_DEFAULT_PROFILE.
        new RegionProfileCase(2, "R=us-west-2", "us-west-2", "default"),
        new RegionProfileCase(2, "R=us-west-2;DR=eu-central-1", "us-west-2", "default"),
        new RegionProfileCase(2, "DR=eu-central-1", "eu-central-1", "default"),
        new RegionProfileCase(2, "P=alpha;DP=beta", "eu-west-1", "alpha"),
        new RegionProfileCase(2, "DP=beta", "sa-east-1", "beta"),
        new RegionProfileCase(2, "", "eu-north-1", "default"),
        new RegionProfileCase(2, "OPT=--region ca-central-1;R=us-west-2", "ca-central-1", "default"),
        new RegionProfileCase(2, "CP=beta;R=us-west-2", "us-west-2", "beta"),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task The_command_runs_where_it_was_judged(RegionProfileCase row)
    {
        var audit = Path.Combine(Path.GetTempPath(), "regionprofile-audit-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var bucket = Bucket();
            using (var log = AuditLog.Open(audit, TextWriter.Null))
            {
                var result = await row.Executor(_world, row.DenyAllButExpected(), log).ExecuteAsync(row.Command(bucket, moto), Options(row));
                Assert.True(result.Status == ExecutionStatus.Success, $"{result.Status}: {result.Rejection?.Message} {result.Stderr}");
            }
            Assert.Equal(row.BucketRegion, await RegionProfileWorld.BucketRegionAsync(moto, bucket));
            var line = RegionProfileWorld.LastAudit(audit);
            Assert.Equal(row.ExpectedRegion, line.TryGetProperty("region", out var region) ? region.GetString() : null);
            Assert.Equal(row.Profile, line.GetProperty("profile").GetString());
        }
        finally
        {
            File.Delete(audit);
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Denying_the_judged_region_or_profile_refuses_it_and_creates_nothing(RegionProfileCase row)
    {
        foreach (var deny in new[] { $"s3:mb@region={row.ExpectedRegion ?? "*"}", $"s3:mb@profile={row.Profile}" })
        {
            var bucket = Bucket();
            var result = await row.Executor(_world, deny, AuditLog.Off).ExecuteAsync(row.Command(bucket, moto), Options(row));
            Assert.Equal(ExecutionStatus.Rejected, result.Status);
            Assert.Contains("denied by the rule", result.Rejection!.Message);
            Assert.Null(await RegionProfileWorld.BucketRegionAsync(moto, bucket));
        }
    }

    private static ExecuteOptions Options(RegionProfileCase row) => new() { Region = row.CallRegion, Profile = row.CallProfile };

    private static string Bucket() => "rp-" + Guid.NewGuid().ToString("N")[..16];
}
