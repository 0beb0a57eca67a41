using AwsMcpTyped.Policy;

namespace AwsMcpTyped.Execution;

/// <summary>Per-call settings of execute_command.</summary>
public sealed record ExecuteOptions
{
    /// <summary>Seconds before the whole pipeline is stopped; null uses the policy default (300 s).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Overrides AWS_REGION/AWS_DEFAULT_REGION for this call (a --region on the command line still wins, as in the CLI).</summary>
    public string? Region { get; init; }

    /// <summary>Overrides AWS_PROFILE for this call.</summary>
    public string? Profile { get; init; }

    /// <summary>Who is calling, for the audit log: the tool name, or exec.</summary>
    public string Caller { get; init; } = "execute_command";

    /// <summary>How to ask the user when the policy wants consent; null: there is no way to ask.</summary>
    public ConsentPrompt? Consent { get; init; }

    public static ExecuteOptions Default { get; } = new();
}
