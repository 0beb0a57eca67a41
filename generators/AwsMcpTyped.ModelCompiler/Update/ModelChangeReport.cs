namespace AwsMcpTyped.ModelCompiler.Update;

/// <summary>What changed between two snapshots of botocore-data: services and operations added, removed or changed.</summary>
internal sealed class ModelChangeReport(
    IReadOnlyDictionary<string, SortedDictionary<string, string>> before,
    IReadOnlyDictionary<string, SortedDictionary<string, string>> after)
{
    public void Print(TextWriter output)
    {
        var added = after.Keys.Except(before.Keys).Order(StringComparer.Ordinal).ToList();
        var removed = before.Keys.Except(after.Keys).Order(StringComparer.Ordinal).ToList();
        Section(output, "Services added", added.Select(s => $"{s} ({after[s].Count} operations)"));
        Section(output, "Services removed", removed.Select(s => $"{s} ({before[s].Count} operations)"));

        var opsAdded = new List<string>();
        var opsRemoved = new List<string>();
        var opsChanged = new List<string>();
        foreach (var service in after.Keys.Intersect(before.Keys).Order(StringComparer.Ordinal))
        {
            var old = before[service];
            var now = after[service];
            opsAdded.AddRange(now.Keys.Except(old.Keys).Select(op => $"{service} {op}"));
            opsRemoved.AddRange(old.Keys.Except(now.Keys).Select(op => $"{service} {op}"));
            opsChanged.AddRange(now.Keys.Intersect(old.Keys).Where(op => now[op] != old[op]).Select(op => $"{service} {op}"));
        }
        Section(output, "Operations added", opsAdded);
        Section(output, "Operations removed", opsRemoved);
        Section(output, "Operations changed (members, types, enums or pagination)", opsChanged);
        if (added.Count + removed.Count + opsAdded.Count + opsRemoved.Count + opsChanged.Count == 0)
            output.WriteLine("No service or operation changed.");
    }

    private static void Section(TextWriter output, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
            return;
        output.WriteLine($"{title}: {list.Count}");
        foreach (var line in list)
            output.WriteLine("  " + line);
    }
}
