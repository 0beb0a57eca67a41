using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Catalogue.Building;

/// <summary>
/// Decides each command's <see cref="AccessClass"/>, from checked-in data in generators/data/access/:
/// <list type="number">
/// <item>access-overrides.json (curated: credential minting, secret reads, side-effecting "reads", AWS data errors);</item>
/// <item>iam-access-levels.tsv, the IAM Service Authorization Reference level per operation (scripts/access):
/// Read/List → read, Write/Tagging/Permissions management → write;</item>
/// <item>for operations IAM does not label, the read-verb heuristic of verb-rules.json;</item>
/// <item>writes whose leading verb is destructive (verb-rules.json) become destructive.</item>
/// </list>
/// Waiters only poll, so they are read. Customizations come from custom-command-access.json.
/// The same data gives each command's IAM actions: an operation's from the iamAction column of the IAM table
/// (several joined by ','; empty where IAM does not authorize the call), a waiter's from the operation it polls,
/// a customization's from its hand-checked <c>actions</c> list. Both CLI versions share the data: an operation is the
/// same operation in both, and a customization's entry names the versions that have it (<c>dialects</c>; both when
/// absent), which the compiler checks against the versions that really have it.
/// </summary>
internal sealed partial class AccessClassifier
{
    private readonly Dictionary<(string Service, string Operation), string> _iamLevels;
    private readonly Dictionary<(string Service, string Operation), string[]> _iamActions;
    private readonly Dictionary<string, string> _prefixOverrides;
    private readonly Dictionary<(string Service, string Operation), AccessClass> _overrides;
    private readonly Dictionary<string, CustomAccess> _customCommands;
    private readonly string[] _readVerbs;
    private readonly string[] _destructiveVerbs;

    private AccessClassifier(
        Dictionary<(string, string), string> iamLevels,
        Dictionary<(string, string), string[]> iamActions,
        Dictionary<string, string> prefixOverrides,
        Dictionary<(string, string), AccessClass> overrides,
        Dictionary<string, CustomAccess> customCommands,
        string[] readVerbs,
        string[] destructiveVerbs)
    {
        _iamLevels = iamLevels;
        _iamActions = iamActions;
        _prefixOverrides = prefixOverrides;
        _overrides = overrides;
        _customCommands = customCommands;
        _readVerbs = readVerbs;
        _destructiveVerbs = destructiveVerbs;
    }

    /// <summary>The files the classifier reads, relative to the data folder; custom-command-access.json only at build
    /// time (customizations are classified there, once).</summary>
    public static readonly string[] Files =
        ["access/iam-access-levels.tsv", "access/access-overrides.json", "access/verb-rules.json", "access/iam-prefix-overrides.json"];

    private const string CustomFile = "access/custom-command-access.json";

    public static AccessClassifier Load(string dataDirectory) => Load(CatalogueDataFiles.FromDirectory(dataDirectory));

    /// <param name="data">The data folder, or the copies embedded in the catalogue; without custom-command-access.json,
    /// the classifier classifies operations only.</param>
    public static AccessClassifier Load(CatalogueDataFiles data)
    {
        var iamLevels = new Dictionary<(string, string), string>();
        var iamActions = new Dictionary<(string, string), string[]>();
        foreach (var line in data.ReadLines(Files[0]).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 4 && fields[3].Length > 0)
                iamLevels[(fields[0], fields[1])] = fields[3];
            if (fields.Length >= 3 && fields[2].Length > 0)
                iamActions[(fields[0], fields[1])] = ValidActions(fields[2].Split(','), $"iam-access-levels.tsv: {fields[0]} {fields[1]}");
        }

        var overrides = new Dictionary<(string, string), AccessClass>();
        foreach (var (service, operations) in data.ReadJson(Files[1])["overrides"]!.AsObject())
        {
            foreach (var (operation, entry) in operations!.AsObject())
                overrides[(service, operation)] = ParseClass(entry, $"{service} {operation}");
        }

        var customCommands = data.TryReadJson(CustomFile) is not { } customRoot ? new Dictionary<string, CustomAccess>(StringComparer.Ordinal)
            : customRoot["commands"]!.AsObject()
                .ToDictionary(p => p.Key, p => new CustomAccess(ParseClass(p.Value, p.Key), CustomActions(p.Value, p.Key), CustomDialects(p.Value, p.Key)),
                    StringComparer.Ordinal);

