using System.Globalization;
using System.Numerics;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>A value the CLI loads from a param file (<c>file://</c> text or <c>fileb://</c> bytes): its contents are
/// not known when a command is checked, so checks that need them pass it.</summary>
internal sealed record LoadedFile(string Reference, bool Binary);

/// <summary>
/// The Python values the CLI hands botocore, as .NET objects: <see cref="string"/> (str), <see cref="BigInteger"/>
/// (int), <see cref="double"/> (float), <see cref="bool"/>, null (None), <see cref="List{T}"/> of values (list) and
/// <see cref="Dictionary{TKey,TValue}"/> from string (dict, in insertion order), plus <see cref="LoadedFile"/>.
/// </summary>
internal static class PythonValues
{
    /// <summary>How a value reads in a message: its kind and, for scalars, the value.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"the string '{Shorten(s)}'",
        bool b => b ? "true" : "false",
        BigInteger i => $"the number {i}",
        double d => $"the number {d.ToString("R", CultureInfo.InvariantCulture)}",
        List<object?> => "a list",
        Dictionary<string, object?> => "a structure",
        LoadedFile f => $"the contents of {f.Reference}",
        _ => value.GetType().Name,
    };

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "…";
}
