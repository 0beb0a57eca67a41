using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Running;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Sandbox;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Sandbox;

/// <summary>Where nothing contains the processes (AWS_MCP_SANDBOX=off here; an old kernel, Windows, a container that
/// refuses Landlock): awk, sed and jq are refused with a message naming the setting that allows them; the other filters
/// and the aws stage still run. And the macOS profile, which we can only render here, not run.</summary>
[Trait("Category", InstalledAwsCli.Category)]
public sealed class UncontainedTests
{
    private static CommandExecutor Executor(bool uncontainedFiltersAllowed) =>
        new(AwsCatalogue.Default, ExecutionPolicy.Default, new AwsCliInstallation("/usr/bin/printf"),
            new ProcessPipelineRunner("/usr/bin/printf", new StageSandbox.Uncontained("turned off by the test", uncontainedFiltersAllowed)));

    [Theory]
    [InlineData("awk '{print}'")]
    [InlineData("sed -n p")]
    [InlineData("jq .")]
    public async Task Programmable_filters_are_refused_naming_the_setting(string filter)
    {
        var result = await Executor(uncontainedFiltersAllowed: false).ExecuteAsync("aws sts get-caller-identity | " + filter);
        Assert.Equal(ExecutionStatus.Rejected, result.Status);
        Assert.Contains(Containment.UncontainedFiltersVariable + "=true", result.Rejection!.Message);
        Assert.Contains("turned off by the test", result.Rejection.Message);
    }

    [Theory]
    [InlineData("sort -r", "sts")]
    [InlineData("awk '{print}'", "sts")]
    public async Task Other_filters_run_and_the_setting_lets_awk_run(string filter, string expected)
    {
        var result = await Executor(uncontainedFiltersAllowed: true).ExecuteAsync("aws sts get-caller-identity | " + filter);
        Assert.True(result.Status == ExecutionStatus.Success, result.ToText());
        Assert.Equal(expected, result.Output.Trim());
        var plain = await Executor(uncontainedFiltersAllowed: false).ExecuteAsync("aws sts get-caller-identity | sort | head -1");
        Assert.True(plain.Status == ExecutionStatus.Success, plain.ToText());
    }

    [Fact]
    public async Task Exec_says_plainly_that_nothing_contains_it()
    {
        var result = await ProcessRunner.RunAwsmcpAsync(new Dictionary<string, string?> { ["AWS_MCP_SANDBOX"] = "off", ["AWS_MCP_AWS_CLI"] = "/usr/bin/printf" },
            "exec", "aws sts get-caller-identity | jq .");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("No kernel containment (turned off by AWS_MCP_SANDBOX=off)", result.Stderr);
        Assert.Contains("AWS_MCP_UNCONTAINED_FILTERS=true", result.Stderr);
        var bad = await ProcessRunner.RunAwsmcpAsync(new Dictionary<string, string?> { ["AWS_MCP_SANDBOX"] = "maybe" }, "exec", "aws sts get-caller-identity");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("AWS_MCP_SANDBOX must be true or false", bad.Stderr);
    }

    [Fact]
    public void The_macos_profile_denies_by_default_and_allows_only_the_profile()
    {
        var filter = SeatbeltSandbox.Render(StageProfile.Filter, "/usr/bin/jq");
        Assert.StartsWith("(version 1)\n(deny default)", filter);
        Assert.Contains("(allow process-exec (subpath \"/usr/bin/jq\"))", filter);
        Assert.DoesNotContain("network", filter);
        Assert.DoesNotContain("file-write*", filter);
        var aws = SeatbeltSandbox.Render(StageProfile.Aws("/usr/local/bin/aws", new StageScope("/work \"dir\"", new Dictionary<string, string?>()), []), "/usr/local/bin/aws");
        Assert.Contains("(allow network-outbound)", aws);
        Assert.Contains("(subpath \"/work \\\"dir\\\"\")", aws); // quotes in paths are escaped
    }
}
