using System.Text.Json;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Cli;

/// <summary>The built awsmcp executable, run as a real process.</summary>
[Trait("Category", InstalledAwsCli.Category)]
public sealed class AwsmcpProcessTests
{
    [Fact]
    public async Task Catalogue_export_prints_every_service_and_command_as_json()
    {
        var result = await ProcessRunner.RunAwsmcpAsync("catalogue", "export");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("1.43.11", json.RootElement.GetProperty("botocore").GetString());
        var services = json.RootElement.GetProperty("services").EnumerateArray().ToList();
        // Both CLI versions: 428 top-level commands in v1, 430 in v2, 432 together.
        Assert.Equal(432, services.Count);
        Assert.Equal(428, services.Count(s => InDialect(s, "v1")));
        Assert.Equal(430, services.Count(s => InDialect(s, "v2")));
        var ec2 = services.Single(s => s.GetProperty("name").GetString() == "ec2");
        var describe = ec2.GetProperty("commands").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "describe-instances");
        Assert.Equal("DescribeInstances", describe.GetProperty("operation").GetString());
        Assert.Equal("read", describe.GetProperty("access").GetString());
        Assert.Equal(new[] { "ec2:DescribeInstances" }, describe.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var s3 = services.Single(s => s.GetProperty("name").GetString() == "s3");
        var rb = s3.GetProperty("commands").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "rb");
        Assert.Contains("s3:DeleteBucket", rb.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var arguments = describe.GetProperty("arguments").EnumerateArray().ToList();
        Assert.Contains(arguments, a => a.GetProperty("name").GetString() == "--instance-ids" && !a.GetProperty("required").GetBoolean());
        Assert.Equal(18_784, CommandCount(services, "v1"));
        Assert.Equal(18_786, CommandCount(services, "v2"));
    }

    private static int CommandCount(List<JsonElement> services, string dialect) =>
        services.Where(s => InDialect(s, dialect)).Sum(s => s.GetProperty("commands").EnumerateArray().Count(c => InDialect(c, dialect)));

    /// <summary>An entry without "dialects" is in both versions.</summary>
    private static bool InDialect(JsonElement entry, string dialect) =>
        !entry.TryGetProperty("dialects", out var dialects) || dialects.EnumerateArray().Any(d => d.GetString() == dialect);

    [Fact]
    public async Task Describe_prints_the_page_and_exits_zero()
    {
        var result = await ProcessRunner.RunAwsmcpAsync("describe", "ec2", "wait", "instance-running");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("wait instance-running", result.Stdout);
        Assert.Contains("--instance-ids", result.Stdout);
    }

    [Fact]
    public async Task Describe_with_parameter_prints_the_structure()
    {
        var result = await ProcessRunner.RunAwsmcpAsync("describe", "dynamodb", "create-table", "--parameter", "key-schema");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("AttributeName", result.Stdout);
        Assert.Contains("KeyType", result.Stdout);
    }

    [Fact]
    public async Task Describe_of_an_unknown_service_fails_with_suggestions_on_stderr()
    {
        var result = await ProcessRunner.RunAwsmcpAsync("describe", "ec3");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("Did you mean", result.Stderr);
        Assert.Contains("ec2", result.Stderr);
    }
}
