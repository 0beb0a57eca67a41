using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Server.Transport;

/// <summary>
/// The stdio transport: newline-delimited JSON-RPC over a pair of streams. Unlike the SDK's stream transport, which logs
/// and drops a line it cannot read (leaving the client waiting forever), it answers as JSON-RPC 2.0 requires: -32700
/// for a line that is not JSON, -32600 for JSON that is not a JSON-RPC message (with the id when one can be read), and
/// -32700 for a line over the size limit (64 MB by default), which is skipped without being buffered whole.
/// </summary>
public sealed class JsonLineServerTransport : TransportBase
{
    public const int DefaultMaxLineBytes = 64 * 1024 * 1024;

    private static readonly TimeSpan ReadingStopGrace = TimeSpan.FromMilliseconds(500);

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly PipeReader _reader;
    private readonly int _maxLineBytes;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _reading;
    private int _disposed;

    public JsonLineServerTransport(Stream input, Stream output, int maxLineBytes = DefaultMaxLineBytes) : base("stdio", loggerFactory: null)
    {
        _maxLineBytes = maxLineBytes;
        _input = input;
        _output = output;
        _reader = PipeReader.Create(input);
        SetConnected();
        _reading = Task.Run(ReadLinesAsync);
    }

    /// <summary>Completes when the input has ended (the client closed stdin) or the transport was disposed: the
    /// server stops its running commands then, rather than let them run on with nobody to read their answers.</summary>
    public Task InputClosed => _reading;

    /// <summary>The process's stdin and stdout.</summary>
    public static JsonLineServerTransport ForStandardStreams() => new(Console.OpenStandardInput(), Console.OpenStandardOutput());

    public override async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        // No IsConnected check: after stdin ends, answers to requests already read still go out while stdout is open.
        var json = JsonSerializer.SerializeToUtf8Bytes(message, McpJsonUtilities.DefaultOptions.GetTypeInfo<JsonRpcMessage>());
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _output.WriteAsync(json, cancellationToken);
            await _output.WriteAsync("\n"u8.ToArray(), cancellationToken);
            await _output.FlushAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new IOException("Failed to write a message to the client.", error);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReadLinesAsync()
    {
        var token = _shutdown.Token;
        Exception? failure = null;
        var skippingOversizedLine = false;
        try
        {
            while (true)
            {
                var read = await _reader.ReadAsync(token);
                var buffer = read.Buffer;
                while (buffer.PositionOf((byte)'\n') is { } end)
                {
                    var line = buffer.Slice(0, end);
                    buffer = buffer.Slice(buffer.GetPosition(1, end));
                    if (skippingOversizedLine)
                        skippingOversizedLine = false;
                    else if (line.Length > _maxLineBytes)
                        await ReplyAsync(LineErrors.TooLarge(_maxLineBytes), token);
                    else
                        await ProcessLineAsync(line, token);
                }
                if (!skippingOversizedLine && buffer.Length > _maxLineBytes)
                {
                    skippingOversizedLine = true;
                    await ReplyAsync(LineErrors.TooLarge(_maxLineBytes), token);
                }
                if (skippingOversizedLine)
                    buffer = buffer.Slice(buffer.End);
                _reader.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted)
                {
                    if (!skippingOversizedLine && !buffer.IsEmpty)
                        await ProcessLineAsync(buffer, token);
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception error)
        {
            failure = error;
        }
        finally
        {
            SetDisconnected(failure);
        }
    }

    private async Task ProcessLineAsync(ReadOnlySequence<byte> line, CancellationToken cancellationToken)
    {
        if (LineErrors.IsBlank(line))
            return;
        var (message, error) = LineErrors.Parse(line);
        if (message is not null)
            await WriteMessageAsync(message, cancellationToken);
        else
            await ReplyAsync(error!, cancellationToken);
    }

    private Task ReplyAsync(JsonRpcError error, CancellationToken cancellationToken) => SendMessageAsync(error, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _shutdown.CancelAsync();
        await _input.DisposeAsync();
        await _output.DisposeAsync();
        try
        {
            // A read of stdin blocked in the kernel (the client has not closed it, as when a signal stops the server)
            // sees neither the cancellation nor the closed stream: waiting for it would keep the server from exiting.
            // The thread it blocks is a background one, so the process exits anyway.
            await _reading.WaitAsync(ReadingStopGrace);
        }
        catch (Exception)
        {
            // The loop has already reported its failure through SetDisconnected, or is still blocked in a read.
        }
        _shutdown.Dispose();
        SetDisconnected();
    }
}
