using System.Text.Json.Nodes;

namespace AwsMcpTyped.Status;

/// <summary>The machine form of a <see cref="ServerStatus"/>: <c>awsmcp doctor --json</c> and <c>aws://server/status</c>.</summary>
public static class ServerStatusJson
{
    public static JsonObject ToJson(ServerStatus status)
    {
        var info = status.Cli.Info;
        return new JsonObject
        {
            ["usable"] = status.IsUsable,
            ["exit_code"] = status.ExitCode,
            ["problems"] = Array(status.Problems.Select(p => new JsonObject { ["kind"] = p.Kind.ToString(), ["exit_code"] = (int)p.Kind, ["message"] = p.Message, ["fix"] = p.Fix })),
            ["warnings"] = Array(status.Warnings.Select(w => JsonValue.Create(w))),
            ["cli"] = new JsonObject
            {
                ["path"] = status.Cli.Path,
                ["real_path"] = info?.RealPath,
                ["version"] = info?.Version.ToString(),
                ["major"] = info?.Major,
                ["dialect"] = info is null ? null : $"v{info.Dialect.Major}",
                ["botocore"] = info?.BotocoreVersion,
                ["install_kind"] = info?.InstallKind.ToString(),
                ["python"] = info?.Python,
                ["models_directory"] = info?.ModelsDirectory,
                ["catalogue_botocore"] = status.Cli.CatalogueBotocore,
                ["catalogue_cli_version"] = status.Cli.CatalogueCliVersion,
                ["skew"] = status.Cli.Skew,
            },
            ["credentials"] = new JsonObject
            {
                ["profile"] = status.Credentials.Profile,
                ["profile_source"] = status.Credentials.ProfileSource,
                ["source"] = status.Credentials.Source,
                ["detail"] = status.Credentials.Detail,
                ["access_key_id"] = status.Credentials.MaskedAccessKeyId,
                ["token_expires_at"] = status.Credentials.TokenExpiresAt is { } at && at != DateTimeOffset.MinValue ? at.ToString("O") : null,
                ["refresh_command"] = status.Credentials.RefreshCommand,
            },
            ["identity"] = status.Identity is null ? null : new JsonObject
            {
                ["account"] = status.Identity.Account, ["arn"] = status.Identity.Arn, ["error"] = status.Identity.Error,
            },
            ["region"] = new JsonObject { ["name"] = status.Region.Name, ["source"] = status.Region.Source },
            ["safety"] = status.Safety is not { } safety ? null : new JsonObject
            {
                ["read_only"] = safety.ReadOnly,
                ["consent"] = safety.Consent,
                ["rules"] = Array(safety.Rules.Select(r => new JsonObject { ["effect"] = r.Effect, ["rule"] = r.Rule, ["source"] = r.Source })),
                ["working_directory"] = safety.WorkingDirectory,
                ["audit_log"] = Array(safety.AuditTargets.Select(t => JsonValue.Create(t))),
                ["remote_endpoints_allowed"] = safety.RemoteEndpointsAllowed,
                ["sign_in_allowed"] = safety.SignInAllowed,
                ["default_timeout_seconds"] = safety.DefaultTimeoutSeconds,
                ["max_timeout_seconds"] = safety.MaxTimeoutSeconds,
                ["output_limit_characters"] = safety.OutputLimitCharacters,
                ["calls_per_second"] = safety.CallsPerSecond,
                ["max_concurrency"] = safety.MaxConcurrency,
            },
            ["containment"] = new JsonObject
            {
                ["mechanism"] = status.Containment.Mechanism, ["enabled"] = status.Containment.Enabled, ["summary"] = status.Containment.Summary,
            },
            ["client_config"] = JsonNode.Parse(status.ClientConfig),
        };
    }

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new(items.ToArray());
}
