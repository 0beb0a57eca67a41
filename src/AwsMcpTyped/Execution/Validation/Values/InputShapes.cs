using System.Runtime.CompilerServices;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>A botocore input shape with what parameter validation and the CLI's value conversion read, linked into a
/// graph (recursive shapes refer back to themselves).</summary>
internal sealed class InputShape
{
    public required string Name { get; init; }
    /// <summary>structure, list, map, string, integer, long, float, double, boolean, timestamp, blob.</summary>
    public required string Type { get; init; }
    public bool Document { get; init; }
    public bool Union { get; init; }
    public bool Streaming { get; init; }
    public double? Min { get; init; }
    public IReadOnlyList<string> Required { get; init; } = [];
    /// <summary>Structure members in model order.</summary>
    public Dictionary<string, InputMember> Members { get; } = new(StringComparer.Ordinal);
    public InputShape? Member { get; set; }
    public InputShape? Key { get; set; }
    public InputShape? Value { get; set; }

    public bool IsScalar => Type is not ("structure" or "list" or "map");

    /// <summary>A document, or a list or map whose elements are documents at the end (awscli's is_document_type_container).</summary>
    public bool IsDocumentContainer => Document || Type switch
    {
        "list" => Member?.IsDocumentContainer == true,
        "map" => Value?.IsDocumentContainer == true,
        _ => false,
    };
}

/// <summary>A structure member: its shape and the member's own traits that validation reads.</summary>
internal sealed record InputMember(string Name, InputShape Shape, bool HostLabel, bool JsonValueHeader, bool Streaming);

/// <summary>
/// The input shapes of a service's operations, built once from its detail and kept per service for the life of the
/// catalogue (the detail itself, with its documentation, is evicted from a small cache; these few shapes are not).
/// </summary>
internal sealed class InputShapes
{
    private static readonly ConditionalWeakTable<ServiceDescriptor, InputShapes> Cache = new();

    private readonly Dictionary<string, InputShape?> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InputShape> _shapes = new(StringComparer.Ordinal);

    /// <summary>Every operation's input, linked at once so that the detail can be dropped.</summary>
    private InputShapes(ServiceDetail detail)
    {
        foreach (var (name, operation) in detail.Operations)
            _inputs[name] = operation.Input is { } input ? Shape(detail, input) : null;
    }

    public static InputShapes For(ServiceDescriptor service, Lazy<ServiceDetail> detail) =>
        Cache.GetValue(service, _ => new InputShapes(detail.Value));

    /// <summary>An operation's input shape, or null when it takes none (or the model does not know it).</summary>
    public InputShape? Input(string operation) => _inputs.GetValueOrDefault(operation);

    private InputShape? Shape(ServiceDetail detail, string name)
    {
        if (_shapes.TryGetValue(name, out var known))
            return known;
        if (!detail.Shapes.TryGetValue(name, out var model))
            return null;
        var shape = new InputShape
        {
            Name = name,
            Type = model.Type,
            Document = model.Document,
            Union = model.Union,
            Streaming = model.Streaming,
            Min = model.Min,
            Required = model.Required ?? [],
        };
        _shapes[name] = shape; // before the members, which may lead back here
        foreach (var member in model.Members ?? [])
        {
            if (Shape(detail, member.Shape) is { } memberShape)
                shape.Members[member.Name] = new InputMember(member.Name, memberShape, member.HostLabel, member.JsonValue && member.Location == "header",
                    member.Streaming || memberShape.Streaming);
        }
        shape.Member = model.Member is { } element ? Shape(detail, element) : null;
        shape.Key = model.Key is { } key ? Shape(detail, key) : null;
        shape.Value = model.Value is { } value ? Shape(detail, value) : null;
        return shape;
    }
}
