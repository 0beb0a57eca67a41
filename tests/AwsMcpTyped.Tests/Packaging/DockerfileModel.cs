using System.Text.Json;

namespace AwsMcpTyped.Tests.Packaging;

/// <summary>One Dockerfile instruction: keyword (upper case), its text after the keyword with continuations joined,
/// and the line it starts on.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Line)
{
    /// <summary>The words of the exec (JSON array) form, or null for the shell form.</summary>
    public IReadOnlyList<string>? ExecForm
    {
        get
        {
            if (!Arguments.StartsWith('['))
                return null;
            try { return JsonSerializer.Deserialize<string[]>(Arguments); }
            catch (JsonException) { return null; }
        }
    }

    /// <summary>The <c>--name=value</c> flags before the first plain argument (COPY --from, FROM --platform).</summary>
    public IReadOnlyDictionary<string, string> Flags =>
        Words.TakeWhile(w => w.StartsWith("--", StringComparison.Ordinal))
            .Select(w => w[2..].Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.OrdinalIgnoreCase);

    /// <summary>The arguments split on whitespace (enough for FROM, USER, COPY, EXPOSE; RUN is matched as text).</summary>
    public IReadOnlyList<string> Words => Arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A build stage: FROM's image, its optional <c>AS</c> name, and the instructions after it.</summary>
internal sealed record DockerStage(string Image, string? Name, DockerInstruction From, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) =>
        Instructions.Where(i => i.Keyword == keyword);
}

/// <summary>
/// A small Dockerfile reader for the static checks (no Docker engine on our machines): comments and parser directives
/// dropped, backslash continuations joined (comment lines inside them skipped, as BuildKit does), instructions split
/// into stages at each FROM. Heredocs are not supported; the checks fail on them rather than guess.
/// </summary>
internal sealed class DockerfileModel
{
    public IReadOnlyList<DockerInstruction> Instructions { get; }
    public IReadOnlyList<DockerStage> Stages { get; }

    private DockerfileModel(IReadOnlyList<DockerInstruction> instructions, IReadOnlyList<DockerStage> stages) =>
        (Instructions, Stages) = (instructions, stages);

    public DockerStage Final => Stages[^1];

    /// <summary>The value an <c>ARG</c> has in <paramref name="stage"/> when no --build-arg is given: the stage's own
    /// default, else (for a bare <c>ARG NAME</c>) the default of the global <c>ARG</c> before the first FROM; null
    /// when the stage does not declare it (it then expands to nothing there).</summary>
    public string? ArgValue(DockerStage stage, string name)
    {
        var declared = Declaration(stage.Instructions, name);
        if (declared is null)
            return null;
        if (declared.Value.Value is { } own)
            return own;
        var global = Declaration(Instructions.TakeWhile(i => i.Keyword != "FROM"), name);
        return global?.Value;
    }

    private static (string Name, string? Value)? Declaration(IEnumerable<DockerInstruction> instructions, string name) =>
        instructions.Where(i => i.Keyword == "ARG")
            .Select(i => i.Arguments.Split('=', 2))
            .Where(p => p[0].Trim() == name)
            .Select(p => ((string, string?)?)(p[0].Trim(), p.Length > 1 ? p[1].Trim().Trim('"', '\'') : null))
            .LastOrDefault();

    public static DockerfileModel Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var start = i + 1;
            var joined = line;
            while (joined.EndsWith('\\') && i + 1 < lines.Length)
            {
                joined = joined[..^1];
                var next = lines[++i].Trim();
                if (next.StartsWith('#'))
                    next = "\\"; // a comment inside a continuation: skipped, the continuation goes on
                joined += " " + next;
            }
            if (joined.Contains("<<", StringComparison.Ordinal) && joined.StartsWith("RUN", StringComparison.OrdinalIgnoreCase))
                throw new NotSupportedException($"line {start}: heredocs are not supported by this reader");
            var space = joined.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? joined : joined[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : System.Text.RegularExpressions.Regex.Replace(joined[(space + 1)..].Trim(), @"\s+", " ");
            instructions.Add(new DockerInstruction(keyword, arguments, start));
        }
        return new DockerfileModel(instructions, SplitStages(instructions));
    }

    private static List<DockerStage> SplitStages(List<DockerInstruction> instructions)
    {
        var stages = new List<DockerStage>();
        for (var i = 0; i < instructions.Count; i++)
        {
            if (instructions[i].Keyword != "FROM")
                continue;
            var from = instructions[i];
            var words = from.Words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
            var name = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
            var body = instructions.Skip(i + 1).TakeWhile(x => x.Keyword != "FROM").ToList();
            stages.Add(new DockerStage(words.FirstOrDefault() ?? "", name, from, body));
        }
        return stages;
    }
}
