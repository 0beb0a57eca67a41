using System.Globalization;
using System.Text;

namespace AwsMcpTyped.Status;

/// <summary>The readable form of a <see cref="ServerStatus"/>, for <c>awsmcp doctor</c>.</summary>
public static class ServerStatusText
{
    public static string Render(ServerStatus status)
    {
        var text = new StringBuilder();
        void Line(string label, string? value) => text.Append(CultureInfo.InvariantCulture, $"  {label,-18} {value ?? "-"}\n");

        text.Append("AWS CLI\n");
        var info = status.Cli.Info;
        Line("path", status.Cli.Path is null ? "not found" : info is null || info.RealPath == status.Cli.Path ? status.Cli.Path : $"{status.Cli.Path} -> {info.RealPath}");
        if (info is not null)
        {
            Line("version", $"{info.Version} (dialect v{info.Dialect.Major})" + (info.BotocoreVersion is { } botocore ? $", botocore {botocore}" : ""));
            Line("install", info.InstallKind + (info.Python is { } python ? $" ({python})" : ""));
            Line("models", info.ModelsDirectory ?? "not found");
        }
        Line("catalogue", $"botocore {status.Cli.CatalogueBotocore}" + (status.Cli.CatalogueCliVersion is { } matching ? $" = AWS CLI {matching}" : "") +
            (status.Cli.Skew is { } skew ? $" (your CLI: {skew})" : ""));

        text.Append("\nCredentials\n");
        var credentials = status.Credentials;
        Line("profile", credentials.Profile + (credentials.ProfileSource is { } why ? $" (from {why})" : " (none chosen: the CLI uses [default])"));
        Line("source", credentials.Source + (credentials.Detail is { } detail ? $": {detail}" : ""));
        if (credentials.MaskedAccessKeyId is not null)
            Line("access key id", credentials.MaskedAccessKeyId);
        if (credentials.TokenExpiresAt is { } expires)
            Line("token expires", expires == DateTimeOffset.MinValue ? "no cached token" : expires.ToString("u", CultureInfo.InvariantCulture));
        if (credentials.RefreshCommand is not null)
            Line("refresh with", credentials.RefreshCommand);
        Line("caller identity", status.Identity is not { } identity ? "not checked (--offline, or no usable CLI or settings)"
            : identity.Error ?? $"{identity.Arn} (account {identity.Account})");
        Line("region", status.Region.Name is null ? "none (s3 uses us-east-1; other services fail)" : $"{status.Region.Name} (from {status.Region.Source})");

        text.Append("\nSafety\n");
        if (status.Safety is not { } safety)
            Line("settings", "invalid (see problems)");
        else
        {
            Line("read-only", safety.ReadOnly ? "yes" : "no");
            Line("consent", safety.Consent);
            foreach (var rule in safety.Rules)
                Line(rule.Effect, $"{rule.Rule} ({rule.Source})");
            if (safety.Rules.Count == 0)
                Line("rules", "none");
            Line("working directory", safety.WorkingDirectory ?? "a private temporary directory (awsmcp-*) per process");
            Line("audit log", safety.AuditTargets.Count == 0 ? "off" : string.Join(", ", safety.AuditTargets));
            Line("limits", string.Create(CultureInfo.InvariantCulture,
                $"timeout {safety.DefaultTimeoutSeconds} s (max {safety.MaxTimeoutSeconds}), output {safety.OutputLimitCharacters} characters, " +
                $"{safety.CallsPerSecond} calls/s, {safety.MaxConcurrency} at once, remote endpoints {(safety.RemoteEndpointsAllowed ? "allowed" : "refused")}, " +
                $"sso login {(safety.SignInAllowed ? "allowed (URL and code returned)" : "refused (run it in a terminal)")}"));
        }
        Line("containment", status.Containment.Summary);

        text.Append("\nMCP client configuration (Claude Desktop, Cursor)\n").Append(status.ClientConfig).Append('\n');

        foreach (var warning in status.Warnings)
            text.Append("\nwarning: ").Append(warning).Append('\n');
        foreach (var problem in status.Problems)
            text.Append(CultureInfo.InvariantCulture, $"\nproblem (exit {(int)problem.Kind}): {problem.Message}\n").Append(problem.Fix is null ? "" : $"  fix: {problem.Fix}\n");
        text.Append(status.IsUsable ? "\nReady to use.\n" : "\nNot usable until the problems above are fixed.\n");
        return text.ToString();
    }
}
