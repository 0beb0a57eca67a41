using System.IO.Compression;
using System.Text.Json;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Building;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Catalogue;

/// <summary>
/// The catalogue against the golden dumps of both AWS CLI versions, written by scripts/cli/dump_golden.py:
/// tests/golden/cli-commands.json.gz (the installed AWS CLI v1 1.45.11) against <c>ForDialect(V1)</c>, and
/// tests/golden/cli-commands-v2.json.gz (AWS CLI v2 2.34.50 run from source) against <c>ForDialect(V2)</c>. Every
/// top-level command, command, argument name, required, hidden and positional flag, the input member, and the values each argument takes
/// (argparse nargs and append) must be equal. There are no
/// exceptions to list for either version: a difference fails with the first 40 differences.
/// </summary>
public sealed class GoldenCliTests
{
    private static readonly Dictionary<CliDialects, Lazy<JsonDocument>> Goldens = new()
    {
        [CliDialects.V1] = new(() => Load(GoldenPath(CliDialects.V1))),
        [CliDialects.V2] = new(() => Load(GoldenPath(CliDialects.V2))),
    };

    private static string GoldenPath(CliDialects dialect) =>
        RepoPaths.Combine("tests", "golden", dialect == CliDialects.V1 ? "cli-commands.json.gz" : "cli-commands-v2.json.gz");

