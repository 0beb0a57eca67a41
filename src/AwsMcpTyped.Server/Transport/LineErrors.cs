using System.Buffers;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Server.Transport;

/// <summary>Reads one line as a JSON-RPC message, or says why it is not one, as the JSON-RPC 2.0 error to answer.</summary>
internal static class LineErrors
{
    private const int ParseError = -32700;
    private const int InvalidRequest = -32600;

    public static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
            if (segment.Span.IndexOfAnyExcept(" \t\r"u8) >= 0)
                return false;
        return true;
    }

    public static (JsonRpcMessage? Message, JsonRpcError? Error) Parse(ReadOnlySequence<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (JsonSerializer.Deserialize(ref reader, McpJsonUtilities.DefaultOptions.GetTypeInfo<JsonRpcMessage>()) is { } message)
                return (message, null);
        }
        catch (JsonException)
        {
            // Either not JSON or not a message: the second read below tells which.
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(line);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException error)
        {
            return (null, Error(default, ParseError, "Parse error: the line is not valid JSON (" + error.Message + "). Send one JSON-RPC message per line."));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
                return (null, Error(default, InvalidRequest, "Invalid Request: batches are not supported; send one JSON-RPC message per line."));
            return (null, Error(IdOf(root), InvalidRequest,
                """Invalid Request: expected a JSON-RPC 2.0 message, e.g. {"jsonrpc":"2.0","id":1,"method":"tools/list"}."""));
        }
    }

    public static JsonRpcError TooLarge(int limit) =>
        Error(default, ParseError, $"Parse error: the message is larger than {limit:N0} bytes and was skipped.");

    private static RequestId IdOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id)
            ? id.ValueKind switch
            {
                JsonValueKind.String => new RequestId(id.GetString()!),
                JsonValueKind.Number when id.TryGetInt64(out var number) => new RequestId(number),
                _ => default,
            }
            : default;

    private static JsonRpcError Error(RequestId id, int code, string message) =>
        new() { Id = id, Error = new JsonRpcErrorDetail { Code = code, Message = message } };
}
