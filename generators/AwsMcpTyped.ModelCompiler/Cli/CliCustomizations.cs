using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Catalogue.Building;

namespace AwsMcpTyped.ModelCompiler.Cli;

/// <summary>
/// generators/data/cli-customizations.json (v2: generators/data/v2/): one CLI version's hand-written commands (s3 cp,
/// configure set, eks get-token, …) with their arguments and cleaned help, dumped once from that CLI by
/// scripts/cli/dump_customizations.py.
/// </summary>
internal sealed class CliCustomizations
{
    private readonly ILookup<string, JsonObject> _commands;
    private readonly ILookup<string, JsonObject> _groups;

    private CliCustomizations(JsonObject root)
    {
        _commands = (root["commands"] as JsonArray ?? []).OfType<JsonObject>().ToLookup(c => (string)c["service"]!, StringComparer.Ordinal);
        _groups = (root["groups"] as JsonArray ?? []).OfType<JsonObject>().ToLookup(g => (string)g["service"]!, StringComparer.Ordinal);
        AwsCliVersion = (string?)root["awscli"] ?? throw new InvalidDataException("cli-customizations.json has no \"awscli\" version");
    }

    public static CliCustomizations Load(string dataDirectory) =>
        new(JsonFiles.Read(Path.Combine(dataDirectory, "cli-customizations.json")));

    /// <summary>The version of the CLI the data was dumped from (1.45.11, 2.34.50).</summary>
    public string AwsCliVersion { get; }

    /// <summary>Every top-level command a customization creates or extends: top-level groups (s3, configure, history,
    /// ddb) and the services of custom commands, including those no group declares (v2's login, logout, cli-dev).
    /// Those without a botocore service of the same CLI name are customization-only (scripts/cli/overrides.py).</summary>
    public IEnumerable<string> Services() =>
        _groups.SelectMany(g => g).Where(g => g["topLevel"]?.GetValue<bool>() == true).Select(g => (string)g["service"]!)
            .Concat(_commands.Select(c => c.Key)).Distinct().Order(StringComparer.Ordinal);

    public string? Title(string service) => (string?)TopLevelGroup(service)?["summary"];

    public string? Overview(string service) => (string?)TopLevelGroup(service)?["description"];

    public IEnumerable<CommandDescriptor> Commands(string cliService, AccessClassifier access)
    {
        foreach (var command in _commands[cliService])
        {
            var name = (string)command["name"]!;
            var arguments = (command["arguments"] as JsonArray ?? []).OfType<JsonObject>().Select(a => new ArgumentDescriptor(
                (string)a["name"]!,
                null,
                ArgumentTypes.FromName((string?)a["type"]),
                ArgparseValues.With((Flag(a, "required") ? ArgumentFlags.Required : 0) | (Flag(a, "hidden") ? ArgumentFlags.Hidden : 0) |
                    (Flag(a, "positional") ? ArgumentFlags.Positional : 0), a["nargs"], Flag(a, "repeatable")))).ToList();
            yield return new CommandDescriptor(name, null, CommandKind.Custom, access.ClassifyCustom(cliService, name),
                Flag(command, "hidden") ? CommandFlags.Hidden : CommandFlags.None, access.CustomActions(cliService, name), arguments);
        }
    }

    /// <summary>Adds the help of the service's custom commands and command groups to its detail. A command or group
    /// the detail already has (from the other CLI version, applied first) keeps its text; only the arguments it lacks
    /// are appended, so every argument of either version is documented.</summary>
    public void AddDetails(string cliService, ServiceDetail detail)
    {
        foreach (var command in _commands[cliService])
        {
            var name = (string)command["name"]!;
            var arguments = Arguments(command);
            if (detail.CustomCommands.TryGetValue(name, out var existing))
            {
                existing.Arguments.AddRange(arguments.Where(a => !existing.Arguments.Any(e => e.Name == a.Name)));
                continue;
            }
            detail.CustomCommands[name] = new CustomCommandDetail
            {
                Summary = (string?)command["summary"],
                Description = (string?)command["description"],
                Synopsis = (string?)command["synopsis"],
                Examples = (string?)command["examples"],
                HelpPage = (string?)command["helpPage"],
                Arguments = arguments,
            };
        }
        foreach (var group in _groups[cliService])
        {
            var name = (string)group["name"]!;
            if (detail.CustomCommands.ContainsKey(name))
                continue;
            detail.CustomCommands[name] = new CustomCommandDetail
            {
                Summary = (string?)group["summary"],
                Description = (string?)group["description"],
                HelpPage = (string?)group["helpPage"],
            };
        }
    }

    private static List<CustomArgumentDetail> Arguments(JsonObject command) =>
        (command["arguments"] as JsonArray ?? []).OfType<JsonObject>().Select(a => new CustomArgumentDetail
        {
            Name = (string)a["name"]!,
            Type = (string?)a["type"],
            Help = (string?)a["help"],
            Nargs = a["nargs"]?.ToString(),
            Choices = (a["choices"] as JsonArray)?.Select(c => c!.ToString()).ToList(),
        }).ToList();

    private JsonObject? TopLevelGroup(string service) =>
        _groups[service].FirstOrDefault(g => g["topLevel"]?.GetValue<bool>() == true);

    private static bool Flag(JsonObject node, string name) => node[name]?.GetValue<bool>() == true;
}
