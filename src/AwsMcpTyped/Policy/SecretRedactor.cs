using System.Text.RegularExpressions;

namespace AwsMcpTyped.Policy;

/// <summary>
/// Removes credentials from text we return or log: the server's own secret values (AWS_SECRET_ACCESS_KEY,
/// AWS_SESSION_TOKEN, AWS_SECURITY_TOKEN, AWS_ACCESS_KEY_ID, AWS_MCP_HTTP_TOKEN) as they are and in their encoded forms
/// (<see cref="SecretEncodings"/>: URL-encoded, base64), access key ids (AKIA…/ASIA…), and values labelled as secrets
/// (aws_secret_access_key = …, "SecretAccessKey": "…", "SessionToken": "…").
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    private static readonly string[] SecretVariables = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_MCP_HTTP_TOKEN"];

    /// <summary>Not a secret, but masked like one, except in a minted URL: every presigned URL names it.</summary>
    private const string AccessKeyIdVariable = "AWS_ACCESS_KEY_ID";

    private const int MinimumLength = 8;

    private readonly string[] _knownSecrets;
    private readonly string[] _knownIdentifiers;
    private readonly string[] _base64Cores;
    private readonly Regex? _urlEncoded;

    /// <param name="knownSecrets">Values masked everywhere, also encoded.</param>
    /// <param name="knownIdentifiers">Values masked like secrets, except in the output of an allowed sensitive read
    /// (the server's access key id, which a minted URL must carry).</param>
    public SecretRedactor(IEnumerable<string> knownSecrets, IEnumerable<string>? knownIdentifiers = null)
    {
        _knownSecrets = knownSecrets.Concat(knownIdentifiers ?? Array.Empty<string>()).Where(s => s.Length >= MinimumLength).Distinct().OrderByDescending(s => s.Length).ToArray();
        _knownIdentifiers = (knownIdentifiers ?? Array.Empty<string>()).ToArray();
        _base64Cores = _knownSecrets.SelectMany(s => SecretEncodings.Base64Cores(s, MinimumLength)).Distinct().OrderByDescending(s => s.Length).ToArray();
        var patterns = _knownSecrets.Select(SecretEncodings.UrlPattern).OfType<string>().ToList();
        _urlEncoded = patterns.Count == 0 ? null : new Regex(string.Join('|', patterns), RegexOptions.CultureInvariant);
    }

    /// <summary>A redactor that knows this process's secret environment variables.</summary>
    public static SecretRedactor FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>A redactor that knows the secret variables of an environment (<paramref name="variable"/> reads it).</summary>
    public static SecretRedactor FromEnvironment(Func<string, string?> variable) =>
        new(SecretVariables.Select(variable).OfType<string>(), new[] { variable(AccessKeyIdVariable) }.OfType<string>());

    /// <summary>For error text and logs: known secrets, labelled secrets and access key ids.</summary>
    public string Redact(string? text) => string.IsNullOrEmpty(text) ? text ?? "" : AccessKeyId().Replace(RedactOutput(text), Mask);

    /// <summary>For command output: known secrets (and their encoded forms) and labelled secrets. Access key ids stay
    /// (list-access-keys is useless without them, and an id alone is not a credential).</summary>
    /// <param name="keepEncoded">Leave the encoded forms: for the output of a sensitive read the policy allowed
    /// (<c>s3 presign</c>, <c>rds generate-db-auth-token</c>), whose minted URL carries the session token URL-encoded by
    /// design and would not work without it. The secrets as they are still go (the access key id stays: the URL names it).</param>
    public string RedactOutput(string text, bool keepEncoded = false)
    {
        if (text.Length == 0)
            return text;
        foreach (var secret in _knownSecrets)
        {
            if (!(keepEncoded && _knownIdentifiers.Contains(secret)))
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        if (!keepEncoded)
        {
            if (_urlEncoded is not null)
                text = _urlEncoded.Replace(text, Mask);
            foreach (var core in _base64Cores)
                text = text.Replace(core, Mask, StringComparison.Ordinal);
        }
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
