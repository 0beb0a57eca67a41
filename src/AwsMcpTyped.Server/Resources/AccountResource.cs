using System.Text.Json.Nodes;

namespace AwsMcpTyped.Server.Resources;

/// <summary>aws://config/account: account id and caller ARN (STS), alias (IAM) and organization id (Organizations),
/// cached for five minutes. Whatever is denied or unavailable is reported in that field with the reason.</summary>
internal sealed class AccountResource(AwsReader aws) : JsonResource("aws://config/account", "account",
    "The AWS account of the current credentials: account_id, arn, account_alias, organization_id; unreadable fields say why.")
{
    private readonly TtlCache<JsonNode> _cache = new(TimeSpan.FromMinutes(5));

    protected override async ValueTask<JsonNode> ReadJsonAsync(string uri, CancellationToken cancellationToken) =>
        (await _cache.GetAsync("account", ReadAsync)).DeepClone();

    private async Task<JsonNode> ReadAsync()
    {
        var identityTask = aws.ReadAsync("aws sts get-caller-identity --output json", CancellationToken.None);
        var aliasesTask = aws.ReadAsync("aws iam list-account-aliases --output json", CancellationToken.None);
        var organizationTask = aws.ReadAsync("aws organizations describe-organization --output json", CancellationToken.None);
        var (identity, aliases, organization) = (await identityTask, await aliasesTask, await organizationTask);
        return new JsonObject
        {
            ["account_id"] = AwsReader.IsError(identity) ? identity.DeepClone() : identity["Account"]?.DeepClone(),
            ["arn"] = AwsReader.IsError(identity) ? null : identity["Arn"]?.DeepClone(),
            ["user_id"] = AwsReader.IsError(identity) ? null : identity["UserId"]?.DeepClone(),
            ["account_alias"] = AwsReader.IsError(aliases) ? aliases.DeepClone() : (aliases["AccountAliases"] as JsonArray)?.FirstOrDefault()?.DeepClone(),
            ["organization_id"] = AwsReader.IsError(organization) ? organization.DeepClone() : organization["Organization"]?["Id"]?.DeepClone(),
        };
    }
}
