namespace AwsMcpTyped.Catalogue.Detail;

/// <summary>
/// Everything describe needs about one service beyond the generated tables: documentation as clean text,
/// the shape graph, paginators, waiters, examples and customization help. Written by the model compiler,
/// stored Brotli-compressed as an embedded resource, and loaded on first use.
/// </summary>
public sealed class ServiceDetail
{
    public required string Name { get; init; }
    public string? BotocoreName { get; init; }
    public string? ApiVersion { get; init; }
    public string? FullName { get; init; }
    public string? Protocol { get; init; }
    public string? Documentation { get; init; }
    public Dictionary<string, OperationDetail> Operations { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, ShapeDetail> Shapes { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, WaiterDetail> Waiters { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Operations of the model that AWS CLI v1 does not expose (event streams, replaced by customizations):
    /// the command name the baseline rules would give → the operation.</summary>
    public Dictionary<string, string> RemovedCommands { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The AWS CLI's hand-written examples (awscli/examples/*.rst as clean text), keyed by command name.</summary>
    public Dictionary<string, string> CliExamples { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The note the CLI prints above every EXAMPLES section.</summary>
    public string? CliExamplesNote { get; set; }

    /// <summary>Customization commands keyed by their CLI name (e.g. <c>cp</c>, <c>get-token</c>).</summary>
    public Dictionary<string, CustomCommandDetail> CustomCommands { get; init; } = new(StringComparer.Ordinal);
}
