using System.Net;
using System.Net.Sockets;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Errors;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution;

/// <summary>The executor running the real AWS CLI against a real moto_server: accepted commands, pipelines, output
/// handling, environment overrides, errors, timeouts and concurrency. No mocked executor.</summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class ExecutionTests(MotoServer moto) : IAsyncLifetime
{
    private readonly CommandExecutor _executor = CommandExecutor.CreateDefault();
    private readonly string _prefix = "acc-" + Guid.NewGuid().ToString("N")[..10];

    private string First => _prefix + "-alpha";
    private string Second => _prefix + "-beta";

    public async Task InitializeAsync()
    {
        foreach (var bucket in new[] { Second, First })
            Assert.Equal(0, (await moto.AwsAsync("s3", "mb", "s3://" + bucket)).ExitCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ExecutionResult> Run(string command, ExecuteOptions? options = null)
    {
        var result = await _executor.ExecuteAsync(command, options);
        Assert.True(result.Status == ExecutionStatus.Success, result.ToText());
        Assert.True(result.Duration > TimeSpan.Zero);
        return result;
    }

    [Fact]
    public async Task S3_ls_lists_buckets() =>
        Assert.Contains(First, (await Run("aws s3 ls")).Output);

    [Fact]
    public async Task Query_with_text_output()
    {
        var output = (await Run("aws s3api list-buckets --query 'Buckets[].Name' --output text")).Output;
        Assert.Contains(First, output.Split(['\t', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("{", output);
    }

    [Fact]
    public async Task Region_flag_anywhere_and_in_equals_form()
    {
        Assert.Contains("\"Reservations\"", (await Run("aws ec2 describe-instances --region us-west-2")).Output);
        Assert.Contains("\"Functions\"", (await Run("aws --region=eu-west-1 lambda list-functions")).Output);
    }

    [Fact]
    public async Task Pipeline_through_jq_and_sort()
    {
        var lines = (await Run("aws s3api list-buckets | jq -r '.Buckets[].Name' | sort")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ours = lines.Where(l => l.StartsWith(_prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([First, Second], ours);
    }

    [Fact]
    public async Task Pipeline_through_grep_and_sort()
    {
        var output = (await Run("aws ec2 describe-regions --query 'Regions[*].RegionName' --output text | tr '\\t' '\\n' | grep east | sort")).Output;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("us-east-1", lines);
        Assert.All(lines, line => Assert.Contains("east", line));
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
    }

    [Fact]
    public async Task A_pipe_inside_quotes_does_not_split_the_pipeline()
    {
        var output = (await Run("aws s3api list-buckets | jq -r '.Buckets[] | .Name | select(startswith(\"" + _prefix + "\"))'")).Output;
        Assert.Equal([First, Second], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [Fact]
    public async Task Output_formats_are_honoured()
    {
        Assert.Contains("\"Buckets\"", (await Run("aws s3api list-buckets")).Output); // json by default
        Assert.Contains("|", (await Run("aws s3api list-buckets --output table")).Output);
        Assert.Contains("BUCKETS", (await Run("aws s3api list-buckets --output text")).Output);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_is_an_empty_success()
    {
        var result = await Run("aws s3api list-buckets | grep no-such-text-" + Guid.NewGuid().ToString("N"));
        Assert.Equal("", result.Output);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Head_closing_the_pipe_early_is_not_a_failure()
    {
        var output = (await Run("aws ec2 describe-regions --query 'Regions[].RegionName' --output text | tr '\\t' '\\n' | head -n 1")).Output;
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Long_output_is_cut_with_a_marker_that_says_how_to_narrow_it()
    {
        var small = new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default with { OutputLimitCharacters = 300 }, AwsCliInstallation.Detect());
        var result = await small.ExecuteAsync("aws ec2 describe-regions");
        Assert.Equal(ExecutionStatus.Success, result.Status);
        Assert.True(result.Truncated);
        Assert.True(result.OutputCharacters > 300);
        Assert.StartsWith("{", result.Output);
        Assert.Contains($"showing the first 300 of {result.OutputCharacters:N0} characters", result.Output);
        Assert.Contains("--query", result.Output);
        Assert.Contains("--max-items", result.Output);
        Assert.Equal(1, CountOccurrences(result.ToText(), "\"Regions\"")); // one copy of the output
    }

    [Fact]
    public async Task Invalid_utf8_is_decoded_with_replacement_characters()
    {
        var file = Path.Combine(Path.GetTempPath(), "bytes-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(file, [0x6f, 0x6b, 0x20, 0xff, 0xfe, 0x20, 0xc3, 0xa9, 0x0a]);
        try
        {
            Assert.Equal(0, (await moto.AwsAsync("s3", "cp", file, $"s3://{First}/bytes.bin")).ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
        var output = (await Run($"aws s3 cp s3://{First}/bytes.bin -")).Output;
        Assert.Equal("ok \uFFFD\uFFFD é\n", output);
    }

    [Fact]
    public async Task Per_call_region_overrides_the_environment_and_the_command_line_wins_over_both()
    {
        const string zoneRegion = "aws ec2 describe-availability-zones --query 'AvailabilityZones[0].RegionName' --output text";
        Assert.Equal("us-east-1\n", (await Run(zoneRegion)).Output); // AWS_DEFAULT_REGION of the server
        Assert.Equal("eu-west-3\n", (await Run(zoneRegion, new ExecuteOptions { Region = "eu-west-3" })).Output);
        Assert.Equal("ap-south-1\n", (await Run(zoneRegion + " --region ap-south-1", new ExecuteOptions { Region = "eu-west-3" })).Output);
    }

    [Fact]
    public async Task Unknown_profile_is_an_auth_error_with_a_hint()
    {
        var result = await _executor.ExecuteAsync("aws s3 ls", new ExecuteOptions { Profile = "no-such-profile" });
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorKind.UnknownProfile, result.Error);
        Assert.Contains("no-such-profile", result.Stderr);
        Assert.Contains("aws://config/profiles", result.Hint);
    }

    [Fact]
    public async Task Not_found_keeps_exit_code_and_stderr()
    {
        var result = await _executor.ExecuteAsync($"aws s3api list-objects-v2 --bucket {_prefix}-missing");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(ErrorKind.NotFound, result.Error);
        Assert.Equal(InstalledAwsCli.ServiceErrorExitCode, result.ExitCode);
        Assert.Contains("NoSuchBucket", result.Stderr);
        Assert.Contains("Hint:", result.ToText());
    }

    [Fact]
    public async Task Twenty_commands_in_parallel_all_succeed()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => _executor.ExecuteAsync(
            i % 2 == 0 ? "aws s3api list-buckets --query 'Buckets[].Name' --output text" : "aws s3api list-buckets | jq -r '.Buckets[].Name' | sort")));
        Assert.All(results, result =>
        {
            Assert.True(result.Status == ExecutionStatus.Success, result.ToText());
            Assert.Contains(First, result.Output);
        });
    }

    [Fact]
    public async Task A_hanging_command_is_stopped_at_its_timeout_and_leaves_no_process()
    {
        using var blackHole = new TcpListener(IPAddress.Loopback, 0); // accepts connections, never answers
        blackHole.Start(100);
        var port = ((IPEndPoint)blackHole.LocalEndpoint).Port;
        var marker = "hang-" + Guid.NewGuid().ToString("N");
        var command = $"aws s3api list-buckets --endpoint-url http://127.0.0.1:{port} --query 'Buckets[?Name==`{marker}`]' | sort | head -n 5";
        var started = DateTime.UtcNow;

        var running = _executor.ExecuteAsync(command, new ExecuteOptions { TimeoutSeconds = 3 });
        await Task.Delay(1500);
        Assert.NotEmpty(ProcessTable.WithArgument(marker)); // the aws process really ran

        var result = await running;
        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal(ErrorKind.Timeout, result.Error);
        Assert.InRange((DateTime.UtcNow - started).TotalSeconds, 2.5, 20);
        Assert.Contains("Timed out after", result.ToText());
        Assert.Empty(ProcessTable.WithArgument(marker));
    }

    [Fact]
    public async Task Cancellation_stops_the_command_and_its_processes()
    {
        using var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start(100);
        var port = ((IPEndPoint)blackHole.LocalEndpoint).Port;
        var marker = "cancel-" + Guid.NewGuid().ToString("N");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var result = await _executor.ExecuteAsync(
            $"aws s3api list-buckets --endpoint-url http://127.0.0.1:{port} --query 'Buckets[?Name==`{marker}`]'", null, cancel.Token);
        Assert.Equal(ExecutionStatus.Cancelled, result.Status);
        Assert.Empty(ProcessTable.WithArgument(marker));
    }

    [Fact]
    public async Task Without_the_cli_every_command_fails_with_an_install_hint()
    {
        var executor = new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default, new AwsCliInstallation(null));
        var result = await executor.ExecuteAsync("aws s3 ls");
        Assert.Equal(ErrorKind.CliNotInstalled, result.Error);
        Assert.Contains("AWS_MCP_AWS_CLI", result.Hint);
    }

    private static int CountOccurrences(string text, string value) => (text.Length - text.Replace(value, "").Length) / value.Length;
}
