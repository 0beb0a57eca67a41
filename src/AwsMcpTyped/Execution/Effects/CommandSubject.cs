using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Policy;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>Turns a validated aws stage into what the policy judges: its effects and where it will run.</summary>
internal static class CommandSubject
{
    /// <summary>Null for a command that touches nothing (<c>aws --version</c>).</summary>
    public static PolicySubject? For(AwsInvocation invocation, string? callRegion, string? callProfile)
    {
        if (invocation.Service is null || invocation.Command is not { } command)
            return null;
        var (region, profile) = CallTarget.Resolve(invocation, callRegion, callProfile);
        return new PolicySubject(invocation.Service.Name, command.Name, CommandAccess.Of(invocation), region, profile, command.Actions);
    }
}
