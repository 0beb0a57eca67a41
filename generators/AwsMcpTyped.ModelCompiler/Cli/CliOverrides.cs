using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.ModelCompiler.Botocore;

namespace AwsMcpTyped.ModelCompiler.Cli;

/// <summary>
/// generators/data/cli-overrides.json: every place where the real AWS CLI differs from the baseline rules
/// (service renames and aliases, removed, hidden and extra commands, renamed/added/removed arguments).
/// Produced by scripts/cli/compute_overrides.py from the installed CLI; schema in scripts/cli/README.md.
/// Applied in the order of scripts/cli/overrides.py: extra commands, removals, hidden/shown, argument deltas.
/// </summary>
internal sealed class CliOverrides(JsonObject root)
{
    public static CliOverrides Load(string dataDirectory) =>
        new(JsonFiles.Read(Path.Combine(dataDirectory, "cli-overrides.json")));

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

    public List<BaselineCommand> Apply(string cliService, BotocoreService service, BaselineCommandBuilder builder, List<BaselineCommand> baseline)
    {
        var commands = baseline.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var order = baseline.Select(c => c.Name).ToList();

        foreach (var (name, operation) in Section("addedCommands", cliService))
        {
            var kind = name.StartsWith("wait ", StringComparison.Ordinal) ? CommandKind.Waiter : CommandKind.Operation;
            commands[name] = builder.Command(service, name, (string)operation!, kind);
            order.Add(name);
        }
        foreach (var name in Names("removedCommands", cliService))
            commands.Remove(Existing(commands, cliService, name).Name);
        foreach (var name in Names("hiddenCommands", cliService))
            commands[name] = Existing(commands, cliService, name) with { Flags = commands[name].Flags | CommandFlags.Hidden };
        foreach (var name in Names("shownCommands", cliService))
            commands[name] = Existing(commands, cliService, name) with { Flags = commands[name].Flags & ~CommandFlags.Hidden };
        foreach (var (name, delta) in Section("commands", cliService))
        {
            var command = Existing(commands, cliService, name);
            commands[name] = command with { Arguments = ApplyDelta(service, command, delta!.AsObject()) };
        }
        return order.Distinct().Where(commands.ContainsKey).Select(n => commands[n]).ToList();
    }

    /// <summary>remove, rename, set, add — in that order, as overrides.py applies them.</summary>
    private static List<ArgumentDescriptor> ApplyDelta(BotocoreService service, BaselineCommand command, JsonObject delta)
    {
        var arguments = command.Arguments.ToList();
        int IndexOf(string name) => arguments.FindIndex(a => a.Name == name) is var i and >= 0
            ? i : throw new InvalidDataException($"cli-overrides: {command.Name} has no argument {name}");

        foreach (var name in delta["remove"] as JsonArray ?? [])
            arguments.RemoveAt(IndexOf((string)name!));
        foreach (var (oldName, newName) in delta["rename"] as JsonObject ?? [])
        {
            var i = IndexOf(oldName);
            arguments[i] = arguments[i] with { Name = (string)newName! };
        }
        foreach (var (name, fields) in delta["set"] as JsonObject ?? [])
        {
            var i = IndexOf(name);
            arguments[i] = arguments[i] with { Flags = WithFields(arguments[i].Flags, fields!.AsObject()) };
        }
        foreach (var record in delta["add"] as JsonArray ?? [])
        {
            var name = (string)record!["name"]!;
            var member = (string?)record["member"];
            var type = member is null ? ArgumentTypes.FromName((string?)record["type"]) : MemberType(service, command.Operation, member);
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
        return flags;
    }

    private static ArgumentType MemberType(BotocoreService service, string operation, string member)
    {
        var input = service.Shape((string?)service.Operations[operation]?["input"]?["shape"]);
        return ArgumentTypes.FromShape(service.Shape((string?)input?["members"]?[member]?["shape"]));
    }

    private IEnumerable<KeyValuePair<string, JsonNode?>> Section(string section, string cliService) =>
        root[section]?[cliService] as JsonObject ?? [];

    private IEnumerable<string> Names(string section, string cliService) =>
        (root[section]?[cliService] as JsonArray ?? []).Select(n => (string)n!);

    private static BaselineCommand Existing(Dictionary<string, BaselineCommand> commands, string service, string name) =>
        commands.TryGetValue(name, out var command) ? command
            : throw new InvalidDataException($"cli-overrides: {service} has no command {name}; regenerate the overrides (scripts/cli/README.md)");
}
