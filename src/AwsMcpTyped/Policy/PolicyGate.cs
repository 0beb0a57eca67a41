using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Policy;

/// <summary>How a validated command fared with the policy: the audit decision, the rule, and the refusal if any.</summary>
public sealed record GateOutcome(string Decision, PolicyRule? Rule, string? Reason, Rejection? Rejection);

/// <summary>
/// Applies the policy to a validated command: decides, and for commands that need consent asks through the call's
/// <see cref="ConsentPrompt"/>. Nothing runs unless the outcome has no rejection.
/// </summary>
public sealed class PolicyGate(PolicyEngine engine)
{
    public PolicyEngine Engine => engine;

    public async ValueTask<GateOutcome> CheckAsync(string commandLine, AwsInvocation invocation, string? callRegion, string? callProfile,
        ConsentPrompt? consent, CancellationToken cancellationToken)
    {
        if (invocation.Service is null || invocation.Command is null)
            return new GateOutcome("allowed", null, "aws --version", null); // prints the CLI's version; touches nothing
        var (region, profile) = CallTarget.Resolve(invocation, callRegion, callProfile);
        var subject = new PolicySubject(invocation.Service.Name, invocation.Command.Name, CommandAccess.Of(invocation), region, profile);
        var decision = engine.Decide(subject);
        switch (decision.Verdict)
        {
            case PolicyVerdict.Allowed:
                return new GateOutcome("allowed", decision.Rule, decision.Reason, null);
            case PolicyVerdict.Denied:
                return Refused("denied", decision, decision.Reason);
        }

        var answer = consent is null ? ConsentAnswer.Unavailable : await consent(new ConsentRequest(commandLine, subject, decision.Reason), cancellationToken);
        return answer switch
        {
            ConsentAnswer.Given => new GateOutcome("consent-given", decision.Rule, decision.Reason, null),
            ConsentAnswer.Declined => Refused("consent-declined", decision, $"The user declined to run '{subject.Name}'. {decision.Reason}"),
            _ => Refused("consent-unavailable", decision,
                $"'{subject.Name}' needs the user's confirmation ({decision.Reason}) but there is no way to ask here: this MCP client does not " +
                "support elicitation (or exec ran without --yes). To run it, use a client that supports elicitation, confirm with " +
                $"'awsmcp exec --yes', or have the operator set AWS_MCP_CONSENT to a lower level (off | destructive | writes; now {PolicyEngine.Name(engine.Policy.Consent)})."),
        };
    }

    private static GateOutcome Refused(string label, PolicyDecision decision, string message) =>
        new(label, decision.Rule, message, new Rejection(RejectionKind.Denied, message));
}
