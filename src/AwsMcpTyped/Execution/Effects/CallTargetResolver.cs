using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>Decides a call's <see cref="CallTarget"/> by the installed CLI's dialect, waiting for the CLI's detection
/// only when the dialects disagree for this environment and command (most calls never need it).</summary>
/// <param name="cli">The CLI that will run; none installed: nothing runs, v1 rules judge.</param>
/// <param name="environmentChanges">What the aws stage's environment changes from this process's.</param>
/// <param name="variable">Reads the environment the aws stage will inherit.</param>
internal sealed class CallTargetResolver(AwsCliInstallation cli, IReadOnlyDictionary<string, string?> environmentChanges, Func<string, string?> variable)
{
    public async ValueTask<CallTarget> ResolveAsync(AwsInvocation invocation, string? callRegion, string? callProfile, CancellationToken cancellationToken)
    {
        var v1 = CallTarget.Resolve(invocation, callRegion, callProfile, AwsCliDialect.V1, variable);
        var v2 = CallTarget.Resolve(invocation, callRegion, callProfile, AwsCliDialect.V2, variable);
        if (v1 == v2 || !cli.IsInstalled)
            return v1;
        var info = await cli.DetectAsync(environmentChanges, cancellationToken).ConfigureAwait(false);
        return AwsCliDialect.ForMajor(info?.Major) == AwsCliDialect.V2 ? v2 : v1;
    }
}
