using System.Globalization;
using System.Numerics;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>
/// A port of awscli's <c>BackCompatVisitor</c>, which types parsed shorthand by the model before botocore sees it:
/// numbers through Python's <c>int()</c>/<c>float()</c>, "true"/"false" (any case) to booleans (other words stay
/// strings, for botocore to refuse), a single value where a list belongs wrapped in a list (its element left as it is),
/// and a document member refused. It walks the model's members, so keys the model lacks are left for botocore.
/// </summary>
internal static class ShorthandVisitor
{
    /// <summary>Why the CLI fails converting the value (a Python exception it does not catch), or null.</summary>
    public static string? Visit(object? value, InputShape shape, string name)
    {
        // The CLI visits the top level with a throw-away parent: what it would replace there is dropped.
        var problem = Visit(null, null, value, shape, name);
        return problem == DocumentFound ? $"{name}: shorthand syntax cannot give a document; give the argument as JSON." : problem;
    }

    /// <summary>The CLI's DocumentTypesNotSupportedError, rising to the structure member that holds the document.</summary>
    private const string DocumentFound = "\0document";

    private static string? Visit(object? parent, object? key, object? value, InputShape shape, string name)
    {
        switch (shape.Type)
        {
            case "structure":
                if (value is not null && shape.Document)
                    return DocumentFound;
                if (value is not Dictionary<string, object?> members)
                    return null;
                foreach (var (memberName, member) in shape.Members)
                {
                    members.TryGetValue(memberName, out var memberValue);
                    if (Visit(members, memberName, memberValue, member.Shape, $"{name}.{memberName}") is { } problem)
                        return problem == DocumentFound
                            ? $"{name}: shorthand syntax cannot give the document member '{memberName}'; give the whole argument as JSON."
                            : problem;
                }
                return null;
            case "list":
                if (value is List<object?> items)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (Visit(items, i, items[i], shape.Member!, $"{name}[{i}]") is { } problem)
                            return problem;
                    }
                }
                else if (value is not null)
                    Set(parent, key, new List<object?> { value });
                return null;
            case "map":
                if (value is Dictionary<string, object?> entries)
                {
                    foreach (var (entryKey, entry) in entries.ToList())
                    {
                        if (Visit(entries, entryKey, entry, shape.Value!, $"{name}.{entryKey}") is { } problem)
                            return problem;
                    }
                }
                return null;
            default:
                return Scalar(parent, key, value, shape, name);
        }
    }

    private static string? Scalar(object? parent, object? key, object? value, InputShape shape, string name)
    {
        if (value is null or LoadedFile)
            return null;
        switch (shape.Type)
        {
            case "integer" or "long":
                if (value is not string text)
                    return $"{name} takes a whole number, not {PythonValues.Describe(value)}.";
                if (!PythonNumbers.TryParseInteger(text, out var integer))
                    return $"{name} takes a whole number, not '{text}'.";
                Set(parent, key, integer);
                return null;
            case "float" or "double":
                if (value is not string number)
                    return $"{name} takes a number, not {PythonValues.Describe(value)}.";
                if (!PythonNumbers.TryParseFloat(number, out var real))
                    return $"{name} takes a number, not '{number}'.";
                Set(parent, key, real);
                return null;
            case "boolean":
                if (value is not string word)
                    return $"{name} takes true or false, not {PythonValues.Describe(value)}.";
                if (word.ToLowerInvariant() is "true" or "false")
                    Set(parent, key, word.ToLowerInvariant() == "true");
                return null;
            default:
                return null;
        }
    }

    private static void Set(object? parent, object? key, object? value)
    {
        switch (parent)
        {
            case Dictionary<string, object?> members:
                members[(string)key!] = value;
                break;
            case List<object?> items:
                items[(int)key!] = value;
                break;
        }
    }
}
