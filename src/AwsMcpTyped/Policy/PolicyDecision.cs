namespace AwsMcpTyped.Policy;

public enum PolicyVerdict
{
    Allowed,
    Denied,
    /// <summary>Allowed once the user confirms (consent mode).</summary>
    NeedsConsent,
}

/// <summary>The policy's answer for one command. <see cref="Reason"/> says why, naming the rule or setting.</summary>
public sealed record PolicyDecision(PolicyVerdict Verdict, string Reason, PolicyRule? Rule = null)
{
    public static PolicyDecision Allow(string reason, PolicyRule? rule = null) => new(PolicyVerdict.Allowed, reason, rule);

    public static PolicyDecision Deny(string reason, PolicyRule? rule = null) => new(PolicyVerdict.Denied, reason, rule);
}
