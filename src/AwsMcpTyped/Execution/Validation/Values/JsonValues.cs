using System.Text.Json;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>
/// The JSON in argument values, where the CLI reads JSON (awscli's <c>unpack_cli_arg</c>): a structure or map value
/// that starts with "{", a list given as one value that starts with "[", and each value of a list of structures
/// or maps that starts with "{" (a list of strings takes "{a,b}" as a string). Other values of those types are shorthand, which the CLI parses instead.
/// </summary>
internal static class JsonValues
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 1000 };

    /// <summary>Why the CLI cannot read the argument's values as the JSON they start as, or null.</summary>
    /// <param name="elementType">For a list, its elements' botocore type (structure, map, string, …), when known.</param>
    public static string? Problem(ArgumentDescriptor argument, IReadOnlyList<string> values, Func<string?> elementType)
    {
        switch (argument.Type)
        {
            case ArgumentType.Structure or ArgumentType.Map when values is [var value] && StartsWith(value, '{'):
                return Problem(argument.Name, value);
            case ArgumentType.List when values is [var single] && StartsWith(single, '['):
                return Problem(argument.Name, single);
            case ArgumentType.List when values.Any(v => StartsWith(v, '{')) && elementType() is "structure" or "map":
                foreach (var value in values)
                {
                    if (StartsWith(value, '{') && Problem(argument.Name, value) is { } problem)
                        return problem;
                }
                return null;
            default:
                return null;
        }
    }

    private static bool StartsWith(string value, char first) => value.TrimStart().StartsWith(first);

    /// <summary>Python's json.loads and System.Text.Json agree on JSON but for NaN and Infinity, which only Python
    /// reads (and no AWS input member takes).</summary>
    private static string? Problem(string name, string value)
    {
        try
        {
            using var _ = JsonDocument.Parse(value, Options);
            return null;
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line && e.BytePositionInLine is { } column ? $" at line {line + 1}, column {column + 1}" : "";
            var reason = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
            return $"{name}: the value is not valid JSON{at}: {reason}. Check the quoting: the whole JSON value must be one shell word.";
        }
    }
}
