using System.Diagnostics;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Suggest;

// awsmcp-suggest-indexer --out <file>: writes suggest_commands' precomputed index for the catalogue built into
// AwsMcpTyped.Catalogue. The file is rewritten only when its content changes, so an unrelated rebuild of the
// runtime library does not make the server re-embed (and recompile) an identical index.
if (args is not ["--out", var output])
{
    Console.Error.WriteLine("usage: awsmcp-suggest-indexer --out <file>");
    return 2;
}

var clock = Stopwatch.StartNew();
var suggester = new CommandSuggester(AwsCatalogue.Default);
var build = suggester.Warm();
using var buffer = new MemoryStream();
suggester.WriteIndex(buffer);
var bytes = buffer.ToArray();

var unchanged = File.Exists(output) && File.ReadAllBytes(output).AsSpan().SequenceEqual(bytes);
if (!unchanged)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    var temporary = output + ".tmp";
    File.WriteAllBytes(temporary, bytes);
    File.Move(temporary, output, overwrite: true);
}
var (commands, terms, postings) = suggester.Statistics;
Console.WriteLine($"suggest index: {commands} commands, {terms} terms, {postings} postings, {bytes.Length / 1024.0:F0} KiB " +
                  $"(built in {build.TotalMilliseconds:F0} ms, total {clock.ElapsedMilliseconds} ms){(unchanged ? ", unchanged" : "")} → {output}");
return 0;
