using AwsMcpTyped.Policy;

namespace AwsMcpTyped.Execution;

/// <summary>Per-call settings of execute_command.</summary>
public sealed record ExecuteOptions
{
    /// <summary>Seconds before the whole pipeline is stopped; null uses the policy default (300 s).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The region for this call, as if given with --region (which, on the command line, still wins); see
    /// <see cref="Effects.CallTarget.Resolve"/>.</summary>
    public string? Region { get; init; }

    /// <summary>The profile for this call, as if given with --profile (which, on the command line, still wins).</summary>
    public string? Profile { get; init; }

    /// <summary>Who is calling, for the audit log: the tool name, or exec.</summary>
    public string Caller { get; init; } = "execute_command";

    /// <summary>How to ask the user when the policy wants consent; null: there is no way to ask.</summary>
    public ConsentPrompt? Consent { get; init; }

    public static ExecuteOptions Default { get; } = new();
}
