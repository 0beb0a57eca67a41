namespace AwsMcpTyped.Policy;

/// <summary>What a rule's pattern names: CLI commands (<c>s3api:delete-bucket</c>) or IAM actions (<c>s3:DeleteBucket</c>).</summary>
public enum RuleTarget
{
    /// <summary><see cref="PolicyRule.Service"/> and <see cref="PolicyRule.Command"/> are CLI names.</summary>
    Command,
    /// <summary><see cref="PolicyRule.Service"/> is an IAM service prefix and <see cref="PolicyRule.Command"/> an action name.</summary>
    Action,
}

/// <summary>
/// One allow or deny rule: a <c>service:command</c> or <c>prefix:Action</c> pattern, optionally limited to regions and
/// profiles (all globs). <see cref="Text"/> is the rule as written and <see cref="Source"/> where (AWS_MCP_DENY, a policy
/// file), so a refusal can name the rule that blocked it.
/// </summary>
public sealed record PolicyRule(Glob Service, Glob Command, Glob? Region, Glob? Profile, string Text, string Source)
{
    public RuleTarget Target { get; init; } = RuleTarget.Command;

    /// <summary>No wildcard in the pattern: what "explicitly allowed" means for a sensitive read in read-only mode.</summary>
    public bool IsExact => !Service.HasWildcard && !Command.HasWildcard;

    /// <summary>Whether a command rule names the subject's command.</summary>
    public bool NamesCommand(PolicySubject subject) =>
        Target == RuleTarget.Command && Service.IsMatch(subject.Service) && Command.IsMatch(subject.Command);

    /// <summary>Whether an action rule's pattern matches one IAM action (<c>prefix:Action</c>).</summary>
    public bool MatchesAction(string action)
    {
        if (Target != RuleTarget.Action)
            return false;
        var colon = action.IndexOf(':');
        return colon > 0 && Service.IsMatch(action[..colon]) && Command.IsMatch(action[(colon + 1)..]);
    }

    /// <summary>Whether the region and profile conditions hold. An unknown region or profile meets a condition only
    /// when <paramref name="unknownMatches"/>: deny rules fail closed (they match), allow rules fail closed (they do not).</summary>
    public bool ConditionsHold(PolicySubject subject, bool unknownMatches) =>
        // The CLI takes a region in any case (--region US-EAST-1); rules name regions in lower case.
        Condition(Region, subject.Region?.ToLowerInvariant(), unknownMatches) && Condition(Profile, subject.Profile, unknownMatches);

    /// <summary>Unconditional: applies in every region and profile.</summary>
    public bool IsUnconditional => Region is null && Profile is null;

    private static bool Condition(Glob? condition, string? value, bool unknownMatches) =>
        condition is null || (value is null ? unknownMatches : condition.IsMatch(value));

    public override string ToString() => $"'{Text}' ({Source})";
}
