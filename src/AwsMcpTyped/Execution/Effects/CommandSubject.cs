using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Policy;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>Turns a validated aws stage into what the policy judges: its effects and where it will run.</summary>
internal static class CommandSubject
{
    /// <summary>Null for a command that touches nothing (<c>aws --version</c>). The class is the one the arguments
    /// decide (<see cref="ArgumentEffects"/>) or else the catalogue's, and so are the actions: the arguments' complete
    /// list when they decide one, else every action the command may perform.</summary>
    public static PolicySubject? For(AwsInvocation invocation, CallTarget target)
    {
        if (invocation.Service is null || invocation.Command is not { } command)
            return null;
        var effect = ArgumentEffects.Of(invocation);
        return new PolicySubject(invocation.Service.Name, command.Name, effect?.Access ?? command.Access, target.Region, target.ProfileName,
            effect?.Actions ?? command.Actions);
    }
}
