using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;

namespace AwsMcpTyped.Suggest;

/// <summary>
/// The few texts of a service's detail the index needs (full name, each operation's first sentences,
/// waiter descriptions, CLI example titles, customization summaries), read with a forward-only JSON reader
/// that skips the shape graph: about four times cheaper than deserializing the whole <see cref="ServiceDetail"/>,
/// and it leaves the catalogue's detail cache alone.
/// </summary>
internal sealed class ServiceText
{
    /// <summary>How many characters of an operation's documentation are indexed (its first sentence, cut here).</summary>
    public const int IndexedSentence = 300;

    public string? FullName { get; private set; }
    /// <summary>Operation → its documentation (the first paragraphs; enough for the first sentence).</summary>
    public Dictionary<string, string> OperationDocs { get; } = new(StringComparer.Ordinal);
    /// <summary>Waiter command (<c>wait instance-running</c>) → its description.</summary>
    public Dictionary<string, string> WaiterDocs { get; } = new(StringComparer.Ordinal);
    /// <summary>Command → the titles of its AWS CLI examples ("To describe an instance").</summary>
    public Dictionary<string, string> ExampleTitles { get; } = new(StringComparer.Ordinal);
    /// <summary>Customization command → its summary.</summary>
    public Dictionary<string, string> CustomSummaries { get; } = new(StringComparer.Ordinal);

    public static ServiceText Read(AwsCatalogue catalogue, ServiceDescriptor service)
    {
        using var stream = catalogue.OpenDetailJson(service);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var text = new ServiceText();
        text.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        return text;
    }

    private void Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read(); // {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "fullName":
                    FullName = reader.GetString();
                    break;
                case "operations":
                    ReadMap(ref reader, OperationDocs, "documentation", keyFromValue: null);
                    break;
                case "waiters":
                    ReadMap(ref reader, WaiterDocs, "description", keyFromValue: "command");
                    break;
                case "customCommands":
                    ReadMap(ref reader, CustomSummaries, "summary", keyFromValue: null);
                    break;
                case "cliExamples":
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var command = reader.GetString()!;
                        reader.Read();
                        ExampleTitles[command] = Titles(reader.GetString());
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    /// <summary>Reads <c>{ key: { field: "…", … } }</c> into <paramref name="into"/>, keyed by the property name or by
    /// another string field of the value.</summary>
    private static void ReadMap(ref Utf8JsonReader reader, Dictionary<string, string> into, string field, string? keyFromValue)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read(); // {
            string? value = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var member = reader.GetString();
                reader.Read();
                if (member == field)
                    value = DocText.FirstSentence(reader.GetString(), IndexedSentence);
                else if (member == keyFromValue)
                    key = reader.GetString()!;
                else
                    reader.Skip();
            }
            if (!string.IsNullOrEmpty(value))
                into[key] = value;
        }
    }

    /// <summary>The example titles of a CLI example page: one-line paragraphs such as "To list buckets" or
    /// "Example 2: To describe an instance".</summary>
    private static string Titles(string? examples)
    {
        if (string.IsNullOrEmpty(examples))
            return "";
        var titles = new List<string>();
        foreach (var paragraph in examples.Split("\n\n"))
        {
            var line = paragraph.Trim();
            if (line.Length == 0 || line.Contains('\n') || paragraph.StartsWith(' ') || line.Length > 160)
                continue;
            var colon = line.StartsWith("Example ", StringComparison.Ordinal) ? line.IndexOf(": ", StringComparison.Ordinal) : -1;
            if (colon > 0)
                line = line[(colon + 2)..];
            if (line.StartsWith("To ", StringComparison.Ordinal))
                titles.Add(line);
        }
        return string.Join(". ", titles);
    }
}
