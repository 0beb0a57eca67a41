using AwsMcpTyped.Policy;

namespace AwsMcpTyped.Execution;

/// <summary>What the executor allows beyond its fixed rules; all of it configurable by the server's operator.</summary>
public sealed record ExecutionPolicy
{
    /// <summary>Allow <c>--endpoint-url</c> to hosts other than loopback (off: a command cannot send your signed
    /// requests, or reach an instance metadata service, somewhere else).</summary>
    public bool AllowNonLoopbackEndpoints { get; init; }

    /// <summary>Let assistants start <c>aws sso login</c> (AWS_MCP_ALLOW_SIGN_IN; off: refused, to be run in a terminal).
    /// The call returns the URL and code the CLI prints, for the user to approve; the CLI waits in the background.</summary>
    public bool AllowSignIn { get; init; }

    /// <summary>The per-call timeout used when the call gives none (seconds).</summary>
    public int DefaultTimeoutSeconds { get; init; } = 300;

    /// <summary>The largest per-call timeout a caller may ask for (seconds).</summary>
    public int MaxTimeoutSeconds { get; init; } = 3600;

    /// <summary>Characters of output returned before the rest is cut with a marker.</summary>
    public int OutputLimitCharacters { get; init; } = 100_000;

    /// <summary>Read-only mode, allow/deny rules and consent (issue: the safety policy).</summary>
    public SafetyPolicy Safety { get; init; } = SafetyPolicy.Default;

    /// <summary>AWS commands running at once, at most (AWS_MCP_MAX_CONCURRENCY).</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>AWS commands started per second, at most; 0 for no limit (AWS_MCP_RATE_LIMIT).</summary>
    public double CallsPerSecond { get; init; } = 10;

    /// <summary>The only directory where commands may read or write local files, and the CLI's current directory
    /// (AWS_MCP_WORKDIR). Null: a private temporary directory (mode 0700) created once per process.</summary>
    public string? WorkingDirectory { get; init; }

    public static ExecutionPolicy Default { get; } = new();
}
