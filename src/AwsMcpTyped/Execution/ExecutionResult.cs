using System.Text;
using AwsMcpTyped.Execution.Errors;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution;

/// <summary>The outcome of execute_command: output (one copy, cut at the limit with a marker), status, exit code,
/// stderr, how long it ran, and for failures an error kind with an actionable hint.</summary>
public sealed record ExecutionResult
{
    public required ExecutionStatus Status { get; init; }
    public string Output { get; init; } = "";
    public long OutputCharacters { get; init; }
    public bool Truncated { get; init; }
    public int? ExitCode { get; init; }
    public string Stderr { get; init; } = "";
    public TimeSpan Duration { get; init; }
    public Rejection? Rejection { get; init; }
    public ErrorKind? Error { get; init; }
    public string? Hint { get; init; }
    /// <summary>The stage whose failure decided the result (0 = aws).</summary>
    public int? FailedStage { get; init; }

    public bool IsError => Status != ExecutionStatus.Success;

    /// <summary>The result as text for a person or an assistant: output first, then what went wrong and what to do.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        if (Status == ExecutionStatus.Rejected)
            return $"Command rejected ({Rejection!.Kind}); nothing was run. {Rejection.Message}\n";
        text.Append(Output);
        if (Output.Length > 0 && !Output.EndsWith('\n'))
            text.Append('\n');
        if (Status != ExecutionStatus.Success)
        {
            text.Append(Status switch
            {
                ExecutionStatus.TimedOut => $"Timed out after {Duration.TotalSeconds:F1} s; the command and its processes were stopped.",
                ExecutionStatus.Cancelled => "Cancelled; the command and its processes were stopped.",
                _ => $"Failed (exit code {ExitCode?.ToString() ?? "none"}{(FailedStage > 0 ? $", stage {FailedStage + 1}" : "")}, {Error}).",
            });
            if (Stderr.Length > 0)
                text.Append('\n').Append(Stderr.TrimEnd());
            if (Hint is not null)
                text.Append("\nHint: ").Append(Hint);
            text.Append('\n');
        }
        return text.ToString();
    }
}
