namespace AwsMcpTyped.Execution;

public enum ExecutionStatus
{
    Success,
    /// <summary>Refused before running; nothing was executed.</summary>
    Rejected,
    Failed,
    TimedOut,
    Cancelled,
}
