using System.IO.Compression;
using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Catalogue;

/// <summary>
/// The catalogue against tests/golden/cli-commands.json.gz, dumped from the installed AWS CLI 1.45.11 by
/// scripts/cli/dump_golden.py: every top-level command, command, argument name, required, hidden and positional
/// flag must be equal. There are no exceptions to list: a difference fails with the first 40 differences.
/// </summary>
public sealed class GoldenCliTests
{
    private static readonly Lazy<JsonDocument> Golden = new(() =>
    {
        using var file = File.OpenRead(RepoPaths.Combine("tests", "golden", "cli-commands.json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return JsonDocument.Parse(gzip);
    });

    [Fact]
    public async Task Golden_is_what_the_installed_cli_dumps_now()
    {
        // Re-dump the installed AWS CLI (awscli 1.45.11 on every machine of this kind) and compare byte for byte,
        // so the golden data cannot drift from the CLI it claims to describe.
        var fresh = Path.Combine(Path.GetTempPath(), $"cli-commands-{Guid.NewGuid():N}.json.gz");
        try
        {
            var result = await ProcessRunner.RunAsync("python3", [RepoPaths.Combine("scripts", "cli", "dump_golden.py"), "--output", fresh]);
            Assert.True(result.ExitCode == 0, $"dump_golden.py failed (is awscli 1.45.11 installed?): {result.Stderr}");
            Assert.Equal(File.ReadAllBytes(RepoPaths.Combine("tests", "golden", "cli-commands.json.gz")), File.ReadAllBytes(fresh));
        }
        finally
        {
            File.Delete(fresh);
        }
    }

    [Fact]
    public void Golden_is_for_the_vendored_botocore()
    {
        Assert.Equal(Golden.Value.RootElement.GetProperty("botocore").GetString(), AwsCatalogue.Default.BotocoreVersion);
    }

    [Fact]
    public void Every_top_level_command_matches_the_cli()
    {
        var golden = Golden.Value.RootElement.GetProperty("services").EnumerateArray()
            .Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("hidden").GetBoolean())).Order().ToList();
        var ours = AwsCatalogue.Default.LoadAll().Select(s => (s.Name, s.Hidden)).Order().ToList();
        Assert.Equal(428, golden.Count);
        Assert.Equal(golden, ours);
    }

    [Fact]
    public void Every_command_and_argument_matches_the_cli()
    {
        var differences = new List<string>();
        int commands = 0, arguments = 0;
        foreach (var service in Golden.Value.RootElement.GetProperty("services").EnumerateArray())
        {
            var name = service.GetProperty("name").GetString()!;
            var ours = AwsCatalogue.Default.FindService(name)!.Commands.ToDictionary(c => c.Name);
            var expected = service.GetProperty("commands").EnumerateArray().ToList();
            foreach (var extra in ours.Keys.Except(expected.Select(c => c.GetProperty("name").GetString()!)))
                differences.Add($"{name} {extra}: not in the CLI");
            foreach (var command in expected)
            {
                commands++;
                var commandName = command.GetProperty("name").GetString()!;
                if (!ours.TryGetValue(commandName, out var descriptor))
                {
                    differences.Add($"{name} {commandName}: missing");
                    continue;
                }
                if (command.GetProperty("hidden").GetBoolean() != descriptor.IsHidden)
                    differences.Add($"{name} {commandName}: hidden {descriptor.IsHidden}");
                var wanted = command.GetProperty("arguments").EnumerateArray()
                    .Select(a => Describe(a.GetProperty("name").GetString()!, a.GetProperty("required").GetBoolean(), a.GetProperty("hidden").GetBoolean(), a.GetProperty("positional").GetBoolean()))
                    .Order().ToList();
                var actual = descriptor.Arguments.Select(a => Describe(a.Name, a.IsRequired, a.IsHidden, a.IsPositional)).Order().ToList();
                arguments += wanted.Count;
                if (!wanted.SequenceEqual(actual))
                    differences.Add($"{name} {commandName}: expected [{string.Join(", ", wanted.Except(actual))}] got [{string.Join(", ", actual.Except(wanted))}]");
            }
        }
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n" + string.Join("\n", differences.Take(40)));
        Assert.True(commands > 18_700, $"only {commands} commands in the golden file");
        Assert.True(arguments > 110_000, $"only {arguments} arguments in the golden file");
    }

    [Fact]
    public void Operation_names_match_the_cli()
    {
        var mismatches = new List<string>();
        foreach (var service in Golden.Value.RootElement.GetProperty("services").EnumerateArray())
        {
            var ours = AwsCatalogue.Default.FindService(service.GetProperty("name").GetString()!)!;
            foreach (var command in service.GetProperty("commands").EnumerateArray())
            {
                var operation = command.GetProperty("operation").GetString();
                var descriptor = ours.Commands.First(c => c.Name == command.GetProperty("name").GetString());
                if (operation != descriptor.Operation)
                    mismatches.Add($"{ours.Name} {descriptor.Name}: {operation} vs {descriptor.Operation}");
            }
        }
        Assert.Empty(mismatches);
    }

    private static string Describe(string name, bool required, bool hidden, bool positional) =>
        $"{name}{(required ? " required" : "")}{(hidden ? " hidden" : "")}{(positional ? " positional" : "")}";
}
