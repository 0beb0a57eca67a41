namespace AwsMcpTyped.Configuration;

/// <summary>The INI dialect of ~/.aws/config and ~/.aws/credentials: [section] headers, key = value, # and ; comments,
/// indented continuation lines (nested settings such as s3 = …) ignored.</summary>
public static class IniFile
{
    public static Dictionary<string, Dictionary<string, string>> Read(string path)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return sections;
        Dictionary<string, string>? current = null;
        foreach (var raw in File.ReadLines(path))
        {
            if (raw.Length > 0 && char.IsWhiteSpace(raw[0]))
                continue; // a nested value belonging to the previous key
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line[0] == '[' && line.EndsWith(']'))
            {
                var name = line[1..^1].Trim();
                current = sections.TryGetValue(name, out var existing) ? existing : sections[name] = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }
            var equals = line.IndexOf('=');
            if (current is null || equals <= 0)
                continue;
            current[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }
        return sections;
    }
}
