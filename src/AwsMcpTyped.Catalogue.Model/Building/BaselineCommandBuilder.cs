using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Catalogue.Building;

/// <summary>
/// The AWS CLI's generated command table from the botocore model alone. The rules are specified, with
/// reasons, in scripts/cli/baseline.py (the Python mirror the overrides are computed against); keep both
/// in step. In short: command = xform_name(operation), hidden when deprecated; one <c>--x</c> per input member
/// (required unless an idempotency token) plus <c>--no-x</c> for booleans; paginated operations hide their
/// input tokens and limit key and gain --starting-token, --page-size (with a limit key) and --max-items; a blob
/// output payload adds a required <c>outfile</c> positional, otherwise the JSON helpers are added (rule f, the one
/// rule that depends on the CLI version: v2 also adds --cli-input-yaml). Waiters become <c>wait &lt;xform_name(waiter)&gt;</c> with their
/// operation's arguments. Where the real CLI differs, the difference is data: the compiler's CliOverrides.
/// </summary>
internal sealed class BaselineCommandBuilder(XformName xform, CliDialects dialect)
{
    /// <summary>Rule f: the arguments the CLI adds to every command without a blob output payload, in the CLI's
    /// order (scripts/cli/baseline.py JSON_HELPERS).</summary>
    private readonly string[] _jsonHelpers = dialect switch
    {
        CliDialects.V1 => ["--cli-input-json", "--generate-cli-skeleton"],
        CliDialects.V2 => ["--cli-input-json", "--cli-input-yaml", "--generate-cli-skeleton"],
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "one CLI version: V1 or V2"),
    };


    public List<BaselineCommand> Build(BotocoreService service)
    {
        var commands = new List<BaselineCommand>();
        foreach (var (operation, node) in service.Operations)
            commands.Add(Command(service, xform.Transform(operation), operation, CommandKind.Operation));

        if (service.Waiters?["waiters"] is JsonObject waiters)
        {
            foreach (var (waiter, node) in waiters)
            {
                var operation = (string)node!["operation"]!;
                if (service.Operations.ContainsKey(operation))
                    commands.Add(Command(service, "wait " + xform.Transform(waiter), operation, CommandKind.Waiter));
            }
        }
        return commands;
    }

    /// <summary>A command named <paramref name="name"/> for <paramref name="operation"/>, built with the baseline rules
    /// (also used for the extra names overrides bind to existing operations).</summary>
    public BaselineCommand Command(BotocoreService service, string name, string operation, CommandKind kind)
    {
        var node = service.Operations[operation]!.AsObject();
        var flags = CommandFlags.None;
        if (node["deprecated"]?.GetValue<bool>() == true)
            flags |= CommandFlags.Hidden | CommandFlags.Deprecated;
        if (service.Paginator(operation) is not null)
            flags |= CommandFlags.Paginated;
        if (HasBlobOutputPayload(service, node))
            flags |= CommandFlags.StreamingOutput;
        return new BaselineCommand(name, operation, kind, flags, Arguments(service, operation, node));
    }

    private List<ArgumentDescriptor> Arguments(BotocoreService service, string operation, JsonObject node)
    {
        var arguments = new List<ArgumentDescriptor>();
        var input = service.Shape((string?)node["input"]?["shape"]);
        var required = (input?["required"] as JsonArray)?.Select(n => (string)n!).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (member, reference) in input?["members"] as JsonObject ?? [])
        {
            var type = ArgumentTypes.FromShape(service.Shape((string?)reference!["shape"]));
            var name = "--" + xform.Transform(member);
            // The CLI fills idempotency tokens itself, so they are never required.
            var isRequired = required.Contains(member) && reference["idempotencyToken"]?.GetValue<bool>() != true;
            // Booleans are flags, lists take zero or more values, the rest one (baseline rule h).
            var values = type switch
            {
                ArgumentType.Boolean => ArgumentFlags.NoValue,
                ArgumentType.List => ArgumentFlags.ManyValues | ArgumentFlags.OptionalValue,
                _ => ArgumentFlags.None,
            };
            arguments.Add(new ArgumentDescriptor(name, member, type, values | (isRequired ? ArgumentFlags.Required : ArgumentFlags.None)));
            if (type == ArgumentType.Boolean)
                arguments.Add(new ArgumentDescriptor("--no-" + name[2..], member, type, values | ArgumentFlags.Negation));
        }

        if (service.Paginator(operation) is { } paginator)
            AddPagingArguments(arguments, paginator);

        if (HasBlobOutputPayload(service, node))
        {
            arguments.Add(new ArgumentDescriptor("outfile", null, ArgumentType.String, ArgumentFlags.Required | ArgumentFlags.Positional));
        }
        else
        {
            foreach (var helper in _jsonHelpers)
                arguments.Add(new ArgumentDescriptor(helper, null, ArgumentType.String,
                    helper == "--generate-cli-skeleton" ? ArgumentFlags.OptionalValue : ArgumentFlags.None)); // "input" when left out
        }
        return arguments;
    }

    /// <summary>Hides the raw tokens and adds the CLI's own paging arguments, replacing any of the same name.</summary>
    private void AddPagingArguments(List<ArgumentDescriptor> arguments, JsonObject paginator)
    {
        var tokens = paginator["input_token"] switch
        {
            JsonArray list => list.Select(t => (string)t!).ToList(),
            JsonValue single => [(string)single!],
            _ => [],
        };
        if ((string?)paginator["limit_key"] is { } limitKey)
            tokens.Add(limitKey);
        var hidden = tokens.Select(t => "--" + xform.Transform(t)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (hidden.Contains(arguments[i].Name))
                arguments[i] = arguments[i] with { Flags = arguments[i].Flags | ArgumentFlags.Hidden };
        }

        var paging = new List<ArgumentDescriptor> { new("--starting-token", null, ArgumentType.String, ArgumentFlags.None) };
        if (paginator["limit_key"] is not null)
            paging.Add(new("--page-size", null, ArgumentType.Integer, ArgumentFlags.None));
        paging.Add(new("--max-items", null, ArgumentType.Integer, ArgumentFlags.None));
        arguments.RemoveAll(a => paging.Any(p => p.Name == a.Name));
        arguments.AddRange(paging);
    }

    /// <summary>botocore saves a blob payload to <c>outfile</c> whether or not the model marks it streaming.</summary>
    private static bool HasBlobOutputPayload(BotocoreService service, JsonObject operation)
    {
        var output = service.Shape((string?)operation["output"]?["shape"]);
        if ((string?)output?["payload"] is not { } payload)
            return false;
        var payloadShape = service.Shape((string?)output["members"]?[payload]?["shape"]);
        return (string?)payloadShape?["type"] == "blob";
    }
}

/// <summary>A command as the baseline rules produce it, before overrides.</summary>
internal sealed record BaselineCommand(string Name, string Operation, CommandKind Kind, CommandFlags Flags, List<ArgumentDescriptor> Arguments);
