using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Catalogue.Building;

/// <summary>
/// generators/data/cli-overrides.json: every place where the real AWS CLI differs from the baseline rules
/// (service renames and aliases, removed, hidden and extra commands, renamed/added/removed arguments).
/// Produced by scripts/cli/compute_overrides.py from the installed CLI; schema in scripts/cli/README.md.
/// Applied in the order of scripts/cli/overrides.py: extra commands, removals, hidden/shown, argument deltas.
/// </summary>
internal sealed class CliOverrides(JsonObject root)
{
    public const string FileName = "cli-overrides.json";

    public static CliOverrides Load(string dataDirectory) => Load(CatalogueDataFiles.FromDirectory(dataDirectory));

    public static CliOverrides Load(CatalogueDataFiles data) => new(data.ReadJson(FileName));

    /// <summary>The CLI name of a botocore service (s3 → s3api, config → configservice, …).</summary>
    public string CliName(string botocoreService) =>
        (string?)root["serviceRenames"]?[botocoreService] ?? botocoreService;

    /// <summary>botocore services this CLI version does not expose at all (v2 drops sms-voice).</summary>
    public bool IsRemoved(string botocoreService) =>
        (root["removedServices"] as JsonArray ?? []).Any(n => (string?)n == botocoreService);

    /// <summary>Legacy top-level aliases: alias → botocore service (runtime.sagemaker → sagemaker-runtime).</summary>
    public IEnumerable<(string Alias, string BotocoreService)> Aliases() =>
        (root["serviceAliases"] as JsonObject ?? []).Select(p => (p.Key, (string)p.Value!));

    /// <summary>Commands of the baseline that the CLI does not have at all.</summary>
    public IEnumerable<string> RemovedCommands(string cliService) => Names("removedCommands", cliService);

    /// <summary>Top-level commands the CLI accepts but does not list (runtime.sagemaker, sms-voice).</summary>
    public bool IsHidden(string cliService) =>
        (root["hiddenServices"] as JsonArray ?? []).Any(n => (string?)n == cliService);

    /// <summary>The service's commands as this CLI version has them: the baseline with the overrides applied, each
    /// classified and its sensitive arguments marked. The compiler's tables and the run-time overlay's alike.</summary>
    /// <param name="tolerant">Skip an override whose command or argument the model lacks instead of failing: the
    /// overlay applies this version's overrides to an installed CLI's models, which may be older or newer.</param>
    public IEnumerable<CommandDescriptor> Commands(string cliService, BotocoreService service, BaselineCommandBuilder builder, AccessClassifier access, bool tolerant = false)
    {
        var sensitive = new SensitiveShapes(service);
        return Apply(cliService, service, builder, builder.Build(service), tolerant)
            .Select(c => new CommandDescriptor(c.Name, c.Operation, c.Kind, access.Classify(service, c), c.Flags,
                access.Actions(service, c), MarkSensitive(service, sensitive, c)));
    }

    /// <summary>Flags the arguments whose input member holds secret material, so they can be masked wherever echoed.</summary>
    private static List<ArgumentDescriptor> MarkSensitive(BotocoreService service, SensitiveShapes sensitive, BaselineCommand command)
    {
        var input = (string?)service.Operations[command.Operation]?["input"]?["shape"];
        return command.Arguments.Select(a => a.Member is { } member && sensitive.IsSensitiveInput(input, member)
            ? a with { Flags = a.Flags | ArgumentFlags.Sensitive }
            : a).ToList();
    }

    public List<BaselineCommand> Apply(string cliService, BotocoreService service, BaselineCommandBuilder builder, List<BaselineCommand> baseline, bool tolerant = false)
    {
        BaselineCommand? Existing(Dictionary<string, BaselineCommand> commands, string service, string name) =>
            commands.TryGetValue(name, out var command) ? command
            : tolerant ? null
            : throw new InvalidDataException($"cli-overrides: {service} has no command {name}; regenerate the overrides (scripts/cli/README.md)");

        var commands = baseline.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var order = baseline.Select(c => c.Name).ToList();

        foreach (var (name, operation) in Section("addedCommands", cliService))
        {
            if (tolerant && !service.Operations.ContainsKey((string)operation!))
                continue;
            var kind = name.StartsWith("wait ", StringComparison.Ordinal) ? CommandKind.Waiter : CommandKind.Operation;
            commands[name] = builder.Command(service, name, (string)operation!, kind);
            order.Add(name);
        }
        foreach (var name in Names("removedCommands", cliService))
        {
            if (Existing(commands, cliService, name) is { } removed)
                commands.Remove(removed.Name);
        }
        foreach (var name in Names("hiddenCommands", cliService))
        {
            if (Existing(commands, cliService, name) is { } hidden)
                commands[name] = hidden with { Flags = hidden.Flags | CommandFlags.Hidden };
        }
        foreach (var name in Names("shownCommands", cliService))
        {
            if (Existing(commands, cliService, name) is { } shown)
                commands[name] = shown with { Flags = shown.Flags & ~CommandFlags.Hidden };
        }
        foreach (var (name, delta) in Section("commands", cliService))
        {
            if (Existing(commands, cliService, name) is { } command)
                commands[name] = command with { Arguments = ApplyDelta(service, command, delta!.AsObject(), tolerant) };
        }
        return order.Distinct().Where(commands.ContainsKey).Select(n => commands[n]).ToList();
    }

