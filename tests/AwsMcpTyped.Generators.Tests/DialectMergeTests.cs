using System.IO.Compression;
using System.Text.Json.Nodes;
using AwsMcpTyped.Generators.Tests.Support;
using AwsMcpTyped.ModelCompiler;

namespace AwsMcpTyped.Generators.Tests;

/// <summary>
/// The compiler builds each CLI version from its own data folder (Fixtures/data for v1, Fixtures/data/v2) and merges
/// them: what both have equally is written once with <c>-</c>, the rest with the one version that has it. The fixture
/// v2 drops the hidden alias widgets-legacy and the legacy command get-widget-secret-v0, does not make
/// create-widget's --color required, adds --cli-input-yaml (rule f), a --sparkle argument to the custom shine, and
/// gleam, a top-level command its custom command alone creates (like v2's login).
/// </summary>
public sealed class DialectMergeTests
{
    private static readonly Lazy<string> Output = new(ModelCompilerTests.CompileFixture);

    private static string[] Lines(string service) => File.ReadAllLines(Path.Combine(Output.Value, service + ".svcmodel"));

    [Fact]
    public void A_service_of_both_versions_marks_only_the_differences()
    {
        var lines = Lines("widgetry");
        Assert.EndsWith("\t-", lines[1]);
        Assert.Contains("command\tget-widget-secret-v0\tGetWidgetSecret\tOperation\tSensitiveRead\tHidden\twidgets:GetWidgetSecret\tV1", lines);
        Assert.Contains("command\tcreate-widget\tCreateWidget\tOperation\tWrite\tNone\twidgets:CreateWidget\t-", lines);
    }

    [Fact]
    public void An_argument_that_differs_is_listed_once_per_version()
    {
        var createWidget = CommandLines("widgetry", "create-widget");
        Assert.Equal(["arg\t--color\tColor\tString\tRequired\tV1", "arg\t--color\tColor\tString\tNone\tV2"],
            createWidget.Where(l => l.StartsWith("arg\t--color\t", StringComparison.Ordinal)));
    }

    [Fact]
    public void Rule_f_adds_cli_input_yaml_in_v2_after_cli_input_json()
    {
        var describe = CommandLines("widgetry", "describe-widget");
        Assert.Equal(["arg\t--widget-id\tWidgetId\tString\tRequired\t-", "arg\t--cli-input-json\t-\tString\tNone\t-",
            "arg\t--cli-input-yaml\t-\tString\tNone\tV2", "arg\t--generate-cli-skeleton\t-\tString\tOptionalValue\t-"], describe);
    }

    [Fact]
    public void A_custom_argument_of_one_version_is_marked_and_documented()
    {
        Assert.Contains("arg\t--sparkle\t-\tString\tNone\tV2", CommandLines("widgetry", "shine"));
        var shine = Detail("widgetry")["customCommands"]!["shine"]!;
        Assert.Equal(["--widget-id", "--gloss", "--sparkle"], shine["arguments"]!.AsArray().Select(a => (string)a!["name"]!));
    }

    [Fact]
    public void Services_of_one_version_are_marked_with_it()
    {
        Assert.EndsWith("\tV1", Lines("widgets-legacy")[1]);
        var gleam = Lines("gleam");
        Assert.Equal(["service\tgleam\t-\t-\t-\t-\t-\tV2", "command\t-\t-\tCustom\tRead\tNone\t-\tV2", "arg\t--bright\t-\tBoolean\tNone\tV2"], gleam[1..]);
        Assert.Equal("Shows the gleam.", (string?)Detail("gleam")["customCommands"]![""]!["summary"]);
    }

    [Fact]
    public void An_access_entry_must_name_the_versions_of_its_command()
    {
        var data = TestFiles.NewTempDirectory();
        ModelCompilerTests.CopyDirectory(TestFiles.Fixture("data"), data);
        var access = Path.Combine(data, "access", "custom-command-access.json");
        File.WriteAllText(access, File.ReadAllText(access).Replace(""", "dialects": ["v2"]""", ""));
        var error = Assert.Throws<InvalidDataException>(() => new CatalogueCompiler(TextWriter.Null).Run(TestFiles.Fixture("botocore"), data, TestFiles.NewTempDirectory()));
        Assert.Contains("'gleam' is for All but the command is in V2", error.Message);
    }

    private static List<string> CommandLines(string service, string command) =>
        Lines(service).SkipWhile(l => !l.StartsWith($"command\t{command}\t", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith("arg\t", StringComparison.Ordinal)).ToList();

    private static JsonNode Detail(string service)
    {
        using var file = File.OpenRead(Path.Combine(Output.Value, service + ".detail.br"));
        using var brotli = new BrotliStream(file, CompressionMode.Decompress);
        return JsonNode.Parse(brotli)!;
    }
}
