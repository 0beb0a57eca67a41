using System.Text.Json.Nodes;

namespace AwsMcpTyped.Catalogue.Building;

/// <summary>The CLI's argparse <c>nargs</c> and <c>append</c> of an argument, as the golden file, the overrides and the
/// customizations record them, turned into <see cref="ArgumentFlags"/> and back.</summary>
internal static class ArgparseValues
{
    private const ArgumentFlags ValueFlags = ArgumentFlags.NoValue | ArgumentFlags.OptionalValue | ArgumentFlags.ManyValues |
                                             ArgumentFlags.TwoValues | ArgumentFlags.Repeatable;

    /// <summary><paramref name="flags"/> with its value flags replaced by those of <paramref name="nargs"/>
    /// (null: one value; 0; "?"; "*"; "+"; 1; 2) and <paramref name="repeatable"/>.</summary>
    public static ArgumentFlags With(ArgumentFlags flags, JsonNode? nargs, bool repeatable)
    {
        var values = nargs?.ToString() switch
        {
            null or "1" => ArgumentFlags.None,
            "0" => ArgumentFlags.NoValue,
            "?" => ArgumentFlags.OptionalValue,
            "*" => ArgumentFlags.ManyValues | ArgumentFlags.OptionalValue,
            "+" => ArgumentFlags.ManyValues,
            "2" => ArgumentFlags.TwoValues,
            var other => throw new InvalidDataException($"argparse nargs '{other}' has no ArgumentFlags"),
        };
        return (flags & ~ValueFlags) | values | (repeatable ? ArgumentFlags.Repeatable : ArgumentFlags.None);
    }

    /// <summary>The argparse nargs that <paramref name="flags"/> stand for, spelled as <see cref="With"/> reads it
    /// (one value, including nargs 1, is null).</summary>
    public static string? Nargs(ArgumentFlags flags) => (flags & (ValueFlags & ~ArgumentFlags.Repeatable)) switch
    {
        ArgumentFlags.None => null,
        ArgumentFlags.NoValue => "0",
        ArgumentFlags.OptionalValue => "?",
        ArgumentFlags.ManyValues | ArgumentFlags.OptionalValue => "*",
        ArgumentFlags.ManyValues => "+",
        ArgumentFlags.TwoValues => "2",
        var other => throw new InvalidDataException($"value flags {other} are no argparse nargs"),
    };
}
