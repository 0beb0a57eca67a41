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
    /// <summary>Takes no value: a flag (argparse <c>store_true</c>/<c>store_false</c>, nargs 0).</summary>
    NoValue = 32,
    /// <summary>Its value may be left out (nargs <c>?</c>: <c>--generate-cli-skeleton</c>, ec2's
    /// <c>--enable-dns-hostnames</c>); with <see cref="ManyValues"/>, zero or more values (nargs <c>*</c>: lists).</summary>
    OptionalValue = 64,
    /// <summary>Takes one value or more, up to the next option (nargs <c>+</c>).</summary>
    ManyValues = 128,
    /// <summary>Takes exactly two values (nargs 2: <c>s3 cp</c>'s paths, <c>s3 mb --tags</c>).</summary>
    TwoValues = 256,
    /// <summary>Given again, it adds to the earlier values instead of replacing them (argparse <c>append</c>:
    /// <c>s3 cp --include</c>).</summary>
    Repeatable = 512,
}

/// <summary>How many values an argument takes on the command line, as the CLI's argparse parser counts them.</summary>
public readonly record struct ValueCount(int Min, int Max)
{
    /// <summary>The count the value flags of an argument describe.</summary>
    public static ValueCount Of(ArgumentFlags flags) =>
        (flags & ArgumentFlags.NoValue) != 0 ? new(0, 0)
        : (flags & ArgumentFlags.TwoValues) != 0 ? new(2, 2)
        : (flags & ArgumentFlags.ManyValues) != 0 ? new((flags & ArgumentFlags.OptionalValue) != 0 ? 0 : 1, int.MaxValue)
        : (flags & ArgumentFlags.OptionalValue) != 0 ? new(0, 1)
        : new(1, 1);
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
    public bool IsRepeatable => (Flags & ArgumentFlags.Repeatable) != 0;

    /// <summary>How many values follow the name (the CLI's argparse <c>nargs</c>).</summary>
    public ValueCount Values => ValueCount.Of(Flags);

    /// <summary>The CLI versions whose command has this argument. A command may list one name twice with disjoint
    /// dialects when the versions disagree about it (v2 requires <c>iam enable-mfa-device --authentication-code1</c>).</summary>
    public CliDialects Dialects { get; init; } = CliDialects.All;
}
