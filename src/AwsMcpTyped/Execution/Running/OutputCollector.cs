using System.Text;

namespace AwsMcpTyped.Execution.Running;

/// <summary>Reads a stage's stream as UTF-8 (invalid bytes become U+FFFD), keeps the first <c>limit</c> characters
/// and counts the rest, so a huge output neither blocks the producer nor fills memory. <paramref name="onText"/> sees
/// the kept text after each read.</summary>
internal sealed class OutputCollector(int limit, Action<string>? onText = null)
{
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly StringBuilder _kept = new();

    public long Characters { get; private set; }

    public string Text => _kept.ToString();

    public async Task ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024);
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var room = (int)Math.Max(0, Math.Min(read, limit - Characters));
            if (room > 0)
                _kept.Append(buffer, 0, room);
            Characters += read;
            onText?.Invoke(_kept.ToString());
        }
    }
}
