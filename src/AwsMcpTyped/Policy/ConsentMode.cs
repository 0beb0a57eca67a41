namespace AwsMcpTyped.Policy;

/// <summary>Which commands need the user's confirmation (AWS_MCP_CONSENT).</summary>
public enum ConsentMode
{
    /// <summary>No confirmation.</summary>
    Off,
    /// <summary>Destructive commands (delete, terminate, …) need confirmation. The default.</summary>
    Destructive,
    /// <summary>Every write and destructive command needs confirmation.</summary>
    Writes,
}
