namespace AwsMcpTyped.Catalogue;

/// <summary>Where a CLI command comes from.</summary>
public enum CommandKind
{
    /// <summary>A botocore operation exposed by the CLI's generated command table.</summary>
    Operation,
    /// <summary><c>aws &lt;svc&gt; wait &lt;waiter&gt;</c>, derived from waiters-2.json as the CLI does.</summary>
    Waiter,
    /// <summary>A hand-written CLI customization (s3 cp, configure set, eks get-token, …).</summary>
    Custom,
}

[Flags]
public enum CommandFlags
{
    None = 0,
    /// <summary>Accepted by the CLI but not shown in its help (legacy aliases).</summary>
    Hidden = 1,
    /// <summary>Has a paginator: --starting-token/--max-items are available.</summary>
    Paginated = 2,
    /// <summary>The model marks the operation deprecated.</summary>
    Deprecated = 4,
    /// <summary>The output is streamed to an <c>outfile</c> positional argument.</summary>
    StreamingOutput = 8,
}
