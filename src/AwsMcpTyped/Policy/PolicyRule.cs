namespace AwsMcpTyped.Policy;

/// <summary>
/// One allow or deny rule: a <c>service:command</c> pattern, optionally limited to regions and profiles (all globs).
/// <see cref="Text"/> is the rule as written and <see cref="Source"/> where (AWS_MCP_DENY, a policy file), so a
/// refusal can name the rule that blocked it.
/// </summary>
public sealed record PolicyRule(Glob Service, Glob Command, Glob? Region, Glob? Profile, string Text, string Source)
{
    /// <summary>Names one command exactly (no wildcard in service or command): what "explicitly allowed" means for a
    /// sensitive read in read-only mode.</summary>
    public bool NamesOneCommand => !Service.HasWildcard && !Command.HasWildcard;

    /// <summary>Whether the rule applies to a call. An unknown region or profile matches a condition on it only when
    /// <paramref name="unknownMatches"/>: deny rules fail closed (they match), allow rules fail closed (they do not).</summary>
    public bool Matches(PolicySubject subject, bool unknownMatches) =>
        Service.IsMatch(subject.Service) && Command.IsMatch(subject.Command) &&
        Condition(Region, subject.Region, unknownMatches) && Condition(Profile, subject.Profile, unknownMatches);

    private static bool Condition(Glob? condition, string? value, bool unknownMatches) =>
        condition is null || (value is null ? unknownMatches : condition.IsMatch(value));

    public override string ToString() => $"'{Text}' ({Source})";
}
