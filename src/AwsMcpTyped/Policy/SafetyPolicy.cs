namespace AwsMcpTyped.Policy;

/// <summary>
/// The operator's safety settings, applied to every tool that runs AWS commands: read-only mode, allow and deny rules
/// (deny wins; any allow rule turns the allow rules into an allow-list) and which commands need the user's consent.
/// </summary>
public sealed record SafetyPolicy
{
    /// <summary>Only read operations run (AWS_MCP_READ_ONLY). Sensitive reads need an allow rule naming them.</summary>
    public bool ReadOnly { get; init; }

    public IReadOnlyList<PolicyRule> Allow { get; init; } = [];

    public IReadOnlyList<PolicyRule> Deny { get; init; } = [];

    public ConsentMode Consent { get; init; } = ConsentMode.Destructive;

    /// <summary>No restrictions beyond the executor's fixed rules, no consent: for tests and trusted automation.</summary>
    public static SafetyPolicy Unrestricted { get; } = new() { Consent = ConsentMode.Off };

    public static SafetyPolicy Default { get; } = new();
}
