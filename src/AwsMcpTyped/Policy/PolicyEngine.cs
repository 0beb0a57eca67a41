using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Policy;

/// <summary>
/// Decides one command, in this order: deny rules (deny wins), read-only mode, the allow-list (when there are allow
/// rules), then consent. Every refusal names the rule or setting that caused it and how to change it.
/// </summary>
public sealed class PolicyEngine(SafetyPolicy policy)
{
    public SafetyPolicy Policy => policy;

    public PolicyDecision Decide(PolicySubject subject)
    {
        if (policy.Deny.FirstOrDefault(r => r.Matches(subject, unknownMatches: true)) is { } deny)
            return PolicyDecision.Deny($"'{subject.Name}' is denied by the rule {deny}.", deny);

        if (policy.ReadOnly && ReadOnlyDenial(subject) is { } readOnly)
            return readOnly;

        PolicyRule? allowedBy = null;
        if (policy.Allow.Count > 0)
        {
            allowedBy = policy.Allow.FirstOrDefault(r => r.Matches(subject, unknownMatches: false));
            if (allowedBy is null)
            {
                return PolicyDecision.Deny($"'{subject.Name}' matches no allow rule ({string.Join(", ", policy.Allow.Select(r => r.Text))}); " +
                    "only commands matching an allow rule run. Add a rule to AWS_MCP_ALLOW or the policy file to allow it.");
            }
        }

        if (NeedsConsent(subject.Access))
            return new PolicyDecision(PolicyVerdict.NeedsConsent, $"'{subject.Name}' is a {subject.Access.ToWireName()} operation and AWS_MCP_CONSENT={Name(policy.Consent)}.", allowedBy);
        return PolicyDecision.Allow(allowedBy is null ? "allowed" : $"allowed by the rule {allowedBy}", allowedBy);
    }

    /// <summary>Whether a command can run at all, whatever the region and profile: typed tools are listed only then
    /// (read-only mode lists no write tool; an unconditional deny rule hides what it denies).</summary>
    public bool MayList(string service, string command, AccessClass access)
    {
        var subject = new PolicySubject(service, command, access, null, null);
        if (policy.Deny.Any(r => r.Region is null && r.Profile is null && r.Matches(subject, unknownMatches: false)))
            return false;
        if (policy.ReadOnly && ReadOnlyDenial(subject) is not null)
            return false;
        return policy.Allow.Count == 0 || policy.Allow.Any(r => r.Matches(subject, unknownMatches: true));
    }

    private PolicyDecision? ReadOnlyDenial(PolicySubject subject)
    {
        switch (subject.Access)
        {
            case AccessClass.Read:
                return null;
            case AccessClass.SensitiveRead:
                return ExactAllow(subject) is not null ? null : PolicyDecision.Deny(
                    $"'{subject.Name}' reveals secrets or mints credentials (a sensitive read), refused in read-only mode (AWS_MCP_READ_ONLY=true). " +
                    $"To allow it, name it exactly in AWS_MCP_ALLOW (e.g. AWS_MCP_ALLOW=*,{subject.Name}).");
            default:
                return PolicyDecision.Deny(
                    $"'{subject.Name}' is a {subject.Access.ToWireName()} operation, refused in read-only mode (AWS_MCP_READ_ONLY=true). " +
                    "Only read operations run; the operator can turn read-only mode off.");
        }
    }

    private PolicyRule? ExactAllow(PolicySubject subject) =>
        policy.Allow.FirstOrDefault(r => r.NamesOneCommand && r.Matches(subject, unknownMatches: false));

    private bool NeedsConsent(AccessClass access) => policy.Consent switch
    {
        ConsentMode.Destructive => access == AccessClass.Destructive,
        ConsentMode.Writes => access is AccessClass.Write or AccessClass.Destructive,
        _ => false,
    };

    public static string Name(ConsentMode mode) => mode.ToString().ToLowerInvariant();
}
