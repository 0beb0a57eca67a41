using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Syntax;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Agreement;

/// <summary>One command line of the parsing corpus (tests/golden/cli-parse-corpus-v1|v2.jsonl.gz, written by
/// scripts/cli/referee.py corpus) with the real CLI's verdict on it.</summary>
/// <param name="Class">"example" for the CLI's documentation examples, else the kind of breakage a variant has.</param>
/// <param name="Verdict">accepted (the CLI reached its first API call, or ended well without one), rejected, timeout.</param>
/// <param name="Stage">Where the CLI rejected it: argparse, paramfile, url, shorthand, json, validation, query, …</param>
/// <param name="Excluded">Why the CLI's verdict says nothing about parsing here (a file the example reads is missing).</param>
public sealed record CorpusLine(IReadOnlyList<string> Words, string Class, string Source, string Verdict, string? Stage, string? Error, string? Excluded)
{
    public bool IsExample => Class == "example";
    public bool CliAccepted => Verdict == "accepted";
    public string CommandLine => string.Join(' ', new[] { "aws" }.Concat(Words).Select(Pipeline.Quote));
}

/// <summary>The validator's decision on one corpus line and how long it took.</summary>
public sealed record CorpusOutcome(CorpusLine Line, Rejection? Rejection, double Microseconds)
{
    public bool Accepted => Rejection is null;

    /// <summary>Refused by the server's policy (a denied option, a file outside the working folder), not for syntax.</summary>
    public bool PolicyRefused => Rejection?.Kind == RejectionKind.Denied;

    /// <summary>Counted in the figures: the CLI's verdict is about parsing, and the CLI accepted what policy refuses
    /// only in lines that are no policy refusal.</summary>
    public bool Counted => Line.Excluded is null && Line.Verdict != "timeout" && !(PolicyRefused && Line.CliAccepted);

    public bool Agrees => Accepted == Line.CliAccepted;
}

/// <summary>Runs the server's validator over the corpus and sums up how often it agrees with the CLI.</summary>
public static class ParseCorpus
{
    public static string PathFor(string repositoryRoot, CliDialects dialect) =>
        Path.Combine(repositoryRoot, "tests", "golden", $"cli-parse-corpus-{(dialect == CliDialects.V1 ? "v1" : "v2")}.jsonl.gz");

    public static IReadOnlyList<CorpusLine> Read(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        var lines = new List<CorpusLine>();
        while (reader.ReadLine() is { } text)
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            lines.Add(new CorpusLine([.. root.GetProperty("words").EnumerateArray().Select(w => w.GetString()!)],
                root.GetProperty("class").GetString()!, root.GetProperty("source").GetString() ?? "", root.GetProperty("verdict").GetString()!,
                Text(root, "stage"), Text(root, "error"), Text(root, "excluded")));
        }
        return lines;

        static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>The validator of one CLI version on every line, timed one by one.</summary>
    public static IReadOnlyList<CorpusOutcome> Judge(IEnumerable<CorpusLine> lines, CliDialects dialect, string workingDirectory)
    {
        var validator = new CommandValidator(AwsCatalogue.Default.ForDialect(dialect), ExecutionPolicy.Default with { WorkingDirectory = workingDirectory });
        var outcomes = new List<CorpusOutcome>();
        foreach (var line in lines)
        {
            var commandLine = line.CommandLine;
            var clock = Stopwatch.StartNew();
            var (_, rejection) = validator.Validate(commandLine, 60);
            outcomes.Add(new CorpusOutcome(line, rejection, clock.Elapsed.TotalMicroseconds));
        }
        return outcomes;
    }

    /// <summary>Share of the examples the CLI parses that the validator accepts (policy refusals left out).</summary>
    public static (int Accepted, int Total) Examples(IReadOnlyList<CorpusOutcome> outcomes)
    {
        var counted = outcomes.Where(o => o.Line.IsExample && o.Line.CliAccepted && o.Counted).ToList();
        return (counted.Count(o => o.Accepted), counted.Count);
    }

