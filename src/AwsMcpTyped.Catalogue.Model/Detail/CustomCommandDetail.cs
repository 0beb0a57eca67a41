namespace AwsMcpTyped.Catalogue.Detail;

/// <summary>Help for a CLI customization, captured once from the installed CLI and cleaned to plain text.</summary>
public sealed class CustomCommandDetail
{
    public string? Summary { get; init; }
    public string? Description { get; init; }
    public string? Synopsis { get; init; }
    public string? Examples { get; init; }
    /// <summary>The whole help page as the CLI lays it out, cleaned (no ^H, no ReST markup).</summary>
    public string? HelpPage { get; init; }
    public List<CustomArgumentDetail> Arguments { get; init; } = [];
}

public sealed class CustomArgumentDetail
{
    public required string Name { get; init; }
    public string? Type { get; init; }
    public string? Help { get; init; }
    public string? Nargs { get; init; }
    public List<string>? Choices { get; init; }
}
