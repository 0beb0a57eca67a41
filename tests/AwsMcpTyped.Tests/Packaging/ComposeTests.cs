namespace AwsMcpTyped.Tests.Packaging;

/// <summary>docker-compose.yml (stdio) and docker-compose.http.yml (HTTP) pass the compose rules, and each rule
/// catches the mistake it is for: every bad sample is the real file with one edit.</summary>
public sealed class ComposeTests
{
    private static readonly IReadOnlySet<string> Documented = ComposeRules.DocumentedSettings(PackagingFiles.Readme);
    private static readonly string Home = PackagingFiles.Home(PackagingFiles.Dockerfile);

    [Fact]
    public void Compose_files_pass_every_rule()
    {
        Assert.Equal("/home/awsmcp", Home);
        var errors = ComposeRules.Check(PackagingFiles.Compose, PackagingFiles.ComposeHttp, Home, Documented);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Readme_settings_are_read_from_its_tables()
    {
        Assert.Contains("AWS_MCP_READ_ONLY", Documented);
        Assert.Contains("AWS_MCP_HTTP_TOKEN", Documented);
        Assert.Contains("AWS_MCP_WORKDIR", Documented);
        Assert.DoesNotContain("AWS_MCP_", Documented);
    }

    [Theory]
    [InlineData("/home/awsmcp/.aws:ro", "/home/awsmcp/.aws", "read-only")]
    [InlineData("/home/awsmcp/.aws:ro", "/root/.aws:ro", "read-only")]
    [InlineData("      - ~/.aws:/home/awsmcp/.aws:ro\n", "      - ./work:/home/awsmcp/work\n", "mount ~/.aws")]
    [InlineData("stdin_open: true", "stdin_open: false", "stdin_open")]
    [InlineData("AWS_PROFILE: ${AWS_PROFILE:-default}", "AWS_PROFILE: default", "AWS_PROFILE")]
    [InlineData("AWS_DEFAULT_REGION: ${AWS_DEFAULT_REGION:-us-east-1}", "AWS_DEFAULT_REGION: ${AWS_DEFAULT_REGION:?set a region}", "no required (:?)")]
    [InlineData("AWS_MCP_TIMEOUT: ${AWS_MCP_TIMEOUT:-300}", "AWS_MCP_TIME_OUT: 300", "AWS_MCP_TIME_OUT: not a setting")]
    [InlineData("  awsmcp:\n", "  aws-mcp:\n", "service awsmcp is missing")]
    public void Stdio_rules_catch_their_mistakes(string find, string replace, string expected) =>
        AssertCaught(PackagingFiles.Compose, find, replace, c => (c, PackagingFiles.ComposeHttp), expected);

    [Theory]
    [InlineData("\"127.0.0.1:8000:8000\"", "\"8000:8000\"", "127.0.0.1 only")]
    [InlineData("\"127.0.0.1:8000:8000\"", "\"0.0.0.0:8000:8000\"", "127.0.0.1 only")]
    [InlineData("${AWS_MCP_HTTP_TOKEN:?set a token}", "${AWS_MCP_HTTP_TOKEN:-}", "must be required")]
    [InlineData("      AWS_MCP_HTTP_TOKEN: ${AWS_MCP_HTTP_TOKEN:?set a token}\n", "      AWS_MCP_X: 1\n", "must be required")]
    [InlineData("\"--host\", \"0.0.0.0\", ", "", "command must be")]
    [InlineData("service: awsmcp", "service: other", "extends must name")]
    [InlineData("  awsmcp-http:", "  awsmcp-web:", "service awsmcp-http is missing")]
    public void Http_rules_catch_their_mistakes(string find, string replace, string expected) =>
        AssertCaught(PackagingFiles.ComposeHttp, find, replace, h => (PackagingFiles.Compose, h), expected);

    private static void AssertCaught(string real, string find, string replace, Func<string, (string Stdio, string Http)> files, string expected)
    {
        Assert.Contains(find, real); // otherwise the edit would change nothing and the test would prove nothing
        var (stdio, http) = files(real.Replace(find, replace));
        var errors = ComposeRules.Check(stdio, http, Home, Documented);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
