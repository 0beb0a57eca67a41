using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.Effects;

/// <summary>Decides a call's <see cref="CallTarget"/> by the installed CLI's dialect, asking the CLI for its version
/// only when the dialects disagree for this environment and command (most calls never need to ask).</summary>
/// <param name="cliPath">The CLI that will run; null when none is installed (nothing runs, v1 rules judge).</param>
/// <param name="variable">Reads the environment the aws stage will inherit.</param>
internal sealed class CallTargetResolver(string? cliPath, Func<string, string?> variable)
{
    public async ValueTask<CallTarget> ResolveAsync(AwsInvocation invocation, string? callRegion, string? callProfile, CancellationToken cancellationToken)
    {
        var v1 = CallTarget.Resolve(invocation, callRegion, callProfile, AwsCliDialect.V1, variable);
        var v2 = CallTarget.Resolve(invocation, callRegion, callProfile, AwsCliDialect.V2, variable);
        if (v1 == v2 || cliPath is null)
            return v1;
        var major = await AwsCliVersion.MajorAsync(cliPath).WaitAsync(cancellationToken).ConfigureAwait(false);
        return AwsCliDialect.ForMajor(major) == AwsCliDialect.V2 ? v2 : v1;
    }
}
