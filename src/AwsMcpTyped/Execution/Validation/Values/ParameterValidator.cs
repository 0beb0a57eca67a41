using System.Numerics;
using AwsMcpTyped.Text;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>
/// A port of botocore's <c>ParamValidator</c> (botocore/validate.py), which the CLI runs on every request before
/// sending it: types as Python's <c>isinstance</c> sees them (a bool is an int, an int is a float), required
/// members at every depth, unknown members, the tagged-union rule, the model's <c>min</c> (length of strings and
/// lists, value of numbers; a host label needs one character) and timestamps botocore can read. Like botocore it
/// checks no maximum, no pattern and no enum. Documents and JSON-value headers take any JSON. Values loaded from
/// files (<see cref="LoadedFile"/>) are not known here and pass.
/// </summary>
/// <param name="decodesBlobs">Whether blob text is base64 that the CLI decodes first (v2's default).</param>
internal sealed class ParameterValidator(bool decodesBlobs)
{
    private readonly List<string> _problems = [];

    /// <summary>Every problem botocore would report for the value of one argument, named from the option.</summary>
    public IReadOnlyList<string> Validate(object? value, InputShape shape, string name, bool hostLabel = false, bool jsonValue = false)
    {
        _problems.Clear();
        Check(value, shape, name, hostLabel, jsonValue);
        return [.. _problems];
    }

    /// <summary>The problems of some members of a structure whose other members come from elsewhere (the options
    /// beside <c>--cli-input-json</c>, or customizations): unknown members and each member's value; not required
    /// members or the union rule, which need the whole.</summary>
    public IReadOnlyList<string> ValidateMembers(Dictionary<string, object?> members, InputShape shape, string name)
    {
        _problems.Clear();
        Members(members, shape, name);
        return [.. _problems];
    }

    private void Check(object? value, InputShape shape, string name, bool hostLabel, bool jsonValue)
    {
        if (value is LoadedFile || jsonValue || shape.Document)
            return;
        switch (shape.Type)
        {
            case "structure" when IsType<Dictionary<string, object?>>(value, shape, name) is { } members:
                Structure(members, shape, name);
                break;
            case "list" when IsType<List<object?>>(value, shape, name) is { } items:
                Minimum(items.Count, shape, name, hostLabel, "items");
                for (var i = 0; i < items.Count; i++)
                    Check(items[i], shape.Member!, $"{name}[{i}]", false, false);
                break;
            case "map" when IsType<Dictionary<string, object?>>(value, shape, name) is { } entries:
                foreach (var (key, entry) in entries)
                {
                    Check(key, shape.Key!, $"{name} (key '{key}')", false, false);
                    Check(entry, shape.Value!, $"{name}.{key}", false, false);
                }
                break;
            case "string" when IsType<string>(value, shape, name) is { } text:
                Minimum(text.EnumerateRunes().Count(), shape, name, hostLabel, "characters");
                break;
            case "integer" or "long" when Integer(value) is { } number:
                Minimum((double)number, shape, name, hostLabel, null);
                break;
            case "integer" or "long":
                Problem(name, shape, value);
                break;
            case "float" or "double" when Float(value) is { } real:
                Minimum(real, shape, name, hostLabel, null);
                break;
            case "float" or "double":
                Problem(name, shape, value);
                break;
            case "boolean" when value is not bool:
                Problem(name, shape, value);
                break;
            case "blob" when value is not string:
                Problem(name, shape, value);
                break;
            case "blob" when decodesBlobs && BinaryFormat.Base64Problem((string)value) is { } notBase64:
                _problems.Add($"{name}: {notBase64}. AWS CLI v2 reads blob text as base64: encode it, give a fileb:// file, " +
                              "or add --cli-binary-format raw-in-base64-out to send the text as it is.");
                break;
            case "timestamp" when PythonTimestamps.Check(value) is { IsAccepted: false } verdict:
                _problems.Add($"{name}: {PythonValues.Describe(value)} is {verdict.Problem}.");
                break;
        }
    }

    private void Structure(Dictionary<string, object?> members, InputShape shape, string name)
    {
        if (shape.Union && members.Count != 1)
            _problems.Add($"{name} takes exactly one of its members ({string.Join(", ", shape.Members.Keys)}); got {members.Count}.");
        foreach (var required in shape.Required)
        {
            if (!members.ContainsKey(required))
                _problems.Add($"{name} needs the member '{required}'.");
        }
        Members(members, shape, name);
    }

    private void Members(Dictionary<string, object?> members, InputShape shape, string name)
    {
        foreach (var key in members.Keys)
        {
            if (!shape.Members.ContainsKey(key))
                _problems.Add($"Unknown member '{key}' in {name}.{NameSuggester.DidYouMean(key, shape.Members.Keys)} " +
                              $"Its members are: {string.Join(", ", shape.Members.Keys)}.");
        }
        foreach (var (key, member) in members)
        {
            if (shape.Members.TryGetValue(key, out var known))
                Check(member, known.Shape, $"{name}.{key}", known.HostLabel, known.JsonValueHeader);
        }
    }

    /// <summary>The value if it is of the type (reporting it otherwise).</summary>
    private T? IsType<T>(object? value, InputShape shape, string name) where T : class
    {
        if (value is T typed)
            return typed;
        Problem(name, shape, value);
        return null;
    }

    /// <summary>botocore's range_check: the model's min, else 1 for a host label; no maximum.</summary>
    private void Minimum(double measure, InputShape shape, string name, bool hostLabel, string? unit)
    {
        var min = shape.Min ?? (hostLabel ? 1 : double.NegativeInfinity);
        if (measure >= min)
            return;
        _problems.Add(unit is null
            ? $"{name} must be at least {min}; got {measure}."
            : $"{name} needs at least {min} {(min == 1 ? unit.TrimEnd('s') : unit)}; got {measure}.");
    }

    private static BigInteger? Integer(object? value) => value switch
    {
        BigInteger i => i,
        bool b => b ? 1 : 0,
        _ => null,
    };

    private static double? Float(object? value) => value switch
    {
        double d => d,
        BigInteger i => (double)i,
        bool b => b ? 1 : 0,
        _ => null,
    };

    private void Problem(string name, InputShape shape, object? value) =>
        _problems.Add($"{name} takes {Expected(shape)}, not {PythonValues.Describe(value)}.");

    private static string Expected(InputShape shape) => shape.Type switch
    {
        "structure" => "a structure (Key=Value,… or a JSON object)",
        "map" => "a map (Key=Value,… or a JSON object)",
        "list" => "a list ([a,b] or a JSON array)",
        "integer" or "long" => "a whole number",
        "float" or "double" => "a number",
        "boolean" => "true or false",
        "blob" => "text or a fileb:// file",
        var type => "a " + type,
    };
}
