using System.Text.Json.Nodes;
using AwsMcpTyped.Configuration;

namespace AwsMcpTyped.Server.Resources;

/// <summary>aws://config/environment: the profile, region and credential source commands will use (key id masked), and
/// what contains the processes they run.</summary>
internal sealed class EnvironmentResource(Execution.CommandExecutor executor) : JsonResource("aws://config/environment", "environment",
    "The AWS environment commands run with: aws_profile, aws_region, aws_access_key_id (masked), has_credentials, credentials_source, " +
    "and containment (the kernel sandbox around every command, or why there is none).")
{
    protected override ValueTask<JsonNode> ReadJsonAsync(string uri, CancellationToken cancellationToken)
    {
        var info = AwsEnvironmentInfo.Read(AwsConfigFiles.Load());
        return ValueTask.FromResult<JsonNode>(new JsonObject
        {
            ["aws_profile"] = info.Profile,
            ["aws_region"] = info.Region,
            ["region_source"] = info.RegionSource,
            ["aws_access_key_id"] = info.MaskedAccessKeyId,
            ["has_credentials"] = info.HasCredentials,
            ["credentials_source"] = info.CredentialsSource,
            ["endpoint_url"] = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL"),
            ["containment"] = new JsonObject
            {
                ["mechanism"] = executor.Containment.Mechanism.ToString().ToLowerInvariant(),
                ["summary"] = executor.Containment.Summary,
            },
        });
    }
}
