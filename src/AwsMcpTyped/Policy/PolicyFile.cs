using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AwsMcpTyped.Policy;

/// <summary>
/// AWS_MCP_POLICY_FILE, JSON or YAML (JSON is read as YAML, its superset):
/// <code>
/// readOnly: false            # optional
/// consent: destructive       # optional: off | destructive | writes
/// allow: ["ec2:describe-*", {command: "s3:*", region: "eu-*", profile: "dev"}]
/// deny:  ["iam:delete-*", "s3:DeleteBucket", {action: "kms:*", region: "eu-*"}, "@region=cn-*"]
/// </code>
/// Rules are strings in the AWS_MCP_ALLOW syntax or objects with command or action, region, profile. Unknown keys are errors, so a
/// typo cannot silently weaken the policy.
/// </summary>
public sealed record PolicyFile(bool? ReadOnly, ConsentMode? Consent, IReadOnlyList<PolicyRule> Allow, IReadOnlyList<PolicyRule> Deny)
{
    public static PolicyFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"Cannot read the policy file '{path}': {error.Message}");
        }
        return Parse(text, path);
    }

    public static PolicyFile Parse(string text, string path)
    {
        var source = $"policy file {Path.GetFileName(path)}";
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            throw new FormatException($"The policy file '{path}' is not valid JSON or YAML: {error.Message}");
        }
        if (stream.Documents.Count == 0)
            return new PolicyFile(null, null, [], []);
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new FormatException($"The policy file '{path}' must be an object with readOnly, consent, allow and deny.");

        bool? readOnly = null;
        ConsentMode? consent = null;
        IReadOnlyList<PolicyRule> allow = [], deny = [];
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            switch (key)
            {
                case "readOnly" or "read_only":
                    readOnly = Scalar(value, key, path) is var flag && bool.TryParse(flag, out var parsed)
                        ? parsed : throw new FormatException($"'{key}' in '{path}' must be true or false.");
                    break;
                case "consent":
                    consent = PolicyEnvironment.ParseConsent(Scalar(value, key, path), $"'consent' in '{path}'");
                    break;
                case "allow":
                    allow = Rules(value, source, path, key);
                    break;
                case "deny":
                    deny = Rules(value, source, path, key);
                    break;
                default:
                    throw new FormatException($"Unknown key '{key}' in the policy file '{path}' (expected readOnly, consent, allow, deny).");
            }
        }
        return new PolicyFile(readOnly, consent, allow, deny);
    }

    private static List<PolicyRule> Rules(YamlNode node, string source, string path, string key)
    {
        if (node is not YamlSequenceNode list)
            throw new FormatException($"'{key}' in '{path}' must be a list of rules.");
        return list.Children.Select(item => item switch
        {
            YamlScalarNode scalar => PolicyRuleParser.Parse(scalar.Value ?? "", source),
            YamlMappingNode map => ObjectRule(map, source, path),
            _ => throw new FormatException($"A rule in '{key}' of '{path}' must be a string or an object with command or action, region, profile."),
        }).ToList();
    }

    private static PolicyRule ObjectRule(YamlMappingNode map, string source, string path)
    {
        string? command = null, action = null;
        var conditions = "";
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value;
            var text = Scalar(value, key!, path);
            switch (key)
            {
                case "command": command = text; break;
                case "action": action = text; break;
                case "region" or "profile": conditions += $"@{key}={text}"; break;
                default: throw new FormatException($"Unknown rule key '{key}' in '{path}' (expected command or action, region, profile).");
            }
        }
        if (command is not null && action is not null)
            throw new FormatException($"A rule in '{path}' names both command '{command}' and action '{action}': write two rules.");
        return PolicyRuleParser.Parse((action ?? command ?? "") + conditions, source, asAction: action is not null);
    }

    private static string Scalar(YamlNode node, string key, string path) =>
        node is YamlScalarNode { Value: { } value } ? value : throw new FormatException($"'{key}' in '{path}' must be a single value.");
}