    private static JsonDocument Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return JsonDocument.Parse(gzip);
    }

    private static JsonElement Golden(CliDialects dialect) => Goldens[dialect].Value.RootElement;

    [Fact]
    public async Task Golden_is_what_the_installed_cli_dumps_now()
    {
        // Re-dump the installed AWS CLI (awscli 1.45.11 on every machine of this kind) and compare byte for byte,
        // so the golden data cannot drift from the CLI it claims to describe.
        // Without AWSCLI_V2_SOURCE (set for the v2 test below, it would make the scripts read v2).
        await AssertDumpEquals(CliDialects.V1, "python3", [("AWSCLI_V2_SOURCE", null)], "is awscli 1.45.11 installed?");
    }

    [FactWhenEnvironment("AWSCLI_V2_SOURCE", "the v2 golden needs the aws/aws-cli source at 2.34.50 (CI has none; " +
        "scripts/cli/verify_roundtrip.py checks the golden against the checked-in v2 data)")]
    public async Task Golden_v2_is_what_the_v2_source_dumps_now()
    {
        // v2 runs from its source tree under Debian's Python and packages (scripts/cli/cli_dialect.py).
        await AssertDumpEquals(CliDialects.V2, "/usr/bin/python3",
            [("AWSCLI_V2_SOURCE", Environment.GetEnvironmentVariable("AWSCLI_V2_SOURCE")!)], "see scripts/cli/cli_dialect.py");
    }

    private static async Task AssertDumpEquals(CliDialects dialect, string python, (string Name, string? Value)[] environment, string hint)
    {
        var fresh = Path.Combine(Path.GetTempPath(), $"cli-commands-{Guid.NewGuid():N}.json.gz");
        try
        {
            // A loaded 2-core machine needs a few minutes for either dump.
            var result = await ProcessRunner.RunAsync(python, [RepoPaths.Combine("scripts", "cli", "dump_golden.py"), "--output", fresh],
                TimeSpan.FromMinutes(6), environment.ToDictionary(e => e.Name, e => e.Value));
            Assert.True(result.ExitCode == 0, $"dump_golden.py failed ({hint}): {result.Stderr}");
            Assert.Equal(File.ReadAllBytes(GoldenPath(dialect)), File.ReadAllBytes(fresh));
        }
        finally
        {
            File.Delete(fresh);
        }
    }

    [Theory]
    [InlineData(CliDialects.V1)]
    [InlineData(CliDialects.V2)]
    public void Golden_is_for_the_vendored_botocore_and_the_stamped_cli_version(CliDialects dialect)
    {
        Assert.Equal(Golden(dialect).GetProperty("botocore").GetString(), AwsCatalogue.Default.BotocoreVersion);
        Assert.Equal(Golden(dialect).GetProperty("awscli").GetString(), AwsCatalogue.CliVersion(dialect));
    }

    [Theory]
    [InlineData(CliDialects.V1, 428)]
    [InlineData(CliDialects.V2, 430)]
    public void Every_top_level_command_matches_the_cli(CliDialects dialect, int count)
    {
        var golden = Golden(dialect).GetProperty("services").EnumerateArray()
            .Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("hidden").GetBoolean())).Order().ToList();
        var ours = AwsCatalogue.Default.ForDialect(dialect).LoadAll().Select(s => (s.Name, s.Hidden)).Order().ToList();
        Assert.Equal(count, golden.Count);
        Assert.Equal(golden, ours);
    }

    [Theory]
    [InlineData(CliDialects.V1)]
    [InlineData(CliDialects.V2)]
    public void Every_command_and_argument_matches_the_cli(CliDialects dialect)
    {
        var catalogue = AwsCatalogue.Default.ForDialect(dialect);
        var differences = new List<string>();
        int commands = 0, arguments = 0;
        foreach (var service in Golden(dialect).GetProperty("services").EnumerateArray())
        {
            var name = service.GetProperty("name").GetString()!;
            var ours = catalogue.FindService(name)!.Commands.ToDictionary(c => c.Name);
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
                    .Select(a => Describe(a.GetProperty("name").GetString()!, a.GetProperty("required").GetBoolean(), a.GetProperty("hidden").GetBoolean(), a.GetProperty("positional").GetBoolean(),
                        Nargs(a.GetProperty("nargs")), a.GetProperty("repeatable").GetBoolean(), a.GetProperty("member").GetString()))
                    .Order().ToList();
                var actual = descriptor.Arguments.Select(a => Describe(a.Name, a.IsRequired, a.IsHidden, a.IsPositional, ArgparseValues.Nargs(a.Flags), a.IsRepeatable, a.Member)).Order().ToList();
                arguments += wanted.Count;
                if (!wanted.SequenceEqual(actual))
                    differences.Add($"{name} {commandName}: expected [{string.Join(", ", wanted.Except(actual))}] got [{string.Join(", ", actual.Except(wanted))}]");
            }
        }
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n" + string.Join("\n", differences.Take(40)));
        Assert.True(commands > 18_700, $"only {commands} commands in the golden file");
        Assert.True(arguments > 110_000, $"only {arguments} arguments in the golden file");
    }

    [Theory]
    [InlineData(CliDialects.V1)]
    [InlineData(CliDialects.V2)]
    public void Operation_names_match_the_cli(CliDialects dialect)
    {
        var mismatches = new List<string>();
        foreach (var service in Golden(dialect).GetProperty("services").EnumerateArray())
        {
            var ours = AwsCatalogue.Default.ForDialect(dialect).FindService(service.GetProperty("name").GetString()!)!;
            foreach (var command in service.GetProperty("commands").EnumerateArray())
            {
                var operation = command.GetProperty("operation").GetString();
                var descriptor = ours.Commands.Single(c => c.Name == command.GetProperty("name").GetString());
                if (operation != descriptor.Operation)
                    mismatches.Add($"{ours.Name} {descriptor.Name}: {operation} vs {descriptor.Operation}");
            }
        }
        Assert.Empty(mismatches);
    }

    /// <summary>The merged catalogue is exactly the union of the two versions: every entry marked with the versions
    /// whose golden has it, and nothing only the merge invented.</summary>
    [Fact]
    public void The_merged_catalogue_marks_each_top_level_command_with_the_versions_that_have_it()
    {
        var names = new[] { CliDialects.V1, CliDialects.V2 }.ToDictionary(d => d, d =>
            Golden(d).GetProperty("services").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToHashSet());
        var merged = AwsCatalogue.Default.LoadAll();
        Assert.Equal(names[CliDialects.V1].Union(names[CliDialects.V2]).Order(), merged.Select(s => s.Name).Order());
        foreach (var service in merged)
        {
            var expected = (names[CliDialects.V1].Contains(service.Name) ? CliDialects.V1 : 0) | (names[CliDialects.V2].Contains(service.Name) ? CliDialects.V2 : 0);
            Assert.True(expected == service.Dialects, $"{service.Name}: {service.Dialects}, expected {expected}");
            Assert.All(service.Commands, c => Assert.True((c.Dialects & ~service.Dialects) == 0, $"{service.Name} {c.Name}: {c.Dialects}"));
        }
        Assert.Equal(["cli-dev", "ddb", "login", "logout"], merged.Where(s => s.Dialects == CliDialects.V2).Select(s => s.Name));
        Assert.Equal(["runtime.sagemaker", "sms-voice"], merged.Where(s => s.Dialects == CliDialects.V1).Select(s => s.Name));
    }

    private static string Describe(string name, bool required, bool hidden, bool positional, string? nargs, bool repeatable, string? member) =>
        $"{name}{(required ? " required" : "")}{(hidden ? " hidden" : "")}{(positional ? " positional" : "")}" +
        $"{(nargs is null ? "" : " nargs=" + nargs)}{(repeatable ? " repeatable" : "")}{(member is null ? "" : " member=" + member)}";

    /// <summary>The golden file's argparse nargs, with nargs 1 read as one value like the catalogue.</summary>
    private static string? Nargs(JsonElement nargs) => nargs.ValueKind == JsonValueKind.Null || nargs.ToString() == "1" ? null : nargs.ToString();
}
