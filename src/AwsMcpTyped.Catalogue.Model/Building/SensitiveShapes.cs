using System.Text.Json.Nodes;

namespace AwsMcpTyped.Catalogue.Building;

/// <summary>
/// The shapes of one service that carry secret material: those botocore marks <c>"sensitive": true</c>, and every
/// shape from which one is reachable through structure members, list members or map keys and values (so
/// <c>lambda create-function --environment</c>, a structure holding a map of sensitive strings, counts).
/// Botocore puts the mark on shapes; a mark on a member reference is honoured too, in case a model carries one.
/// </summary>
internal sealed class SensitiveShapes
{
    private readonly HashSet<string> _containing;
    private readonly JsonObject _shapes;

    public SensitiveShapes(BotocoreService service)
    {
        _shapes = service.Shapes;
        // Walk the edges backwards from the marked shapes: linear in the model's size and safe on recursive shapes.
        var parents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        foreach (var (name, node) in _shapes)
        {
            if (node is not JsonObject shape)
                continue;
            if (IsMarked(shape))
                pending.Enqueue(name);
            foreach (var (target, reference) in Children(shape))
            {
                if (IsMarked(reference))
                    pending.Enqueue(name);
                if (!parents.TryGetValue(target, out var list))
                    parents[target] = list = [];
                list.Add(name);
            }
        }
        _containing = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var current))
        {
            if (!_containing.Add(current))
                continue;
            foreach (var parent in parents.GetValueOrDefault(current) ?? [])
                pending.Enqueue(parent);
        }
    }

    /// <summary>True when the shape is sensitive or contains a sensitive shape anywhere inside it.</summary>
    public bool Contains(string? shape) => shape is not null && _containing.Contains(shape);

    /// <summary>True when the member's value holds secret material: the reference is marked or its shape contains a sensitive one.</summary>
    public bool IsSensitiveMember(JsonNode? reference) =>
        reference is JsonObject r && (IsMarked(r) || Contains((string?)r["shape"]));

    /// <summary>The sensitivity of an input member of <paramref name="inputShape"/>, by member name.</summary>
    public bool IsSensitiveInput(string? inputShape, string member) =>
        inputShape is not null && IsSensitiveMember(_shapes[inputShape]?["members"]?[member]);

    private static bool IsMarked(JsonObject node) => node["sensitive"] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static IEnumerable<(string Target, JsonObject Reference)> Children(JsonObject shape)
    {
        if (shape["members"] is JsonObject members)
        {
            foreach (var (_, member) in members)
            {
                if (member is JsonObject reference && (string?)reference["shape"] is { } target)
                    yield return (target, reference);
            }
        }
        foreach (var key in new[] { "member", "key", "value" })
        {
            if (shape[key] is JsonObject reference && (string?)reference["shape"] is { } target)
                yield return (target, reference);
        }
    }
}
