using System.Text.RegularExpressions;

namespace AwsMcpTyped.Policy;

/// <summary>
/// Removes credentials from text we return or log: the server's own secret values (AWS_SECRET_ACCESS_KEY,
/// AWS_SESSION_TOKEN, AWS_SECURITY_TOKEN, AWS_ACCESS_KEY_ID, AWS_MCP_HTTP_TOKEN, exact match), access key ids
/// (AKIA…/ASIA…), and values labelled as secrets (aws_secret_access_key = …, "SecretAccessKey": "…", "SessionToken": "…").
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    private static readonly string[] SecretVariables =
        ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_MCP_HTTP_TOKEN"];

    private readonly string[] _knownSecrets;

    public SecretRedactor(IEnumerable<string> knownSecrets) =>
        _knownSecrets = knownSecrets.Where(s => s.Length >= 8).Distinct().OrderByDescending(s => s.Length).ToArray();

    /// <summary>A redactor that knows this process's secret environment variables.</summary>
    public static SecretRedactor FromEnvironment() =>
        new(SecretVariables.Select(Environment.GetEnvironmentVariable).OfType<string>());

    /// <summary>For error text and logs: known secrets, labelled secrets and access key ids.</summary>
    public string Redact(string? text) => string.IsNullOrEmpty(text) ? text ?? "" : AccessKeyId().Replace(RedactOutput(text), Mask);

    /// <summary>For command output: known secrets and labelled secrets. Access key ids stay (list-access-keys is
    /// useless without them, and an id alone is not a credential).</summary>
    public string RedactOutput(string text)
    {
        if (text.Length == 0)
            return text;
        foreach (var secret in _knownSecrets)
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        return LabelledSecret().Replace(text, m => m.Groups["label"].Value + Mask);
    }

    /// <summary>For the audit log: <see cref="Redact"/>, plus the values of arguments that carry secrets
    /// (--password, --secret-string, --private-key, --auth-token, …).</summary>
    public string RedactCommandLine(string commandLine) =>
        Redact(SecretJsonMember().Replace(
            SecretArgument().Replace(commandLine, m => m.Groups["name"].Value + m.Groups["separator"].Value + Mask),
            m => m.Groups["name"].Value + Mask + "\""));

    /// <summary>Secret members of inline JSON (typed tools pass --cli-input-json): "Password": "…", "SecretString": "…".</summary>
    [GeneratedRegex("""(?<name>"[A-Za-z]*(?:Password|Secret|PrivateKey|AuthToken|SessionToken)[A-Za-z]*"\s*:\s*")(?:[^"\\]|\\.)*"(?!\w)""")]
    private static partial Regex SecretJsonMember();

    [GeneratedRegex(@"(?<name>--[a-z0-9-]*(?:password|secret|private-key|auth-token|session-token|credentials)[a-z0-9-]*)(?<separator>=|\s+)(?:'[^']*'|""[^""]*""|\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretArgument();

    [GeneratedRegex(@"\b(?:AKIA|ASIA|AROA|AIDA|ABIA|ACCA)[A-Z0-9]{16}\b")]
    private static partial Regex AccessKeyId();

    [GeneratedRegex("""(?<label>(?:aws_secret_access_key|aws_session_token|aws_security_token)\s*[=:]\s*|"(?:SecretAccessKey|SessionToken|SecretKey)"\s*:\s*")[^\s"]+""", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledSecret();
}
