namespace AwsMcpTyped.Policy;

/// <summary>The safety policy from AWS_MCP_* variables (and the policy file they name). Variables and the file add
/// up: rules from both apply; read-only is on if either turns it on; AWS_MCP_CONSENT wins over the file's consent.</summary>
public static class PolicyEnvironment
{
    public const string ReadOnlyVariable = "AWS_MCP_READ_ONLY";
    public const string AllowVariable = "AWS_MCP_ALLOW";
    public const string DenyVariable = "AWS_MCP_DENY";
    public const string PolicyFileVariable = "AWS_MCP_POLICY_FILE";
    public const string ConsentVariable = "AWS_MCP_CONSENT";

    /// <summary>Reads the policy; throws <see cref="FormatException"/> with an actionable message on a bad setting.</summary>
    public static SafetyPolicy Read(Func<string, string?> variable, bool readOnlyFlag = false)
    {
        var file = variable(PolicyFileVariable) is { Length: > 0 } path ? PolicyFile.Load(path) : null;
        var readOnly = readOnlyFlag || ParseFlag(variable(ReadOnlyVariable), ReadOnlyVariable) || file?.ReadOnly == true;
        var consent = variable(ConsentVariable) is { Length: > 0 } mode ? ParseConsent(mode, ConsentVariable) : file?.Consent ?? ConsentMode.Destructive;
        return new SafetyPolicy
        {
            ReadOnly = readOnly,
            Allow = [.. PolicyRuleParser.ParseList(variable(AllowVariable), AllowVariable), .. file?.Allow ?? []],
            Deny = [.. PolicyRuleParser.ParseList(variable(DenyVariable), DenyVariable), .. file?.Deny ?? []],
            Consent = consent,
        };
    }

    public static SafetyPolicy FromProcessEnvironment(bool readOnlyFlag = false) => Read(Environment.GetEnvironmentVariable, readOnlyFlag);

    public static ConsentMode ParseConsent(string value, string where) => value.Trim().ToLowerInvariant() switch
    {
        "off" or "none" or "false" => ConsentMode.Off,
        "destructive" => ConsentMode.Destructive,
        "writes" or "write" => ConsentMode.Writes,
        _ => throw new FormatException($"{where} must be off, destructive or writes, not '{value}'."),
    };

    private static bool ParseFlag(string? value, string name) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "0" or "false" or "no" or "off" => false,
        "1" or "true" or "yes" or "on" => true,
        _ => throw new FormatException($"{name} must be true or false, not '{value}'."),
    };
}
