namespace AwsMcpTyped.Catalogue.Detail;

/// <summary>A botocore shape with its documentation converted to text.</summary>
public sealed class ShapeDetail
{
    /// <summary>structure, list, map, string, integer, long, float, double, boolean, timestamp, blob.</summary>
    public required string Type { get; init; }
    public string? Documentation { get; init; }
    public List<MemberDetail>? Members { get; init; }
    public List<string>? Required { get; init; }
    public List<string>? Enum { get; init; }
    /// <summary>List element shape.</summary>
    public string? Member { get; init; }
    public string? Key { get; init; }
    public string? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public string? Pattern { get; init; }
    public bool Streaming { get; init; }
    /// <summary>The model marks the shape itself secret (a password, a key, a secret string); mask its values.</summary>
    public bool Sensitive { get; init; }
    public bool Union { get; init; }
    public bool Document { get; init; }
    public bool Exception { get; init; }
    public string? TimestampFormat { get; init; }
}

public sealed class MemberDetail
{
    public required string Name { get; init; }
    public required string Shape { get; init; }
    public string? Documentation { get; init; }
    /// <summary>header, querystring, uri, statusCode… for REST protocols.</summary>
    public string? Location { get; init; }
    public bool Deprecated { get; init; }
    /// <summary>The member's value holds secret material: its shape, or a shape reachable from it, is sensitive.
    /// Mask the value when its shape is <see cref="ShapeDetail.Sensitive"/>, otherwise descend into it. Omitted when false.</summary>
    public bool Sensitive { get; init; }
    /// <summary>The member fills a label of the endpoint's host name: botocore requires at least one character.</summary>
    public bool HostLabel { get; init; }
    /// <summary>A header whose string value is JSON (the model's <c>jsonvalue</c>): the CLI reads the argument as JSON.</summary>
    public bool JsonValue { get; init; }
    /// <summary>The member is the streaming payload (s3's Body): the CLI reads the argument as a file path.</summary>
    public bool Streaming { get; init; }
}
