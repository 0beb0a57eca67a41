using System.Text.Json.Nodes;
using AwsMcpTyped.Configuration;

namespace AwsMcpTyped.Server.Resources;

/// <summary>aws://config/profiles: every profile of the config and credentials files, without secrets.</summary>
internal sealed class ProfilesResource() : JsonResource("aws://config/profiles", "profiles",
    "AWS CLI profiles from the config and credentials files (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE honoured): name, is_current, type (static, sso, role, process, web-identity), region. No secrets.")
{
    protected override ValueTask<JsonNode> ReadJsonAsync(string uri, CancellationToken cancellationToken)
    {
        var files = AwsConfigFiles.Load();
        var current = AwsEnvironmentInfo.Read(files).Profile;
        var profiles = new JsonArray();
        foreach (var profile in files.Profiles())
        {
            profiles.Add(new JsonObject
            {
                ["name"] = profile.Name,
                ["is_current"] = profile.Name == current,
                ["type"] = profile.Type,
                ["region"] = profile.Region,
                ["source"] = profile.Source,
                ["role_arn"] = profile.RoleArn,
                ["source_profile"] = profile.SourceProfile,
                ["sso_session"] = profile.SsoSession,
            });
        }
        return ValueTask.FromResult<JsonNode>(new JsonObject
        {
            ["profiles"] = profiles,
            ["current_profile"] = current,
            ["config_file"] = files.ConfigPath,
            ["credentials_file"] = files.CredentialsPath,
        });
    }
}