        var verbs = data.ReadJson(Files[2]);
        var prefixes = data.TryReadJson(Files[3]) is not { } prefixFile ? new Dictionary<string, string>(StringComparer.Ordinal) // optional: the default prefix is the signing name
            : prefixFile["overrides"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!["prefix"]!, StringComparer.Ordinal);
        return new AccessClassifier(iamLevels, iamActions, prefixes, overrides, customCommands, Strings(verbs["readVerbs"]), Strings(verbs["destructiveVerbs"]));
    }

    public AccessClass Classify(BotocoreService service, BaselineCommand command) =>
        command.Kind == CommandKind.Waiter ? AccessClass.Read : Classify(service.Name, command.Operation);

    /// <summary>Whether the IAM reference labels the operation (else its class comes from the verb rules alone).</summary>
    public bool IsInIamReference(string service, string operation) => _iamLevels.ContainsKey((service, operation));

    /// <summary>The IAM actions of an operation, or of the operation a waiter polls (the command's operation either way).
    /// An operation the IAM reference does not list (1 %: bearer-token APIs, services without IAM data) stands for
    /// <c>&lt;signing name&gt;:&lt;Operation&gt;</c>, so that action rules such as <c>*:Delete*</c> fail closed on it.</summary>
    public IReadOnlyList<string> Actions(BotocoreService service, BaselineCommand command) =>
        _iamActions.GetValueOrDefault((service.Name, command.Operation)) ?? [$"{IamPrefix(service)}:{command.Operation}"];

    private string IamPrefix(BotocoreService service) =>
        _prefixOverrides.GetValueOrDefault(service.Name)
        ?? (string?)service.Metadata["signingName"] ?? (string?)service.Metadata["endpointPrefix"] ?? service.Name;

    public AccessClass Classify(string service, string operation)
    {
        if (_overrides.TryGetValue((service, operation), out var overridden))
            return overridden;
        var isRead = _iamLevels.TryGetValue((service, operation), out var level)
            ? level is "Read" or "List"
            : _readVerbs.Any(verb => StartsWithWord(operation, verb)); // not in the IAM reference: the verb decides
        return isRead ? AccessClass.Read : WriteOrDestructive(operation);
    }

    public AccessClass ClassifyCustom(string cliService, string command) => Custom(cliService, command).Class;

    /// <summary>Every IAM action the customization may perform, over all its argument forms (hand-checked data).</summary>
    public IReadOnlyList<string> CustomActions(string cliService, string command) => Custom(cliService, command).Actions;

    /// <summary>Fails unless every custom command's entry names exactly the CLI versions that have the command, so an
    /// entry written for one version is not silently used for a namesake in the other.
    /// An alias (v1's runtime.sagemaker) copies its target's commands and is checked as that target.</summary>
    public void CheckCustomDialects(ServiceDescriptor service)
    {
        if (service.AliasOf is not null)
            return;
        var name = service.Name;
        foreach (var command in service.Commands.Where(c => c.Kind == CommandKind.Custom))
        {
            var declared = Custom(name, command.Name).Dialects;
            if (declared != command.Dialects)
                throw new InvalidDataException(
                    $"custom-command-access.json: '{Key(name, command.Name)}' is for {declared} but the command is in {command.Dialects} " +
                    "(\"dialects\": [\"v1\"] or [\"v2\"] for a command of one CLI version; absent for both)");
        }
    }

    private CustomAccess Custom(string cliService, string command) =>
        _customCommands.TryGetValue(Key(cliService, command), out var access)
            ? access
            : throw new InvalidDataException(
                $"custom command '{Key(cliService, command)}' has no access class in generators/data/access/custom-command-access.json");

    /// <summary>'&lt;cli-service&gt; &lt;command&gt;'; a top-level command that runs itself (v2's login, command "") is its name.</summary>
    private static string Key(string cliService, string command) => command.Length == 0 ? cliService : $"{cliService} {command}";

    private static CliDialects CustomDialects(JsonNode? entry, string key)
    {
        if (entry?["dialects"] is not JsonArray names)
            return CliDialects.All;
        var dialects = CliDialects.None;
        foreach (var name in names)
        {
            dialects |= (string?)name switch
            {
                "v1" => CliDialects.V1,
                "v2" => CliDialects.V2,
                _ => throw new InvalidDataException($"custom-command-access.json: '{key}' has dialect '{name}' (v1 or v2)"),
            };
        }
        return dialects != CliDialects.None ? dialects : throw new InvalidDataException($"custom-command-access.json: '{key}' has an empty dialects list");
    }

    private sealed record CustomAccess(AccessClass Class, string[] Actions, CliDialects Dialects);

    private AccessClass WriteOrDestructive(string operation) =>
        _destructiveVerbs.Any(verb => StartsWithWord(operation, verb)) ? AccessClass.Destructive : AccessClass.Write;

    /// <summary>"ListTagsForResource" starts with the word "List"; "Listen" does not; "BatchGetItem" starts with "BatchGet".</summary>
    private static bool StartsWithWord(string operation, string verb) =>
        operation.StartsWith(verb, StringComparison.Ordinal) &&
        (operation.Length == verb.Length || !char.IsLower(operation[verb.Length]));

    private static AccessClass ParseClass(JsonNode? entry, string key)
    {
        var name = (string?)entry?["class"] ?? (entry as JsonValue)?.ToString();
        return name is not null && AccessClassNames.TryParse(name, out var access)
            ? access
            : throw new InvalidDataException($"access data: '{key}' has no valid class (read, write, destructive, sensitive-read)");
    }

    /// <summary>A customization's <c>actions</c>: required (an empty list says it calls nothing in AWS), each <c>prefix:Action</c>.</summary>
    private static string[] CustomActions(JsonNode? entry, string key) =>
        entry?["actions"] is JsonArray actions
            ? ValidActions(actions.Select(a => a?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)a! : ""), $"custom-command-access.json: '{key}'")
            : throw new InvalidDataException(
                $"access data: custom command '{key}' has no \"actions\" list in custom-command-access.json " +
                "(every IAM action it may perform, as prefix:Action; [] when it calls nothing in AWS)");

    private static string[] ValidActions(IEnumerable<string> actions, string where)
    {
        var list = actions.ToArray();
        foreach (var action in list)
        {
            if (!ActionPattern().IsMatch(action))
                throw new InvalidDataException($"{where}: '{action}' is not an IAM action of the form prefix:Action (e.g. s3:DeleteBucket)");
        }
        return list;
    }

    /// <summary>IAM service prefixes are lower-case words joined by hyphens (rds-db, execute-api); action names are alphanumeric.</summary>
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*:[A-Za-z0-9]+$")]
    private static partial Regex ActionPattern();

    private static string[] Strings(JsonNode? node) => (node as JsonArray ?? []).Select(n => (string)n!).ToArray();
}
