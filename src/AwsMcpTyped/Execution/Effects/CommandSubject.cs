using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Policy;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>Turns a validated aws stage into what the policy judges: its effects and where it will run.</summary>
internal static class CommandSubject
{
    /// <summary>Null for a command that touches nothing (<c>aws --version</c>). The class is the one the arguments
    /// decide (<see cref="ArgumentEffects"/>) or else the catalogue's; <see cref="PolicySubject.ArgumentActions"/>
    /// carries the arguments' complete action list when they decide one.</summary>
    public static PolicySubject? For(AwsInvocation invocation, string? callRegion, string? callProfile)
    {
        if (invocation.Service is null || invocation.Command is null)
            return null;
        var (region, profile) = CallTarget.Resolve(invocation, callRegion, callProfile);
        var effect = ArgumentEffects.Of(invocation);
        return new PolicySubject(invocation.Service.Name, invocation.Command.Name, effect?.Access ?? invocation.Command.Access, region, profile)
        {
            ArgumentActions = effect?.Actions,
        };
    }
}
