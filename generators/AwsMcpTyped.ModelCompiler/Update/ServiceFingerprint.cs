using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue.Building;

namespace AwsMcpTyped.ModelCompiler.Update;

/// <summary>
/// A per-operation fingerprint of the API surface: the operation and every shape reachable from it, with
/// documentation stripped, so "changed" means a change a caller can notice (members, types, enums, …).
/// </summary>
internal static class ServiceFingerprint
{
    public static SortedDictionary<string, string> Operations(BotocoreService service)
    {
        var fingerprints = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in service.Operations)
        {
            var text = new StringBuilder();
            Append(text, node);
            foreach (var shape in Reachable(service, node!.AsObject()))
                text.Append(shape).Append('=').Append(Canonical(service.Shape(shape)));
            text.Append(Canonical(service.Paginator(name)));
            fingerprints[name] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
        }
        return fingerprints;
    }

    private static IEnumerable<string> Reachable(BotocoreService service, JsonObject operation)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var key in new[] { "input", "output" })
        {
            if ((string?)operation[key]?["shape"] is { } root)
                pending.Push(root);
        }
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name) || service.Shape(name) is not { } shape)
                continue;
            foreach (var (_, member) in shape["members"] as JsonObject ?? [])
                pending.Push((string)member!["shape"]!);
            foreach (var key in new[] { "member", "key", "value" })
            {
                if ((string?)shape[key]?["shape"] is { } target)
                    pending.Push(target);
            }
        }
        return seen;
    }

    private static string Canonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Append(text, node);
        return text.ToString();
    }

    private static void Append(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (key is "documentation" or "documentationUrl")
                        continue;
                    text.Append(key).Append(':');
                    Append(text, value);
                    text.Append(',');
                }
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                foreach (var item in array)
                {
                    Append(text, item);
                    text.Append(',');
                }
                text.Append(']');
                break;
            default:
                text.Append(node?.ToJsonString() ?? "null");
                break;
        }
    }
}
