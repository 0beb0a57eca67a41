using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>How many values an argument takes on the command line, as the CLI's argparse tables define it.</summary>
internal readonly record struct ArgumentArity(int Min, int Max)
{
    public static readonly ArgumentArity Flag = new(0, 0);
    public static readonly ArgumentArity One = new(1, 1);
    public static readonly ArgumentArity Optional = new(0, 1);
    public static readonly ArgumentArity Many = new(1, int.MaxValue);
    public static readonly ArgumentArity Any = new(0, int.MaxValue);

    /// <summary>From the catalogue: booleans are flags, lists take one or more values, the rest one; a
    /// customization's argparse nargs (?, +, *, N) wins where it is known.</summary>
    public static ArgumentArity Of(ArgumentDescriptor argument, string? nargs) => nargs switch
    {
        "?" => Optional,
        "+" => Many,
        "*" => Any,
        _ when int.TryParse(nargs, out var count) => new ArgumentArity(count, count),
        _ when argument.Type == ArgumentType.Boolean => Flag,
        _ when argument.Type == ArgumentType.List && argument.Member is not null => Many,
        _ => One,
    };
}
