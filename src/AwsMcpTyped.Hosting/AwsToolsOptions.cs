using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Policy.Audit;

namespace AwsMcpTyped.Hosting;

/// <summary>What <see cref="AwsMcpServerBuilderExtensions.WithAwsTools"/> adds and how commands run.</summary>
public sealed class AwsToolsOptions
{
    /// <summary>Services whose operations are typed tools from the start (AWS CLI names: s3api, ec2, lambda, …).
    /// enable_service adds more at run time.</summary>
    public IList<string> Services { get; } = ["sts"];

    /// <summary>Timeouts, output limit, working directory, rate limits and the safety policy. The default asks for
    /// consent before destructive commands.</summary>
    public ExecutionPolicy Policy { get; set; } = ExecutionPolicy.Default;

    /// <summary>Where audit lines go; none by default.</summary>
    public AuditLog AuditLog { get; set; } = AuditLog.Off;

    /// <summary>Typed tools per tools/list page.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Shorthand for <c>Policy = Policy with { Safety = Policy.Safety with { ReadOnly = true } }</c>.</summary>
    public AwsToolsOptions ReadOnly()
    {
        Policy = Policy with { Safety = Policy.Safety with { ReadOnly = true } };
        return this;
    }

    /// <summary>Policy and audit log from the AWS_MCP_* variables, as awsmcp reads them (timeouts, limits, working
    /// directory, read-only, allow/deny, policy file, consent, AWS_MCP_AUDIT_LOG; no audit log unless it is set).</summary>
    public AwsToolsOptions PolicyFromEnvironment()
    {
        Policy = ExecutionPolicyEnvironment.Read();
        AuditLog = ExecutionPolicyEnvironment.OpenAuditLog(defaultTarget: "off");
        return this;
    }
}
