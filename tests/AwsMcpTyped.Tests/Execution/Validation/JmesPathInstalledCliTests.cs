using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Validation.Query;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution.Validation;

/// <summary>
/// The JMESPath check against the installed CLI itself, which compiles <c>--query</c> before running any command
/// (<c>aws configure list</c> here, which needs no account): it refuses what the check refuses, quirks accepted, and
/// its recursion limit falls between the same two depths of nesting (the frame budget measured for that version).
/// </summary>
[Trait("Category", InstalledAwsCli.Category)]
public sealed class JmesPathInstalledCliTests
{
    [Fact]
    public async Task The_installed_CLI_refuses_the_queries_the_check_refuses()
    {
        var cli = AwsCliInstallation.Detect().Path ?? throw new InvalidOperationException("no AWS CLI installed");
        var budget = InstalledAwsCli.Major == 1 ? JmesPathSyntax.CliV1FrameBudget : JmesPathSyntax.CliV2FrameBudget;
        static string Nested(int n) => new string('(', n) + "a" + new string(')', n);
        var deepest = Enumerable.Range(400, 200).Last(n => JmesPathSyntax.Check(Nested(n), budget) is null);
        Assert.Equal(JmesPathErrorKind.Limit, JmesPathSyntax.Check(Nested(deepest + 1), budget)?.Kind);
        var environment = new Dictionary<string, string?>(AwsCliInstallation.NonInteractiveEnvironment) { ["AWS_EC2_METADATA_DISABLED"] = "true" };
        string[] queries = [Nested(deepest), Nested(deepest + 1), "f(a b)", "no_such(@)", "`foo`", "a[", "\"\\q\"", "`a\"b`"];
        foreach (var query in queries)
        {
            var run = await ProcessRunner.RunAsync(cli, ["configure", "list", "--query", query], environment: environment);
            var refused = run.Stderr.Contains("Bad value for --query", StringComparison.Ordinal);
            var error = JmesPathSyntax.Check(query, budget);
            Assert.True(refused == error is not null,
                $"{query[..Math.Min(query.Length, 40)]} ({query.Length} chars): CLI {(refused ? "refuses" : "accepts")}, check says {error?.Message ?? "valid"}\n{run.Stderr}");
        }
    }
}
