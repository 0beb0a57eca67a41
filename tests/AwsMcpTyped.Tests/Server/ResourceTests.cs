using System.Text.Json.Nodes;
using AwsMcpTyped.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Server;

/// <summary>Every resource through the real server and client; API-backed ones against moto.</summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class ResourceTests(MotoServer moto)
{
    private static async Task<JsonNode> Read(McpClient client, string uri)
    {
        var result = await client.ReadResourceAsync(uri);
        var contents = Assert.Single(result.Contents);
        Assert.Equal("application/json", contents.MimeType);
        return JsonNode.Parse(((TextResourceContents)contents).Text)!;
    }

    [Fact]
    public async Task Resources_and_the_region_template_are_listed()
    {
        await using var client = await ServerProcess.ConnectAsync();
        var resources = (await client.ListResourcesAsync()).Select(r => r.Uri).Order().ToList();
        Assert.Equal(["aws://config/account", "aws://config/environment", "aws://config/profiles", "aws://config/regions", "aws://server/status"], resources);
        var templates = await client.ListResourceTemplatesAsync();
        Assert.Contains(templates, t => t.UriTemplate == "aws://config/regions/{region}");
    }

    [Fact]
    public async Task Profiles_come_from_the_configured_files_without_secrets()
    {
        var directory = Path.Combine(Path.GetTempPath(), "aws-config-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "config");
        var credentials = Path.Combine(directory, "credentials");
        await File.WriteAllTextAsync(config, """
            [default]
            region = eu-west-1
            [profile dev]
            region = eu-central-1
            [profile admin]
            role_arn = arn:aws:iam::123456789012:role/Admin
            source_profile = default
            [profile sso-user]
            sso_session = corp
            sso_account_id = 123456789012
            [sso-session corp]
            sso_start_url = https://example.awsapps.com/start
            [profile tool]
            credential_process = /usr/local/bin/get-creds
            """);
        await File.WriteAllTextAsync(credentials, """
            [default]
            aws_access_key_id = AKIAIOSFODNN7EXAMPLE
            aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            [dev]
            aws_access_key_id = AKIADEVDEVDEVDEV1234
            aws_secret_access_key = devsecretdevsecretdevsecret
            """);
        await using var client = await ServerProcess.ConnectAsync(new Dictionary<string, string?>
        {
            ["AWS_CONFIG_FILE"] = config, ["AWS_SHARED_CREDENTIALS_FILE"] = credentials, ["AWS_PROFILE"] = "dev",
            ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null, ["AWS_DEFAULT_REGION"] = null, ["AWS_REGION"] = null,
        });

        var profiles = await Read(client, "aws://config/profiles");
        var byName = profiles["profiles"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!);
        Assert.Equal(["admin", "default", "dev", "sso-user", "tool"], byName.Keys.Order());
        Assert.Equal("static", (string?)byName["dev"]["type"]);
        Assert.True((bool)byName["dev"]["is_current"]!);
        Assert.False((bool)byName["default"]["is_current"]!);
        Assert.Equal("role", (string?)byName["admin"]["type"]);
        Assert.Equal("sso", (string?)byName["sso-user"]["type"]);
        Assert.Equal("process", (string?)byName["tool"]["type"]);
        Assert.Equal("eu-central-1", (string?)byName["dev"]["region"]);

        var environment = await Read(client, "aws://config/environment");
        Assert.Equal("dev", (string?)environment["aws_profile"]);
        Assert.Equal("eu-central-1", (string?)environment["aws_region"]);
        Assert.Equal("AKIA************1234", (string?)environment["aws_access_key_id"]);
        Assert.Equal("profile", (string?)environment["credentials_source"]);
        Assert.True((bool)environment["has_credentials"]!);

        var everything = profiles.ToJsonString() + environment.ToJsonString();
        Assert.DoesNotContain("secret", everything);
        Assert.DoesNotContain("wJalrXUtnFEMI", everything);
        Assert.DoesNotContain("AKIADEVDEVDEVDEV1234", everything);
    }

    [Fact]
    public async Task Environment_masks_a_key_from_the_environment()
    {
        await using var client = await ServerProcess.ConnectAsync(new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "x", ["AWS_REGION"] = "ap-south-1",
        });
        var environment = await Read(client, "aws://config/environment");
        Assert.Equal("AKIA************MPLE", (string?)environment["aws_access_key_id"]);
        Assert.Equal("environment", (string?)environment["credentials_source"]);
        Assert.Equal("ap-south-1", (string?)environment["aws_region"]);
        var regions = await Read(client, "aws://config/regions");
        var current = regions["regions"]!.AsArray().Where(r => (bool)r!["is_current"]!).Select(r => (string?)r!["name"]).ToList();
        Assert.Equal(["ap-south-1"], current);
        Assert.True(regions["regions"]!.AsArray().Count >= 38);
    }

    [Fact]
    public async Task A_region_has_geography_services_and_zones_from_the_api()
    {
        await using var client = await ServerProcess.ConnectAsync();
        var region = await Read(client, "aws://config/regions/us-east-1");
        Assert.Equal("US East (N. Virginia)", (string?)region["name"]);
        Assert.Equal("North America", (string?)region["geographic_location"]!["continent"]);
        Assert.Equal("United States", (string?)region["geographic_location"]!["country"]);
        var zones = region["availability_zones"]!.AsArray().Select(z => (string?)z!["name"]).ToList();
        Assert.Contains("us-east-1a", zones);
        var services = region["services"]!.AsArray().Select(s => (string?)s).ToList();
        Assert.Contains("ec2", services);
        Assert.Contains("s3api", services);
        Assert.True((bool)region["is_current"]!);

        var error = await Assert.ThrowsAsync<McpProtocolException>(async () => await client.ReadResourceAsync("aws://config/regions/us-east-9"));
        Assert.Contains("Did you mean", error.Message);
    }

    [Fact]
    public async Task Account_reports_what_it_can_and_why_the_rest_is_missing()
    {
        await using var client = await ServerProcess.ConnectAsync();
        var account = await Read(client, "aws://config/account");
        Assert.Equal("123456789012", (string?)account["account_id"]);
        Assert.StartsWith("arn:aws:", (string?)account["arn"]);
        Assert.True(account["organization_id"] is JsonValue || account["organization_id"]?["error"] is not null); // moto: no organization → error with reason
        _ = moto;
    }
}
