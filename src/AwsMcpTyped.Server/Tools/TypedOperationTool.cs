using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Execution;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcpTyped.Server.Tools;

/// <summary>
/// One catalogue operation as an MCP tool: its generated input schema (API member names, plus region/profile and,
/// when paginated, max_items/starting_token), output schema and access-class annotations. A call is checked against
/// the schema, then runs through the executor as <c>aws &lt;svc&gt; &lt;cmd&gt; --cli-input-json …</c>, and the JSON
/// response comes back as structured content. The protocol description is built on first use.
/// </summary>
internal sealed class TypedOperationTool(AwsCatalogue catalogue, CommandExecutor executor, ServiceDescriptor service, CommandDescriptor command) : McpServerTool
{
    private static readonly string[] ExtraArguments = ["region", "profile", "max_items", "starting_token"];
    private Tool? _tool;

    public string Name { get; } = TypedToolNames.For(service.Name, command.Name);

    public override Tool ProtocolTool => _tool ??= Build();

    public override IReadOnlyList<object> Metadata { get; } = [];

    private bool Paginated => (command.Flags & CommandFlags.Paginated) != 0;

    private Tool Build()
    {
        var input = catalogue.GetInputSchema(service, command)!;
        input.Remove("$schema");
        // Operations without input (acm get-account-configuration, …) have a schema without properties.
        if (input["properties"] is not JsonObject properties)
            input["properties"] = properties = new JsonObject();
        properties.TryAdd("region", new JsonObject { ["type"] = "string", ["description"] = "AWS region for this call" });
        properties.TryAdd("profile", new JsonObject { ["type"] = "string", ["description"] = "AWS profile for this call" });
        if (Paginated)
        {
            properties.TryAdd("max_items", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["description"] = "Return at most this many items; the output then has a NextToken" });
            properties.TryAdd("starting_token", new JsonObject { ["type"] = "string", ["description"] = "The NextToken of a previous call, to continue" });
        }
        var output = catalogue.GetOutputSchema(service, command)!;
        output.Remove("$schema");
        var detail = catalogue.GetDetail(service);
        var documentation = command.Operation is not null && detail.Operations.TryGetValue(command.Operation, out var operation) ? operation.Documentation : null;
        return new Tool
        {
            Name = Name,
            Title = $"aws {service.Name} {command.Name}",
            Description = $"aws {service.Name} {command.Name} ({command.Access.ToWireName()}): {DocText.FirstSentence(documentation, 400)}",
            InputSchema = JsonSerializer.SerializeToElement(input),
            OutputSchema = JsonSerializer.SerializeToElement(output),
            Annotations = new ToolAnnotations
            {
                Title = $"aws {service.Name} {command.Name}",
                ReadOnlyHint = command.Access is AccessClass.Read or AccessClass.SensitiveRead,
                DestructiveHint = command.Access == AccessClass.Destructive,
                OpenWorldHint = true,
            },
        };
    }

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var arguments = request.Params?.Arguments ?? new Dictionary<string, JsonElement>();
        if (CheckArguments(arguments) is { } problem)
            return ToolResults.Error(problem);
        string? region, profile;
        int? maxItems;
        string? startingToken;
        try
        {
            region = ToolResults.OptionalString(arguments, "region");
            profile = ToolResults.OptionalString(arguments, "profile");
            maxItems = ToolResults.OptionalInteger(arguments, "max_items");
            startingToken = ToolResults.OptionalString(arguments, "starting_token");
        }
        catch (ToolArgumentException error)
        {
            return ToolResults.Error(error.Message);
        }

        var input = new JsonObject();
        foreach (var (name, value) in arguments.Where(a => !ExtraArguments.Contains(a.Key)))
            input[name] = JsonNode.Parse(value.GetRawText());
        var words = new List<string> { "aws", service.Name };
        words.AddRange(command.Name.Split(' '));
        // The schema takes blobs in base64. v2 reads them so when told (whatever the profile's cli_binary_format says);
        // v1 only takes them raw, so they go decoded, and binary that is not text cannot go at all.
        var v2 = (await executor.CatalogueAsync().WaitAsync(cancellationToken)).Dialect == CliDialects.V2;
        if (!v2 && TypedBlobs.DecodeForV1(input, ProtocolTool.InputSchema) is { } blobProblem)
            return ToolResults.Error(blobProblem);
        words.AddRange(["--cli-input-json", input.ToJsonString(), "--output", "json"]);
        if (v2)
            words.AddRange(["--cli-binary-format", "base64"]);
        if (maxItems is not null)
            words.AddRange(["--max-items", maxItems.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (startingToken is not null)
            words.AddRange(["--starting-token", startingToken]);

        var result = await executor.ExecuteAsync(words,
            new ExecuteOptions { Region = region, Profile = profile, Caller = Name, Consent = ElicitationConsent.For(request.Server) }, cancellationToken);
        if (result.IsError)
            return ToolResults.Error(result.ToText());
        var structured = TryParseObject(result.Output);
        return ToolResults.Text(result.Output.Length == 0 ? "{}" : result.Output, structured: structured ?? JsonSerializer.SerializeToElement(new JsonObject()));
    }

    /// <summary>Top-level checks against the input schema: unknown and missing members, and JSON kinds.</summary>
    private string? CheckArguments(IDictionary<string, JsonElement> arguments)
    {
        var schema = ProtocolTool.InputSchema;
        var properties = schema.GetProperty("properties");
        foreach (var (name, value) in arguments)
        {
            if (!properties.TryGetProperty(name, out var property))
            {
                var known = properties.EnumerateObject().Select(p => p.Name);
                return $"Unknown argument '{name}' for {Name}.{Text.NameSuggester.DidYouMean(name, known)} Arguments: {string.Join(", ", known)}.";
            }
            if (property.TryGetProperty("type", out var type) && !Matches(type.GetString(), value))
                return $"'{name}' must be {Article(type.GetString())} (JSON {type.GetString()}), not {value.ValueKind.ToString().ToLowerInvariant()}.";
        }
        if (schema.TryGetProperty("required", out var required))
        {
            var missing = required.EnumerateArray().Select(r => r.GetString()!).Where(r => !arguments.ContainsKey(r)).ToList();
            if (missing.Count > 0)
                return $"{Name} needs {string.Join(", ", missing)}. Use describe_command with service=\"{service.Name}\", command=\"{command.Name}\" for details.";
        }
        return null;
    }

    private static bool Matches(string? type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    };

    private static string Article(string? type) => type is "integer" or "array" or "object" ? "an " + type : "a " + type;

    private static JsonElement? TryParseObject(string output)
    {
        try
        {
            using var document = JsonDocument.Parse(output);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