    /// <summary>Share of the broken variants on which the validator decides as the CLI does.</summary>
    public static (int Agreeing, int Total) Broken(IReadOnlyList<CorpusOutcome> outcomes)
    {
        var counted = outcomes.Where(o => !o.Line.IsExample && o.Counted).ToList();
        return (counted.Count(o => o.Agrees), counted.Count);
    }

    /// <summary>Lines the validator accepts although the CLI stopped at reading a file or fetching a URL.</summary>
    public static IReadOnlyList<CorpusOutcome> FileOrUrlFalseAccepts(IReadOnlyList<CorpusOutcome> outcomes) =>
        outcomes.Where(o => o.Counted && o.Accepted && !o.Line.CliAccepted && o.Line.Stage is "paramfile" or "url").ToList();

    public static string Report(IReadOnlyList<CorpusOutcome> outcomes, CliDialects dialect, int listDifferences = 25)
    {
        var text = new StringBuilder();
        var (accepted, examples) = Examples(outcomes);
        var (agreeing, broken) = Broken(outcomes);
        text.AppendLine($"AWS CLI {(dialect == CliDialects.V1 ? "v1" : "v2")} corpus: {outcomes.Count} lines");
        text.AppendLine($"  examples the CLI parses: {accepted} of {examples} accepted ({Percent(accepted, examples)})");
        text.AppendLine($"  broken variants: {agreeing} of {broken} decided as the CLI does ({Percent(agreeing, broken)})");
        text.AppendLine($"  false accepts where the CLI reads a file or fetches a URL: {FileOrUrlFalseAccepts(outcomes).Count}");
        foreach (var group in outcomes.Where(o => !o.Line.IsExample && o.Counted).GroupBy(o => o.Line.Class).OrderBy(g => g.Key))
            text.AppendLine($"    {group.Key,-24} {group.Count(o => o.Agrees),5} of {group.Count(),5}");
        text.AppendLine("  policy refusals of lines the CLI accepts (left out), by reason:");
        foreach (var reason in outcomes.Where(o => o.PolicyRefused && o.Line.CliAccepted).GroupBy(o => Reason(o.Rejection!.Message)).OrderByDescending(g => g.Count()))
            text.AppendLine($"    {reason.Count(),5}  {reason.Key}");
        var excluded = outcomes.Where(o => o.Line.Excluded is not null).GroupBy(o => o.Line.Excluded!).OrderByDescending(g => g.Count());
        text.AppendLine("  left out because of this machine, by reason: " + string.Join("; ", excluded.Select(g => $"{g.Key}: {g.Count()}")));
        var times = outcomes.Select(o => o.Microseconds).Order().ToList();
        text.AppendLine($"  validation time per command: p50 {Quantile(times, 0.50):F0} µs, p99 {Quantile(times, 0.99):F0} µs, max {times.LastOrDefault():F0} µs; slowest:");
        foreach (var slow in outcomes.OrderByDescending(o => o.Microseconds).Take(int.TryParse(Environment.GetEnvironmentVariable("PARSE_SLOWEST"), out var slowest) ? slowest : 5))
            text.AppendLine($"    {slow.Microseconds,8:F0} µs  {Clip(slow.Line.CommandLine, 120)}");
        var differences = outcomes.Where(o => o.Counted && (o.Line.IsExample ? o.Line.CliAccepted && !o.Accepted : !o.Agrees)).ToList();
        text.AppendLine($"  differences ({differences.Count}, first {Math.Min(listDifferences, differences.Count)}):");
        foreach (var o in differences.Take(listDifferences))
        {
            text.AppendLine($"    [{o.Line.Class}] {Clip(o.Line.CommandLine, 160)}");
            text.AppendLine($"        cli: {o.Line.Verdict}{(o.Line.Stage is null ? "" : " at " + o.Line.Stage)}; ours: {(o.Accepted ? "accepted" : Clip(o.Rejection!.Message, 160))}");
        }
        return text.ToString();
    }

    public static double Quantile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : $"{100.0 * part / whole:F2} %";

    /// <summary>A rejection message with its particulars (quoted names, numbers) blanked, to group by.</summary>
    private static string Reason(string message) =>
        Clip(Regex.Replace(Regex.Replace(message.Split(": ", 2)[0], "'[^']*'", "'…'"), @"\d+", "N"), 90);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
