namespace AwsMcpTyped.Policy;

/// <summary>
/// The rule syntax of AWS_MCP_ALLOW / AWS_MCP_DENY and of policy-file strings:
/// <c>pattern[@region=GLOB][@profile=GLOB]</c> where the pattern is either
/// <list type="bullet">
/// <item>a command, CLI names in lower case: <c>service[:command]</c>, e.g. <c>iam:delete-*</c>, <c>ec2</c> (= <c>ec2:*</c>),
/// <c>*:create-*</c>, two-word commands with a space or a colon (<c>ec2:wait:instance-running</c>); or</item>
/// <item>an IAM action, as IAM policies write it, recognised by an upper-case letter and no '-' after the colon: <c>s3:DeleteBucket</c>,
/// <c>iam:Delete*</c>, <c>dynamodb:PartiQL*</c>, <c>*:Delete*</c> (a policy file can also say <c>action: "s3:*"</c>).</item>
/// </list>
/// <c>@profile=prod</c> alone is every command under a profile.
/// </summary>
public static class PolicyRuleParser
{
    /// <summary>A comma-separated list, as in an environment variable; empty items are ignored.</summary>
    public static IReadOnlyList<PolicyRule> ParseList(string? text, string source) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => Parse(t, source)).ToList();

    /// <param name="asAction">The pattern is an IAM action whatever its case (a policy file's <c>action:</c> key).</param>
    public static PolicyRule Parse(string text, string source, bool asAction = false)
    {
        var parts = text.Trim().Split('@');
        var (service, command, target) = Pattern(parts[0].Trim(), text, source, asAction);
        Glob? region = null, profile = null;
        foreach (var condition in parts.Skip(1))
        {
            var equals = condition.IndexOf('=');
            var key = equals < 0 ? condition : condition[..equals].Trim();
            var value = equals < 0 ? "" : condition[(equals + 1)..].Trim();
            if (value.Length == 0 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '*' or '?'))
                throw Invalid(text, source, $"'{condition}' needs a value: region=GLOB or profile=GLOB");
            switch (key)
            {
                case "region" when region is null: region = new Glob(value); break;
                case "profile" when profile is null: profile = new Glob(value); break;
                default: throw Invalid(text, source, $"unknown or repeated condition '{key}' (use @region=GLOB and/or @profile=GLOB)");
            }
        }
        return new PolicyRule(new Glob(service), new Glob(command), region, profile, text.Trim(), source) { Target = target };
    }

    private static (string Service, string Command, RuleTarget Target) Pattern(string pattern, string text, string source, bool asAction)
    {
        if (pattern.Length == 0)
            return asAction ? throw Invalid(text, source, "an action rule needs prefix:Action, e.g. s3:DeleteBucket") : ("*", "*", RuleTarget.Command);
        var colon = pattern.IndexOf(':');
        var service = colon < 0 ? pattern : pattern[..colon];
        var rest = colon < 0 ? "*" : pattern[(colon + 1)..];
        if (asAction || (rest.Any(char.IsAsciiLetterUpper) && !rest.Contains('-'))) // IAM action names have no '-'
        {
            if (colon < 0 || !IsName(service) || rest.Length == 0 || !rest.All(c => char.IsAsciiLetterOrDigit(c) || c is '*' or '?'))
                throw Invalid(text, source, "expected an IAM action prefix:Action with letters, digits and the wildcards * and ?, e.g. s3:DeleteBucket or iam:Delete*");
            return (service, rest, RuleTarget.Action);
        }
        var command = rest.Replace(':', ' ').Trim();
        if (!IsName(service) || command.Length == 0 || !command.Split(' ').All(IsName))
            throw Invalid(text, source, "expected service:command (CLI names: letters, digits, '-' and the wildcards * and ?, e.g. iam:delete-*) or an IAM action (e.g. iam:Delete*)");
        return (service, command, RuleTarget.Command);
    }

    private static bool IsName(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetter(c) || char.IsAsciiDigit(c) || c is '-' or '*' or '?');

    private static FormatException Invalid(string text, string source, string why) => new($"Invalid policy rule '{text}' in {source}: {why}.");
}
