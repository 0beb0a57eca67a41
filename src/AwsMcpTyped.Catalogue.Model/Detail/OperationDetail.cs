namespace AwsMcpTyped.Catalogue.Detail;

public sealed class OperationDetail
{
    public string? Documentation { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
    public string? HttpMethod { get; init; }
    public string? HttpUri { get; init; }
    public bool Deprecated { get; init; }
    public string? DeprecatedMessage { get; init; }
    public PaginatorDetail? Paginator { get; init; }
    public List<ExampleDetail>? Examples { get; init; }
}

public sealed class PaginatorDetail
{
    public List<string> InputTokens { get; init; } = [];
    public List<string> OutputTokens { get; init; } = [];
    public string? LimitKey { get; init; }
    public List<string> ResultKeys { get; init; } = [];
    public string? MoreResults { get; init; }
}

/// <summary>One example from botocore's examples-1.json; input and output kept as JSON text.</summary>
public sealed class ExampleDetail
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Input { get; init; }
    public string? Output { get; init; }
}

public sealed class WaiterDetail
{
    /// <summary>The CLI command: <c>wait instance-running</c>.</summary>
    public required string Command { get; init; }
    public required string Operation { get; init; }
    public int Delay { get; init; }
    public int MaxAttempts { get; init; }
    /// <summary>As the CLI prints it: "Wait until JMESPath query … returns running for all elements …".</summary>
    public string? Description { get; init; }
}
