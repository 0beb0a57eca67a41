using System.Collections.Concurrent;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Policy;

/// <summary>The IAM actions a command rule stands for: those of the API operations it names that perform exactly one
/// action (<c>s3api:delete-bucket</c> ≡ <c>s3:DeleteBucket</c>). Customizations and multi-action operations are named
/// only by their name: a rule on <c>s3 sync</c> must not stop every <c>s3:GetObject</c>.</summary>
public delegate IReadOnlySet<string> CommandRuleActions(PolicyRule commandRule);

/// <summary>
/// Decides one command, in this order: deny rules (deny wins), read-only mode, the allow-list (when there are allow
/// rules), then consent. Rules judge effects, not spellings: a deny rule matches a command it names or any command
/// that performs an action it covers; an allow-list admits a command it names or one whose every action it covers.
/// Every refusal names the rule or setting that caused it (and the action it matched) and how to change it.
/// </summary>
public sealed class PolicyEngine
{
    private static readonly IReadOnlySet<string> NoActions = new HashSet<string>();

    private readonly SafetyPolicy _policy;
    private readonly CommandRuleActions? _commandRuleActions;
    private readonly ConcurrentDictionary<PolicyRule, IReadOnlySet<string>> _actionsByRule = new(ReferenceEqualityComparer.Instance);

    /// <param name="commandRuleActions">The actions of command rules; null: command rules match by name only.</param>
    public PolicyEngine(SafetyPolicy policy, CommandRuleActions? commandRuleActions = null)
    {
        _policy = policy;
        _commandRuleActions = commandRuleActions;
    }

    public SafetyPolicy Policy => _policy;

    /// <summary>Works out every command rule's actions now (it may load command tables), so the first call need not.</summary>
    public void Prepare()
    {
        foreach (var rule in _policy.Deny.Concat(_policy.Allow))
            _ = ActionsOf(rule);
    }

    public PolicyDecision Decide(PolicySubject subject)
    {
        foreach (var rule in _policy.Deny)
        {
            if (Match(rule, subject, unknownMatches: true) is { } match)
                return PolicyDecision.Deny($"'{subject.Name}' is denied by the rule {rule}{Via(match)}.", rule);
        }

        if (_policy.ReadOnly && ReadOnlyDenial(subject) is { } readOnly)
            return readOnly;

        PolicyRule? allowedBy = null;
        if (_policy.Allow.Count > 0)
        {
            var (rule, uncovered) = Admit(_policy.Allow, subject);
            if (rule is null)
            {
                return PolicyDecision.Deny($"'{subject.Name}' matches no allow rule ({string.Join(", ", _policy.Allow.Select(r => r.Text))})" +
                    (uncovered is null ? "" : $": it performs {uncovered}, which no allow rule covers") +
                    "; only commands matching an allow rule run. Add a rule to AWS_MCP_ALLOW or the policy file to allow it.");
            }
            allowedBy = rule;
        }

        if (NeedsConsent(subject.Access))
            return new PolicyDecision(PolicyVerdict.NeedsConsent, $"'{subject.Name}' is a {subject.Access.ToWireName()} operation and AWS_MCP_CONSENT={Name(_policy.Consent)}{Performs(subject)}.", allowedBy);
        return PolicyDecision.Allow(allowedBy is null ? "allowed" : $"allowed by the rule {allowedBy}", allowedBy);
    }

    /// <summary>Whether a command can run at all, whatever the region and profile: typed tools are listed only then
    /// (read-only mode lists no write tool; an unconditional deny rule hides what it denies).</summary>
    public bool MayList(string service, CommandDescriptor command)
    {
        var subject = new PolicySubject(service, command.Name, command.Access, null, null, command.Actions);
        if (_policy.Deny.Any(r => r.IsUnconditional && Match(r, subject, unknownMatches: false) is not null))
            return false;
        if (_policy.ReadOnly && ReadOnlyDenial(subject) is not null)
            return false;
        return _policy.Allow.Count == 0 || Admit(_policy.Allow, subject, unknownMatches: true).Rule is not null;
    }

