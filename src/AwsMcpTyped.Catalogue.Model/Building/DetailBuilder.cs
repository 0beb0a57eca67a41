using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue.Detail;

namespace AwsMcpTyped.Catalogue.Building;

/// <summary>
/// Normalises a botocore service into the <see cref="ServiceDetail"/> that describe reads at run time:
/// documentation converted to text, only the shapes reachable from operation inputs and outputs
/// (error shapes are not needed to describe a command), paginators, waiters and examples.
/// </summary>
internal sealed class DetailBuilder(XformName xform)
{
    private static readonly JsonSerializerOptions CompactJson = new() { WriteIndented = false };

    /// <param name="sensitive">Which shapes hold secret material: members reaching one are marked, so the runtime
    /// can mask them inside a <c>--cli-input-json</c> document.</param>
    public ServiceDetail Build(BotocoreService service, string cliName, SensitiveShapes sensitive)
    {
        var metadata = service.Metadata;
        var detail = new ServiceDetail
        {
            Name = cliName,
            BotocoreName = service.Name,
            ApiVersion = service.ApiVersion,
            FullName = (string?)metadata["serviceFullName"],
            Protocol = (string?)metadata["protocol"],
            Documentation = HtmlToText.Convert((string?)service.Model["documentation"]),
        };

        var reachable = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, node) in service.Operations)
        {
            var operation = node!.AsObject();
            var input = (string?)operation["input"]?["shape"];
            var output = (string?)operation["output"]?["shape"];
            CollectShapes(service, input, reachable);
            CollectShapes(service, output, reachable);
            detail.Operations[name] = new OperationDetail
            {
                Documentation = HtmlToText.Convert((string?)operation["documentation"]),
                Input = input,
                Output = output,
                HttpMethod = (string?)operation["http"]?["method"],
                HttpUri = (string?)operation["http"]?["requestUri"],
                Deprecated = operation["deprecated"]?.GetValue<bool>() == true,
                DeprecatedMessage = (string?)operation["deprecatedMessage"],
                Paginator = BuildPaginator(service.Paginator(name)),
                Examples = BuildExamples(service.Examples?["examples"]?[name] as JsonArray),
            };
        }
        foreach (var name in reachable)
            detail.Shapes[name] = BuildShape(service.Shape(name)!, sensitive);

        if (service.Waiters?["waiters"] is JsonObject waiters)
        {
            foreach (var (name, node) in waiters)
                detail.Waiters[name] = BuildWaiter(name, node!.AsObject());
        }
        return detail;
    }

    private static void CollectShapes(BotocoreService service, string? name, ISet<string> seen)
    {
        var pending = new Stack<string>();
        if (name is not null)
            pending.Push(name);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current) || service.Shape(current) is not { } shape)
                continue;
            if (shape["members"] is JsonObject members)
            {
                foreach (var (_, member) in members)
                    pending.Push((string)member!["shape"]!);
            }
            foreach (var key in new[] { "member", "key", "value" })
            {
                if ((string?)shape[key]?["shape"] is { } target)
                    pending.Push(target);
            }
        }
    }

    private static ShapeDetail BuildShape(JsonObject shape, SensitiveShapes sensitive)
    {
        List<MemberDetail>? members = null;
        if (shape["members"] is JsonObject memberNodes)
        {
            members = memberNodes.Select(pair => new MemberDetail
            {
                Name = pair.Key,
                Shape = (string)pair.Value!["shape"]!,
                Documentation = NullIfEmpty(HtmlToText.Convert((string?)pair.Value["documentation"])),
                Location = (string?)pair.Value["location"],
                Deprecated = pair.Value["deprecated"]?.GetValue<bool>() == true,
                Sensitive = sensitive.IsSensitiveMember(pair.Value),
                HostLabel = pair.Value["hostLabel"]?.GetValue<bool>() == true,
                JsonValue = pair.Value["jsonvalue"]?.GetValue<bool>() == true,
                Streaming = pair.Value["streaming"]?.GetValue<bool>() == true,
            }).ToList();
        }
        return new ShapeDetail
        {
            Type = (string?)shape["type"] ?? "structure",
            Documentation = NullIfEmpty(HtmlToText.Convert((string?)shape["documentation"])),
            Members = members,
            Required = Strings(shape["required"]),
            Enum = Strings(shape["enum"]),
            Member = (string?)shape["member"]?["shape"],
            Key = (string?)shape["key"]?["shape"],
            Value = (string?)shape["value"]?["shape"],
            Min = Number(shape["min"]),
            Max = Number(shape["max"]),
            Pattern = (string?)shape["pattern"],
            Streaming = Flag(shape["streaming"]),
            Sensitive = Flag(shape["sensitive"]),
            Union = Flag(shape["union"]),
            Document = Flag(shape["document"]),
            TimestampFormat = (string?)shape["timestampFormat"],
        };
    }

    private static PaginatorDetail? BuildPaginator(JsonObject? paginator) => paginator is null ? null : new PaginatorDetail
    {
        InputTokens = StringOrList(paginator["input_token"]),
        OutputTokens = StringOrList(paginator["output_token"]),
        LimitKey = (string?)paginator["limit_key"],
        ResultKeys = StringOrList(paginator["result_key"]),
        MoreResults = (string?)paginator["more_results"],
    };

    private static List<ExampleDetail>? BuildExamples(JsonArray? examples) => examples?.Select(node => new ExampleDetail
    {
        Title = (string?)node!["title"],
        Description = NullIfEmpty(HtmlToText.Convert((string?)node["description"])),
        Input = node["input"] is JsonNode input ? input.ToJsonString(CompactJson) : null,
        Output = node["output"] is JsonNode output ? output.ToJsonString(CompactJson) : null,
    }).ToList();

    private WaiterDetail BuildWaiter(string name, JsonObject waiter) => new()
    {
        Command = "wait " + xform.Transform(name),
        Operation = (string)waiter["operation"]!,
        Delay = (int?)Number(waiter["delay"]) ?? 0,
        MaxAttempts = (int?)Number(waiter["maxAttempts"]) ?? 0,
        Description = WaiterDescription(waiter),
    };

    /// <summary>The description the CLI prints for <c>wait</c> commands (awscli WaiterStateDocBuilder).</summary>
    private string WaiterDescription(JsonObject waiter)
    {
        var description = (string?)waiter["description"];
        if (string.IsNullOrEmpty(description))
        {
            description = "Wait until ";
            var success = (waiter["acceptors"] as JsonArray ?? []).FirstOrDefault(a => (string?)a?["state"] == "success");
            if (success is not null)
                description += SuccessDescription(success);
            description += $"when polling with \"{xform.Transform((string)waiter["operation"]!)}\".";
        }
        return description + $" It will poll every {Number(waiter["delay"])} seconds until a successful state has been reached." +
               $" This will exit with a return code of 255 after {Number(waiter["maxAttempts"])} failed checks.";
    }

    private static string SuccessDescription(JsonNode acceptor)
    {
        var matcher = (string?)acceptor["matcher"];
        var expected = acceptor["expected"] is JsonValue value && value.TryGetValue<string>(out var text) ? text
            : acceptor["expected"]?.ToJsonString().ToLowerInvariant();
        var path = $"JMESPath query {(string?)acceptor["argument"]} returns ";
        return matcher switch
        {
            "error" => $"{expected} is thrown ",
            "path" => $"{path}{expected} ",
            "pathAll" => $"{path}{expected} for all elements ",
            "pathAny" => $"{path}{expected} for any element ",
            "status" => $"{expected} response is received ",
            _ => "",
        };
    }

    private static List<string>? Strings(JsonNode? node) => (node as JsonArray)?.Select(n => (string)n!).ToList();

    private static List<string> StringOrList(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(n => (string)n!).ToList(),
        JsonValue value => [(string)value!],
        _ => [],
    };

    private static double? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

    private static bool Flag(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
