namespace AwsMcpTyped.Policy;

/// <summary>
/// The rule syntax of AWS_MCP_ALLOW / AWS_MCP_DENY and of policy-file strings:
/// <c>service[:command][@region=GLOB][@profile=GLOB]</c>, e.g. <c>iam:delete-*</c>, <c>ec2</c> (= <c>ec2:*</c>),
/// <c>*:create-*</c>, <c>ec2:terminate-instances@region=eu-*</c>, <c>@profile=prod</c> (every command under a profile).
/// Two-word commands are written with a space or a colon: <c>ec2:wait:instance-running</c>.
/// </summary>
public static class PolicyRuleParser
{
    /// <summary>A comma-separated list, as in an environment variable; empty items are ignored.</summary>
    public static IReadOnlyList<PolicyRule> ParseList(string? text, string source) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => Parse(t, source)).ToList();

    public static PolicyRule Parse(string text, string source)
    {
        var parts = text.Trim().Split('@');
        var (service, command) = Target(parts[0].Trim(), text, source);
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
        return new PolicyRule(new Glob(service), new Glob(command), region, profile, text.Trim(), source);
    }

    private static (string Service, string Command) Target(string target, string text, string source)
    {
        if (target.Length == 0)
            return ("*", "*");
        var colon = target.IndexOf(':');
        var service = colon < 0 ? target : target[..colon];
        var command = colon < 0 ? "*" : target[(colon + 1)..].Replace(':', ' ').Trim();
        if (!IsName(service) || command.Length == 0 || !command.Split(' ').All(IsName))
            throw Invalid(text, source, "expected service:command with letters, digits, '-' and the wildcards * and ?, e.g. iam:delete-*");
        return (service, command);
    }

    private static bool IsName(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetter(c) || char.IsAsciiDigit(c) || c is '-' or '*' or '?');

    private static FormatException Invalid(string text, string source, string why) => new($"Invalid policy rule '{text}' in {source}: {why}.");
}
