using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>
/// JSON read the way the CLI reads it (Python's <c>json.loads</c> with an ordered dictionary): numbers without a
/// fraction or exponent are integers of any size, the others floats; a repeated key keeps its last value.
/// Python and System.Text.Json agree on what JSON is but for NaN and Infinity, which only Python reads (and no AWS
/// input member takes).
/// </summary>
internal static class JsonValues
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 1000 };

    /// <summary>The value, or why it is not JSON (with line and column).</summary>
    public static (object? Value, string? Error) Parse(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), Options);
        try
        {
            if (!reader.Read())
                return (null, "not valid JSON: the value is empty");
            var value = Read(ref reader);
            reader.Read(); // throws on anything but white space after the value
            return (value, null);
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line && e.BytePositionInLine is { } column ? $" at line {line + 1}, column {column + 1}" : "";
            var reason = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
            return (null, $"not valid JSON{at}: {reason}");
        }
    }

    private static object? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    members[name] = Read(ref reader);
                }
                return members;
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(Read(ref reader));
                return items;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                var text = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
                return text.AsSpan().IndexOfAny('.', 'e', 'E') >= 0
                    ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                return null;
        }
    }
}
