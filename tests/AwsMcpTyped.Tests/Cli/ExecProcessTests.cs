using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Cli;

/// <summary><c>awsmcp exec</c> as a real process against moto: output, and exit codes 0 / 2 / the failing stage's.</summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class ExecProcessTests(MotoServer moto)
{
    [Fact]
    public async Task Success_prints_the_output_and_exits_zero()
    {
        var bucket = "exec-" + Guid.NewGuid().ToString("N")[..12];
        Assert.Equal(0, (await moto.AwsAsync("s3", "mb", "s3://" + bucket)).ExitCode);
        var result = await ProcessRunner.RunAwsmcpAsync("exec", "aws s3api list-buckets | jq -r '.Buckets[].Name' | grep " + bucket);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(bucket + "\n", result.Stdout);
    }

    [Fact]
    public async Task A_rejected_command_exits_two_and_runs_nothing()
    {
        var bucket = "exec-" + Guid.NewGuid().ToString("N")[..12];
        var result = await ProcessRunner.RunAwsmcpAsync("exec", $"aws s3 mb s3://{bucket} && echo done");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("nothing was run", result.Stderr);
        Assert.False(await moto.BucketExistsAsync(bucket));
    }

    [Fact]
    public async Task A_failing_command_exits_with_the_clis_code_and_a_hint()
    {
        var result = await ProcessRunner.RunAwsmcpAsync("exec", "aws s3api list-objects-v2 --bucket no-such-bucket-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(InstalledAwsCli.ServiceErrorExitCode, result.ExitCode);
        Assert.Contains("NoSuchBucket", result.Stderr);
        Assert.Contains("Hint:", result.Stderr);
    }

    [Fact]
    public async Task AWS_MCP_WORKDIR_is_where_relative_files_are_and_the_only_place_for_them()
    {
        var workdir = Directory.CreateTempSubdirectory("exec-workdir-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(workdir, "hello.txt"), "hello\n");
            var bucket = "exec-" + Guid.NewGuid().ToString("N")[..12];
            Assert.Equal(0, (await moto.AwsAsync("s3", "mb", "s3://" + bucket)).ExitCode);
            var copied = await ProcessRunner.RunAsync("env", ["AWS_MCP_WORKDIR=" + workdir, "dotnet", RepoPaths.AwsmcpDll, "exec", $"aws s3 cp hello.txt s3://{bucket}/hello.txt"]);
            Assert.True(copied.ExitCode == 0, copied.Stderr);
            var outside = await ProcessRunner.RunAsync("env", ["AWS_MCP_WORKDIR=" + workdir, "dotnet", RepoPaths.AwsmcpDll, "exec", $"aws s3 cp /etc/hostname s3://{bucket}/x"]);
            Assert.Equal(2, outside.ExitCode);
            Assert.Contains("outside the working directory", outside.Stderr);
            Assert.Contains(workdir, outside.Stderr);
        }
        finally
        {
            Directory.Delete(workdir, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_AWS_MCP_WORKDIR_is_a_clear_start_up_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-workdir-" + Guid.NewGuid().ToString("N")[..8]);
        var result = await ProcessRunner.RunAsync("env", ["AWS_MCP_WORKDIR=" + missing, "dotnet", RepoPaths.AwsmcpDll, "exec", "aws s3 ls"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"AWS_MCP_WORKDIR='{missing}' is not an existing directory", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Per_call_region_and_timeout_options()
    {
        var result = await ProcessRunner.RunAwsmcpAsync("exec", "aws ec2 describe-availability-zones --query 'AvailabilityZones[0].RegionName' --output text",
            "--region", "eu-central-1", "--timeout", "60");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("eu-central-1\n", result.Stdout);
    }
}
