using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Policy;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>Turns a validated aws stage into what the policy judges: its effects and where it will run.</summary>
internal static class CommandSubject
{
    /// <summary>Null for a command that touches nothing (<c>aws --version</c>).</summary>
    public static PolicySubject? For(AwsInvocation invocation, CallTarget target) =>
        invocation.Service is null || invocation.Command is null
            ? null
            : new PolicySubject(invocation.Service.Name, invocation.Command.Name, CommandAccess.Of(invocation), target.Region, target.ProfileName);
}
