using System.Text.Json;

namespace AwsMcpTyped.Policy.Audit;

/// <summary>
/// Writes one JSON line per call to a file (appended, flushed per line so a crash loses nothing) and/or stderr.
/// AWS_MCP_AUDIT_LOG: a comma-separated list of <c>stderr</c> and file paths, or <c>off</c>; default <c>stderr</c>.
/// </summary>
public sealed class AuditLog : IDisposable
{
    public const string Variable = "AWS_MCP_AUDIT_LOG";

    private readonly Lock _lock = new();
    private readonly List<TextWriter> _writers;
    private readonly List<StreamWriter> _owned = [];

    private AuditLog(IEnumerable<TextWriter> writers) => _writers = writers.ToList();

    public static AuditLog Off { get; } = new([]);

    /// <summary>Opens the targets of an AWS_MCP_AUDIT_LOG value; throws <see cref="FormatException"/> when a file
    /// cannot be opened (the server must not run without the audit log it was told to keep).</summary>
    public static AuditLog Open(string? setting, TextWriter stderr)
    {
        var targets = (string.IsNullOrWhiteSpace(setting) ? "stderr" : setting)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (targets is ["off"] or ["none"])
            return Off;
        var log = new AuditLog([]) { Targets = targets.Distinct().ToList() };
        foreach (var target in targets.Distinct())
        {
            if (target == "stderr")
            {
                log._writers.Add(stderr);
                continue;
            }
            try
            {
                var file = new StreamWriter(new FileStream(target, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
                log._owned.Add(file);
                log._writers.Add(file);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                log.Dispose();
                throw new FormatException($"{Variable}: cannot open '{target}' for appending: {error.Message}");
            }
        }
        return log;
    }

    /// <summary>Where lines go: <c>stderr</c> and file paths as configured; empty when off.</summary>
    public IReadOnlyList<string> Targets { get; private init; } = [];

    public bool IsEnabled => _writers.Count > 0;

    public void Write(AuditRecord record)
    {
        if (_writers.Count == 0)
            return;
        var line = JsonSerializer.Serialize(record, AuditJsonContext.Default.AuditRecord);
        lock (_lock)
        {
            foreach (var writer in _writers)
            {
                writer.WriteLine(line);
                writer.Flush();
            }
        }
    }

    public void Dispose()
    {
        foreach (var file in _owned)
            file.Dispose();
        _owned.Clear();
    }
}
