using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server.Resources;

/// <summary>A resource (or resource template) whose content is one JSON document, application/json.</summary>
internal abstract class JsonResource(string uriTemplate, string name, string description) : McpServerResource
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public override ResourceTemplate ProtocolResourceTemplate { get; } = new()
    {
        UriTemplate = uriTemplate,
        Name = name,
        Description = description,
        MimeType = "application/json",
    };

    public override IReadOnlyList<object> Metadata { get; } = [];

    public override bool IsMatch(string uri) => uri == uriTemplate;

    protected abstract ValueTask<JsonNode> ReadJsonAsync(string uri, CancellationToken cancellationToken);

    public override async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default)
    {
        var uri = request.Params?.Uri ?? uriTemplate;
        var json = await ReadJsonAsync(uri, cancellationToken);
        return new ReadResourceResult
        {
            Contents = [new TextResourceContents { Uri = uri, MimeType = "application/json", Text = json.ToJsonString(Indented) }],
        };
    }
}