    /// <summary>remove, rename, set, add — in that order, as overrides.py applies them.</summary>
    private static List<ArgumentDescriptor> ApplyDelta(BotocoreService service, BaselineCommand command, JsonObject delta, bool tolerant)
    {
        var arguments = command.Arguments.ToList();
        int IndexOf(string name)
        {
            var i = arguments.FindIndex(a => a.Name == name);
            return i >= 0 || tolerant ? i : throw new InvalidDataException($"cli-overrides: {command.Name} has no argument {name}");
        }

        foreach (var name in delta["remove"] as JsonArray ?? [])
        {
            if (IndexOf((string)name!) is var i and >= 0)
                arguments.RemoveAt(i);
        }
        foreach (var (oldName, newName) in delta["rename"] as JsonObject ?? [])
        {
            if (IndexOf(oldName) is var i and >= 0)
                arguments[i] = arguments[i] with { Name = (string)newName! };
        }
        foreach (var (name, fields) in delta["set"] as JsonObject ?? [])
        {
            if (IndexOf(name) is var i and >= 0)
            {
                arguments[i] = arguments[i] with { Flags = WithFields(arguments[i].Flags, fields!.AsObject()) };
                // A customization that replaces a model argument with its own (emr add-tags --tags) unbinds it from the
                // member: the CLI makes that member's value its own way.
                if (fields.AsObject().TryGetPropertyValue("member", out var member))
                {
                    var memberName = (string?)member;
                    arguments[i] = arguments[i] with
                    {
                        Member = memberName,
                        Type = memberName is null ? arguments[i].Type : MemberType(service, command.Operation!, memberName) ?? arguments[i].Type,
                    };
                }
            }
        }
        foreach (var record in delta["add"] as JsonArray ?? [])
        {
            var name = (string)record!["name"]!;
            var member = (string?)record["member"];
            if (tolerant && member is not null && MemberType(service, command.Operation, member) is null)
                continue;
            var type = member is null ? ArgumentTypes.FromName((string?)record["type"]) : MemberType(service, command.Operation, member) ?? ArgumentType.String;
            var added = new ArgumentDescriptor(name, member, type, WithFields(ArgumentFlags.None, record.AsObject()));
            var existing = arguments.FindIndex(a => a.Name == name);
            if (existing >= 0)
                arguments[existing] = added;
            else
                arguments.Add(added);
        }
        return arguments;
    }

    private static ArgumentFlags WithFields(ArgumentFlags flags, JsonObject fields)
    {
        static ArgumentFlags Set(ArgumentFlags flags, ArgumentFlags flag, JsonNode? value) =>
            value is null ? flags : value.GetValue<bool>() ? flags | flag : flags & ~flag;
        flags = Set(flags, ArgumentFlags.Required, fields["required"]);
        flags = Set(flags, ArgumentFlags.Hidden, fields["hidden"]);
        flags = Set(flags, ArgumentFlags.Positional, fields["positional"]);
        flags = Set(flags, ArgumentFlags.Repeatable, fields["repeatable"]);
        return fields.TryGetPropertyValue("nargs", out var nargs)
            ? ArgparseValues.With(flags, nargs, (flags & ArgumentFlags.Repeatable) != 0)
            : flags;
    }

    /// <summary>The argument type of an input member; null when the input has no such member.</summary>
    private static ArgumentType? MemberType(BotocoreService service, string operation, string member)
    {
        var input = service.Shape((string?)service.Operations[operation]?["input"]?["shape"]);
        return input?["members"]?[member] is { } reference ? ArgumentTypes.FromShape(service.Shape((string?)reference["shape"])) : null;
    }

    private IEnumerable<KeyValuePair<string, JsonNode?>> Section(string section, string cliService) =>
        root[section]?[cliService] as JsonObject ?? [];

    private IEnumerable<string> Names(string section, string cliService) =>
        (root[section]?[cliService] as JsonArray ?? []).Select(n => (string)n!);
}