    /// <summary>Why a command may not run whatever the region and profile (the refusal, naming the rule or setting),
    /// or null: for a tool that is not listed.</summary>
    public PolicyDecision? WhyUnlisted(string service, CommandDescriptor command)
    {
        if (MayList(service, command))
            return null;
        var decision = Decide(new PolicySubject(service, command.Name, command.Access, null, null, command.Actions));
        return decision.Verdict == PolicyVerdict.Denied ? decision : null;
    }

    /// <summary>How a rule matches: by the command's name (null action) or by an action the command performs.</summary>
    private Matched? Match(PolicyRule rule, PolicySubject subject, bool unknownMatches)
    {
        if (!rule.ConditionsHold(subject, unknownMatches))
            return null;
        if (rule.NamesCommand(subject))
            return new Matched(null);
        return subject.PerformedActions.FirstOrDefault(action => Covers(rule, action)) is { } covered ? new Matched(covered) : null;
    }

    /// <summary>The allow rule that admits a command: one that names it, or (when every action is covered by some rule)
    /// the first of those. Otherwise the first action nothing covers.</summary>
    private (PolicyRule? Rule, string? Uncovered) Admit(IEnumerable<PolicyRule> rules, PolicySubject subject, bool unknownMatches = false)
    {
        var applicable = rules.Where(r => r.ConditionsHold(subject, unknownMatches)).ToList();
        if (applicable.FirstOrDefault(r => r.NamesCommand(subject)) is { } named)
            return (named, null);
        if (subject.PerformedActions.Count == 0)
            return (null, null);
        PolicyRule? first = null;
        foreach (var action in subject.PerformedActions)
        {
            var rule = applicable.FirstOrDefault(r => Covers(r, action));
            if (rule is null)
                return (null, action);
            first ??= rule;
        }
        return (first, null);
    }

    private bool Covers(PolicyRule rule, string action) =>
        rule.Target == RuleTarget.Action ? rule.MatchesAction(action) : ActionsOf(rule).Contains(action);

    private IReadOnlySet<string> ActionsOf(PolicyRule rule) =>
        rule.Target != RuleTarget.Command || _commandRuleActions is null ? NoActions : _actionsByRule.GetOrAdd(rule, r => _commandRuleActions(r));

    private PolicyDecision? ReadOnlyDenial(PolicySubject subject)
    {
        switch (subject.Access)
        {
            case AccessClass.Read:
                return null;
            case AccessClass.SensitiveRead: // only a rule naming the command lifts it: allowing s3:GetObject is not allowing presigned URLs
                return _policy.Allow.Any(r => r.IsExact && r.NamesCommand(subject) && r.ConditionsHold(subject, unknownMatches: false)) ? null : PolicyDecision.Deny(
                    $"'{subject.Name}' reveals secrets or mints credentials (a sensitive read), refused in read-only mode (AWS_MCP_READ_ONLY=true){Performs(subject)}. " +
                    $"To allow it, name it exactly in AWS_MCP_ALLOW (e.g. AWS_MCP_ALLOW=*,{subject.Name}).");
            default:
                return PolicyDecision.Deny(
                    $"'{subject.Name}' is a {subject.Access.ToWireName()} operation, refused in read-only mode (AWS_MCP_READ_ONLY=true){Performs(subject)}. " +
                    "Only read operations run; the operator can turn read-only mode off.");
        }
    }

    private bool NeedsConsent(AccessClass access) => _policy.Consent switch
    {
        ConsentMode.Destructive => access == AccessClass.Destructive,
        ConsentMode.Writes => access is AccessClass.Write or AccessClass.Destructive,
        _ => false,
    };

    private static string Via(Matched match) => match.Action is null ? "" : $": it performs {match.Action}, which the rule covers";

    private static string Performs(PolicySubject subject) =>
        subject.PerformedActions.Count == 0 ? "" : $"; it performs {string.Join(", ", subject.PerformedActions)}";

    public static string Name(ConsentMode mode) => mode.ToString().ToLowerInvariant();

    private sealed record Matched(string? Action);
}
