using System.Diagnostics;
using System.Text;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.Output;

/// <summary>
/// <c>--output yaml</c> and <c>--output yaml-stream</c> on AWS CLI v1, which only knows json, text and table: the aws
/// stage runs with <c>--output json</c> and its standard output is converted (<see cref="YamlOutput"/>) before it
/// reaches the next stage or the result. The command line shown and audited stays as written.
/// </summary>
internal static class YamlOnV1
{
    /// <summary>JSON beyond this is passed through unconverted rather than held in memory whole.</summary>
    private const int MaxBufferedBytes = 256 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The stages to launch and the conversion their aws stage's output needs (null: none), for the CLI
    /// version the command was validated against: v2 prints YAML itself, so nothing changes there.</summary>
    public static (IReadOnlyList<StageLaunch> Stages, YamlOutputStyle? Style) Plan(ValidatedCommand command, CliDialects dialect)
    {
        if (YamlOutput.StyleOf(command.Aws.OutputFormat) is not { } style || dialect != CliDialects.V1)
            return (command.Stages, null);
        var aws = command.Stages[0];
        var stages = command.Stages.ToList();
        stages[0] = aws with { Arguments = WithJsonOutput(aws.Arguments) };
        return (stages, FormatsOutput(command.Aws) ? style : null);
    }

    /// <summary>Whether the command prints through the CLI's output formatter. The s3 transfer commands and configure
    /// print text of their own on every CLI version (<c>s3 cp … -</c> prints the object, which may well be JSON), so
    /// their output is passed as it is; everything else is converted when it is JSON.</summary>
    private static bool FormatsOutput(AwsInvocation aws) =>
        !(aws.Command?.Kind == CommandKind.Custom && aws.Service?.Name is "s3" or "configure");

    /// <summary>The aws stage's arguments with each yaml/yaml-stream value of <c>--output</c> replaced by json, found
    /// as the CLI's main parser finds it (anywhere, abbreviated too, as <c>--output X</c> or <c>--output=X</c>).</summary>
    public static IReadOnlyList<string> WithJsonOutput(IReadOnlyList<string> arguments)
    {
        var rewritten = arguments.ToArray();
        foreach (var match in AwsStageValidator.MainParser(CliDialects.V1).ParseKnownArgs(arguments).Matches)
        {
            if (match.Action.Target?.Name != "--output" || match.Values is not [var value] || YamlOutput.StyleOf(value) is null)
                continue;
            if (rewritten[match.Position].Contains('='))
                rewritten[match.Position] = "--output=json";
            else
                rewritten[match.Position + 1] = "json";
        }
        return rewritten;
    }

    /// <summary>The aws stage's standard output as the next reader should see it: read whole (the JSON must be
    /// complete to convert), then YAML when the CLI succeeded and printed one JSON value; otherwise exactly the bytes
    /// it printed (a failed call, text from a command without JSON output, or more than we buffer).</summary>
    public static async Task<Stream> ConvertedStdoutAsync(Process aws, YamlOutputStyle style, CancellationToken token)
    {
        var source = aws.StandardOutput.BaseStream;
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await source.ReadAsync(chunk, token)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBufferedBytes)
                return Concatenated(buffer, source);
        }
        await aws.WaitForExitAsync(token);
        buffer.Position = 0;
        if (aws.ExitCode != 0)
            return buffer;
        string json;
        try
        {
            json = StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return buffer;
        }
        return YamlOutput.Convert(json, style) is { } yaml ? new MemoryStream(StrictUtf8.GetBytes(yaml)) : buffer;
    }

    /// <summary>What was buffered, then the rest of <paramref name="source"/> as it comes.</summary>
    private static Stream Concatenated(MemoryStream buffered, Stream source)
    {
        buffered.Position = 0;
        return new ThenStream(buffered, source);
    }

    /// <summary>A read-only stream that reads <c>first</c> to its end, then <c>second</c>.</summary>
    private sealed class ThenStream(Stream first, Stream second) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await first.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : await second.ReadAsync(buffer, cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            first.Read(buffer, offset, count) is var read and > 0 ? read : second.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                second.Dispose(); // closing our read end tells the CLI its reader is gone, as with the plain pump
            base.Dispose(disposing);
        }
    }
}
