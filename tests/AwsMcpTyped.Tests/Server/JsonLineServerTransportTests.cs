using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using AwsMcpTyped.Server.Transport;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Server;

/// <summary>The stdio transport in-process: messages pass through in order, and lines that are not messages are answered
/// with the JSON-RPC error, including a line over the size limit, which is skipped while it streams in.</summary>
public sealed class JsonLineServerTransportTests
{
    [Fact]
    public async Task Answers_bad_lines_and_passes_messages_through_in_order()
    {
        var input = new Pipe();
        var output = new Pipe();
        await using var transport = new JsonLineServerTransport(input.Reader.AsStream(), output.Writer.AsStream(), maxLineBytes: 1024);
        var client = input.Writer.AsStream();
        async Task Write(string text)
        {
            await client.WriteAsync(Encoding.UTF8.GetBytes(text));
            await client.FlushAsync();
        }

        await Write("""{"jsonrpc":"2.0","id":1,"method":"ping"}""" + "\n");
        await Write(new string('x', 800));
        await Task.Delay(50);
        await Write(new string('x', 800)); // over the limit before its newline arrives: skipped as it streams in
        await Task.Delay(50);
        await Write(new string('x', 800) + "\n");
        await Write("{\"jsonrpc\":\"2.0\",\"id\":2,\r\n");
        await Write("""{"jsonrpc":"2.0","id":3,"method":"tools/list"}""" + "\r\n\n");
        await Write("""{"jsonrpc":"2.0","method":"notifications/initialized"}"""); // last line without a newline
        await client.DisposeAsync();

        var received = new List<JsonRpcMessage>();
        await foreach (var message in transport.MessageReader.ReadAllAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token))
            received.Add(message);
        Assert.Equal(["ping", "tools/list", "notifications/initialized"],
            received.Select(m => m is JsonRpcRequest r ? r.Method : ((JsonRpcNotification)m).Method));

        await output.Writer.CompleteAsync();
        var replies = new StreamReader(output.Reader.AsStream());
        var first = JsonDocument.Parse((await replies.ReadLineAsync())!).RootElement;
        Assert.Equal(-32700, first.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("larger than 1,024 bytes", first.GetProperty("error").GetProperty("message").GetString());
        var second = JsonDocument.Parse((await replies.ReadLineAsync())!).RootElement;
        Assert.Equal(-32700, second.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("id").ValueKind);
        Assert.Null(await replies.ReadLineAsync());
    }
}
