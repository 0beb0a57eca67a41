using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AwsMcpTyped.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Cli;

/// <summary><c>awsmcp doctor</c> as a real process on this machine (v1 on PATH, v2 at /opt/awscli-v2 through a wrapper),
/// against moto; and the resource aws://server/status, which must say the same for the same environment.</summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class DoctorProcessTests(MotoServer moto) : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("doctor-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    /// <summary>Never AWS: no instance metadata, and (where a test removes moto's keys) a HOME of our own.</summary>
    private static Dictionary<string, string?> Environment(params (string Name, string? Value)[] changes)
    {
        var environment = new Dictionary<string, string?> { ["AWS_EC2_METADATA_DISABLED"] = "true" };
        foreach (var (name, value) in changes)
            environment[name] = value;
        return environment;
    }

    private static async Task<(int ExitCode, JsonNode Json)> DoctorJsonAsync(Dictionary<string, string?> environment, params string[] options)
    {
        var result = await ProcessRunner.RunAwsmcpAsync(environment, ["doctor", "--json", .. options]);
        return (result.ExitCode, JsonNode.Parse(result.Stdout) ?? throw new InvalidOperationException(result.Stderr));
    }

    [Fact]
    public async Task Doctor_with_v1_and_moto_credentials_is_usable_and_reads_the_caller_identity()
    {
        Assert.NotEmpty(moto.Endpoint);
        var (exitCode, json) = await DoctorJsonAsync(Environment(("AWS_MCP_AWS_CLI", AwsCliV1.Executable)));
        Assert.Equal(0, exitCode);
        Assert.Equal("1.45.11", (string?)json["cli"]!["version"]);
        Assert.Equal("v1", (string?)json["cli"]!["dialect"]);
        Assert.Equal("PythonV1", (string?)json["cli"]!["install_kind"]);
        Assert.Equal("same", (string?)json["cli"]!["skew"]);
        Assert.Equal("environment", (string?)json["credentials"]!["source"]);
        Assert.Equal("123456789012", (string?)json["identity"]!["account"]);
        Assert.Equal("us-east-1", (string?)json["region"]!["name"]);
        Assert.Equal("AWS_DEFAULT_REGION", (string?)json["region"]!["source"]);
        Assert.Equal(RepoPaths.AwsmcpDll, (string?)json["client_config"]!["mcpServers"]!["aws"]!["args"]![0]);
    }

    [Fact]
    public async Task Doctor_with_v2_through_a_wrapper_reports_the_v2_dialect_and_its_skew()
    {
        var wrapper = Path.Combine(_home, "aws");
        File.WriteAllText(wrapper, "#!/bin/sh\nPYTHONPATH=/opt/awscli-v2/usr/lib/python3/dist-packages exec /usr/bin/python3 /opt/awscli-v2/usr/bin/aws \"$@\"\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var environment = Environment(("AWS_MCP_AWS_CLI", wrapper), ("AWS_REGION", "eu-west-3"));
        var (exitCode, json) = await DoctorJsonAsync(environment, "--offline");
        Assert.Equal(0, exitCode);
        Assert.Equal("2.9.19", (string?)json["cli"]!["version"]);
        Assert.Equal("v2", (string?)json["cli"]!["dialect"]);
        Assert.Equal("2.34.50", (string?)json["cli"]!["catalogue_cli_version"]);
        Assert.Equal("older", (string?)json["cli"]!["skew"]);
        Assert.Null(json["identity"]);
        // v2 reads AWS_REGION before AWS_DEFAULT_REGION (v1 would say us-east-1)
        Assert.Equal("AWS_REGION", (string?)json["region"]!["source"]);
        Assert.Equal("eu-west-3", (string?)json["region"]!["name"]);
        var text = await ProcessRunner.RunAwsmcpAsync(environment, "doctor", "--offline");
        Assert.Contains("older than the catalogue", text.Stdout);
        Assert.Contains("2.9.19 (dialect v2)", text.Stdout);
    }

    [Fact]
    public async Task Doctor_without_credentials_exits_five()
    {
        var (exitCode, json) = await DoctorJsonAsync(Environment(("HOME", _home), ("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null)), "--offline");
        Assert.Equal(5, exitCode);
        Assert.Equal("none", (string?)json["credentials"]!["source"]);
        Assert.Equal("NoCredentials", (string?)json["problems"]![0]!["kind"]);
    }

    [Theory]
    [InlineData("dev", "corp", "aws sso login --sso-session corp")]
    [InlineData("legacy", "https://legacy.awsapps.com/start", "aws sso login --profile legacy")]
    public async Task Doctor_with_an_expired_sso_token_exits_six_and_prints_the_refresh_command(string profile, string cacheKey, string refresh)
    {
        var aws = Directory.CreateDirectory(Path.Combine(_home, ".aws")).FullName;
        File.WriteAllText(Path.Combine(aws, "config"), """
            [profile dev]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = Admin
            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1
            [profile legacy]
            sso_start_url = https://legacy.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 123456789012
            sso_role_name = Admin
            """);
        var cache = Directory.CreateDirectory(Path.Combine(aws, "sso", "cache")).FullName;
        var file = Path.Combine(cache, Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(cacheKey))) + ".json");
        File.WriteAllText(file, """{"accessToken": "x", "expiresAt": "2020-01-02T03:04:05Z", "region": "us-east-1"}""");
        var environment = Environment(("HOME", _home), ("AWS_CONFIG_FILE", Path.Combine(aws, "config")), ("AWS_PROFILE", profile),
            ("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null));

        var text = await ProcessRunner.RunAwsmcpAsync(environment, "doctor", "--offline");
        Assert.Equal(6, text.ExitCode);
        Assert.Contains(refresh, text.Stdout);
        Assert.Contains("2020-01-02 03:04:05Z", text.Stdout);

        // A fresh token makes the same profile usable: the expiry, not the profile's kind, decided.
        File.WriteAllText(file, $$"""{"accessToken": "x", "expiresAt": "{{DateTime.UtcNow.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}}"}""");
        var (exitCode, json) = await DoctorJsonAsync(environment, "--offline");
        Assert.Equal(0, exitCode);
        Assert.Equal("sso", (string?)json["credentials"]!["source"]);
        Assert.Equal("AWS_PROFILE", (string?)json["credentials"]!["profile_source"]);
    }

    [Fact]
    public async Task Doctor_without_a_cli_exits_three()
    {
        var (exitCode, json) = await DoctorJsonAsync(Environment(("AWS_MCP_AWS_CLI", Path.Combine(_home, "no-such-aws"))), "--offline");
        Assert.Equal(3, exitCode);
        Assert.Equal("NoCli", (string?)json["problems"]![0]!["kind"]);
        Assert.Null(json["cli"]!["path"]);
    }

    [Fact]
    public async Task Doctor_with_an_invalid_setting_exits_two()
    {
        var (exitCode, json) = await DoctorJsonAsync(Environment(("AWS_MCP_CONSENT", "sometimes")), "--offline");
        Assert.Equal(2, exitCode);
        Assert.Contains("AWS_MCP_CONSENT", (string?)json["problems"]![0]!["message"]);
        Assert.Null(json["safety"]);
    }

    [Fact]
    public async Task The_status_resource_says_what_doctor_json_says()
    {
        var environment = Environment(("AWS_MCP_READ_ONLY", "true"), ("AWS_MCP_DENY", "s3api:delete-*"), ("AWS_MCP_AUDIT_LOG", "off"));
        var (_, doctor) = await DoctorJsonAsync(environment);
        await using var client = await ServerProcess.ConnectAsync(environment);
        var read = await client.ReadResourceAsync("aws://server/status");
        var contents = Assert.Single(read.Contents);
        Assert.Equal("application/json", contents.MimeType);
        var resource = JsonNode.Parse(((TextResourceContents)contents).Text)!;
        Assert.True(JsonNode.DeepEquals(doctor, resource), $"doctor:\n{doctor}\nresource:\n{resource}");
        Assert.Equal(true, (bool?)resource["safety"]!["read_only"]);
        Assert.Equal("AWS_MCP_DENY", (string?)resource["safety"]!["rules"]![0]!["source"]);
    }
}
