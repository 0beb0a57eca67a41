namespace AwsMcpTyped.Policy;

/// <summary>How a command fared with the policy: the audit decision, the rule, why, and whether it was refused
/// (then <see cref="Reason"/> is the refusal to show).</summary>
public sealed record GateOutcome(string Decision, PolicyRule? Rule, string? Reason, bool Refused)
{
    internal static GateOutcome RefusedBy(string label, PolicyDecision decision, string message) => new(label, decision.Rule, message, Refused: true);
}

/// <summary>
/// Applies the policy to one command: decides, and for commands that need consent asks through the call's
/// <see cref="ConsentPrompt"/>. Nothing may run when the outcome is refused.
/// </summary>
public sealed class PolicyGate(PolicyEngine engine)
{
    public PolicyEngine Engine => engine;

    /// <param name="commandLine">The command as the user will see it in a consent prompt (already redacted).</param>
    /// <param name="subject">What the command does; null for a command that touches nothing (<c>aws --version</c>).</param>
    public async ValueTask<GateOutcome> CheckAsync(string commandLine, PolicySubject? subject, ConsentPrompt? consent, CancellationToken cancellationToken)
    {
        if (subject is null)
            return new GateOutcome("allowed", null, "aws --version", Refused: false); // prints the CLI's version; touches nothing
        var decision = engine.Decide(subject);
        switch (decision.Verdict)
        {
            case PolicyVerdict.Allowed:
                return new GateOutcome("allowed", decision.Rule, decision.Reason, Refused: false);
            case PolicyVerdict.Denied:
                return GateOutcome.RefusedBy("denied", decision, decision.Reason);
        }

        var answer = consent is null ? ConsentAnswer.Unavailable : await consent(new ConsentRequest(commandLine, subject, decision.Reason), cancellationToken).ConfigureAwait(false);
        return answer switch
        {
            ConsentAnswer.Given => new GateOutcome("consent-given", decision.Rule, decision.Reason, Refused: false),
            ConsentAnswer.Declined => GateOutcome.RefusedBy("consent-declined", decision, $"The user declined to run '{subject.Name}'. {decision.Reason}"),
            _ => GateOutcome.RefusedBy("consent-unavailable", decision,
                $"'{subject.Name}' needs the user's confirmation ({decision.Reason}) but there is no way to ask here: this MCP client does not " +
                "support elicitation (or exec ran without --yes). To run it, use a client that supports elicitation, confirm with " +
                $"'awsmcp exec --yes', or have the operator set AWS_MCP_CONSENT to a lower level (off | destructive | writes; now {PolicyEngine.Name(engine.Policy.Consent)})."),
        };
    }
}
