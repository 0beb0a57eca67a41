using System.Text.Json;
using System.Text.Json.Serialization;
using AwsMcpTyped.Catalogue;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>
/// Tells a service, command, argument or global option that only the other AWS CLI version has from an unknown one,
/// and says so with what to use instead (Data/cli-version-differences.json): an agent trained on v2's documentation
/// meets a v1 install, and the reverse, and "unknown command" would send it looking for a typo.
/// </summary>
internal sealed class OtherCliVersion(AwsCatalogue view)
{
    private const string ResourceName = "AwsMcpTyped.Execution.Validation.cli-version-differences.json";
    private static readonly Lazy<Replacements> Instead = new(Load);

    private CliDialects Installed => view.Dialect;

    /// <summary>Why a top-level command the installed version lacks cannot run, or null when no version has it.</summary>
    public string? Service(string name) =>
        view.Merged.FindService(name) is { } other && (other.Dialects & Installed) == 0 ? Message($"aws {name}", name) : null;

    /// <summary>The same for a command of a service the installed version has.</summary>
    public string? Command(string service, string name) =>
        view.Merged.FindService(service)?.Commands.Any(c => c.Name == name && (c.Dialects & Installed) == 0) == true
            ? Message($"aws {service} {name}", $"{service} {name}")
            : null;

    /// <summary>The same for an argument of a command the installed version has.</summary>
    public string? Argument(string service, string command, string name) =>
        view.Merged.FindCommand(service, command)?.Arguments.Any(a => a.Name == name && (a.Dialects & Installed) == 0) == true
            ? Message($"{name} of 'aws {service} {command}'", $"{service} {command} {name}", name)
            : null;

    /// <summary>The same for a global option.</summary>
    public string? GlobalOption(string name)
    {
        var dialects = Validation.GlobalOption.DialectsOf(name);
        return dialects != CliDialects.None && (dialects & Installed) == 0 ? Message($"The global option {name}", name) : null;
    }

    private string Message(string what, params string[] keys)
    {
        var table = Installed == CliDialects.V2 ? Instead.Value.OnV2 : Instead.Value.OnV1;
        var instead = keys.Select(k => table.GetValueOrDefault(k)).FirstOrDefault(v => v is not null);
        var use = instead is null ? "" : $" Use {instead} instead.";
        return Installed == CliDialects.V2
            ? $"{Capitalized(what)} was removed in AWS CLI v2, the version installed here.{use}"
            : $"{Capitalized(what)} needs AWS CLI v2; the AWS CLI installed here is v1, which does not have it.{use} " +
              "To upgrade: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html";
    }

    private static string Capitalized(string text) => text.StartsWith("aws ", StringComparison.Ordinal) ? $"'{text}'" : text;

    private static Replacements Load()
    {
        using var stream = typeof(OtherCliVersion).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return JsonSerializer.Deserialize<Replacements>(stream) ?? throw new InvalidDataException(ResourceName);
    }

    private sealed record Replacements(
        [property: JsonPropertyName("insteadOnV2")] Dictionary<string, string> OnV2,
        [property: JsonPropertyName("insteadOnV1")] Dictionary<string, string> OnV1);
}
