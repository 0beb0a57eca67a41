using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.ModelCompiler.Botocore;
using AwsMcpTyped.ModelCompiler.Cli;

namespace AwsMcpTyped.ModelCompiler.Access;

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
/// </summary>
internal sealed class AccessClassifier
{
    private readonly Dictionary<(string Service, string Operation), string> _iamLevels;
    private readonly Dictionary<(string Service, string Operation), AccessClass> _overrides;
    private readonly Dictionary<string, AccessClass> _customCommands;
    private readonly string[] _readVerbs;
    private readonly string[] _destructiveVerbs;

    private AccessClassifier(
        Dictionary<(string, string), string> iamLevels,
        Dictionary<(string, string), AccessClass> overrides,
        Dictionary<string, AccessClass> customCommands,
        string[] readVerbs,
        string[] destructiveVerbs)
    {
        _iamLevels = iamLevels;
        _overrides = overrides;
        _customCommands = customCommands;
        _readVerbs = readVerbs;
        _destructiveVerbs = destructiveVerbs;
    }

    public static AccessClassifier Load(string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, "access");
        var iamLevels = new Dictionary<(string, string), string>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "iam-access-levels.tsv")).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 4 && fields[3].Length > 0)
                iamLevels[(fields[0], fields[1])] = fields[3];
        }

        var overrides = new Dictionary<(string, string), AccessClass>();
        var overrideRoot = JsonFiles.Read(Path.Combine(directory, "access-overrides.json"));
        foreach (var (service, operations) in overrideRoot["overrides"]!.AsObject())
        {
            foreach (var (operation, entry) in operations!.AsObject())
                overrides[(service, operation)] = ParseClass(entry, $"{service} {operation}");
        }

        var customRoot = JsonFiles.Read(Path.Combine(directory, "custom-command-access.json"));
        var customCommands = customRoot["commands"]!.AsObject()
            .ToDictionary(p => p.Key, p => ParseClass(p.Value, p.Key), StringComparer.Ordinal);

        var verbs = JsonFiles.Read(Path.Combine(directory, "verb-rules.json"));
        return new AccessClassifier(iamLevels, overrides, customCommands, Strings(verbs["readVerbs"]), Strings(verbs["destructiveVerbs"]));
    }

    public AccessClass Classify(BotocoreService service, BaselineCommand command) =>
        command.Kind == CommandKind.Waiter ? AccessClass.Read : Classify(service.Name, command.Operation);

    public AccessClass Classify(string service, string operation)
    {
        if (_overrides.TryGetValue((service, operation), out var overridden))
            return overridden;
        var isRead = _iamLevels.TryGetValue((service, operation), out var level)
            ? level is "Read" or "List"
            : _readVerbs.Any(verb => StartsWithWord(operation, verb)); // not in the IAM reference: the verb decides
        return isRead ? AccessClass.Read : WriteOrDestructive(operation);
    }

    public AccessClass ClassifyCustom(string cliService, string command) =>
        _customCommands.TryGetValue($"{cliService} {command}", out var access)
            ? access
            : throw new InvalidDataException(
                $"custom command '{cliService} {command}' has no access class in generators/data/access/custom-command-access.json");

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

    private static string[] Strings(JsonNode? node) => (node as JsonArray ?? []).Select(n => (string)n!).ToArray();
}
