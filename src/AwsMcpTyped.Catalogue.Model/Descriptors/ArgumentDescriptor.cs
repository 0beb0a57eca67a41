namespace AwsMcpTyped.Catalogue;

/// <summary>The CLI type of an argument (the botocore shape type, or the customization's type).</summary>
public enum ArgumentType
{
    String,
    Integer,
    Long,
    Float,
    Double,
    Boolean,
    Timestamp,
    Blob,
    List,
    Map,
    Structure,
    Document,
}

[Flags]
public enum ArgumentFlags
{
    None = 0,
    Required = 1,
    /// <summary>Accepted but undocumented (e.g. the raw pagination tokens of paginated operations).</summary>
    Hidden = 2,
    /// <summary>Given by position, not by <c>--name</c> (outfile, s3 paths).</summary>
    Positional = 4,
    /// <summary>The <c>--no-x</c> half of a boolean pair.</summary>
    Negation = 8,
    /// <summary>Carries secret material: its input member's shape, or a shape reachable from it (structure members,
    /// list members, map keys and values), is marked <c>sensitive</c> in the botocore model. Mask it in logs and echoes.</summary>
    Sensitive = 16,
}

/// <summary>One argument exactly as the AWS CLI spells it.</summary>
/// <param name="Name">The CLI spelling: <c>--instance-ids</c>, <c>--no-dry-run</c>, <c>outfile</c>.</param>
/// <param name="Member">The botocore input member it serialises to; null for CLI-only arguments.</param>
public sealed record ArgumentDescriptor(string Name, string? Member, ArgumentType Type, ArgumentFlags Flags)
{
    public bool IsRequired => (Flags & ArgumentFlags.Required) != 0;
    public bool IsHidden => (Flags & ArgumentFlags.Hidden) != 0;
    public bool IsPositional => (Flags & ArgumentFlags.Positional) != 0;
    public bool IsNegation => (Flags & ArgumentFlags.Negation) != 0;
    public bool IsSensitive => (Flags & ArgumentFlags.Sensitive) != 0;

    /// <summary>The CLI versions whose command has this argument. A command may list one name twice with disjoint
    /// dialects when the versions disagree about it (v2 requires <c>iam enable-mfa-device --authentication-code1</c>).</summary>
    public CliDialects Dialects { get; init; } = CliDialects.All;
}
