using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcpTyped.Generators.Tests.Support;
using AwsMcpTyped.ModelCompiler;

namespace AwsMcpTyped.Generators.Tests;

/// <summary>The build-time compiler on a small fixture service: baseline rules, CLI overrides, customizations,
/// access classes and detail documents, checked as snapshots of its outputs.</summary>
public sealed class ModelCompilerTests
{
    internal static string CompileFixture()
    {
        var output = TestFiles.NewTempDirectory();
        var log = new StringWriter();
        var exit = new CatalogueCompiler(log).Run(TestFiles.Fixture("botocore"), TestFiles.Fixture("data"), output);
        Assert.Equal(0, exit);
        return output;
    }

    [Theory]
    [InlineData("widgetry")]
    [InlineData("widgets-legacy")]
    [InlineData("polish")]
    [InlineData("gleam")]
    public void Service_models_match_snapshots(string service)
    {
        var output = CompileFixture();
        Snapshot.Match(File.ReadAllText(Path.Combine(output, service + ".svcmodel")), service, "svcmodel");
    }

    [Fact]
    public void Detail_document_matches_snapshot()
    {
        var output = CompileFixture();
        using var file = File.OpenRead(Path.Combine(output, "widgetry.detail.br"));
        using var brotli = new BrotliStream(file, CompressionMode.Decompress);
        var json = JsonNode.Parse(brotli)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        Snapshot.Match(json, "widgetry.detail", "json");
    }

    [Fact]
    public void Rewriting_unchanged_outputs_keeps_their_timestamps()
    {
        var output = CompileFixture();
        var file = Path.Combine(output, "widgetry.svcmodel");
        var before = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, before);
        Assert.Equal(0, new CatalogueCompiler(TextWriter.Null).Run(TestFiles.Fixture("botocore"), TestFiles.Fixture("data"), output));
        Assert.Equal(before, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void A_custom_command_without_an_access_class_fails_the_build()
    {
        var data = TestFiles.NewTempDirectory();
        CopyDirectory(TestFiles.Fixture("data"), data);
        File.WriteAllText(Path.Combine(data, "access", "custom-command-access.json"), """{"commands": {"widgetry shine": {"class": "write", "why": "x", "actions": []}}}""");
        var error = Assert.ThrowsAny<Exception>(() => new CatalogueCompiler(TextWriter.Null).Run(TestFiles.Fixture("botocore"), data, TestFiles.NewTempDirectory()));
        Assert.Contains("polish buff", error.ToString());
    }

    [Theory]
    [InlineData("""{"class": "write", "why": "x"}""", "no \"actions\" list")]
    [InlineData("""{"class": "write", "why": "x", "actions": ["TweakWidget"]}""", "'TweakWidget' is not an IAM action")]
    [InlineData("""{"class": "write", "why": "x", "actions": ["widgets:Tweak Widget"]}""", "is not an IAM action")]
    public void A_custom_command_without_valid_IAM_actions_fails_the_build(string shine, string message)
    {
        var data = TestFiles.NewTempDirectory();
        CopyDirectory(TestFiles.Fixture("data"), data);
        File.WriteAllText(Path.Combine(data, "access", "custom-command-access.json"),
            """{"commands": {"widgetry shine": """ + shine + """, "polish buff": {"class": "destructive", "why": "x", "actions": []}}}""");
        var error = Assert.Throws<InvalidDataException>(() => new CatalogueCompiler(TextWriter.Null).Run(TestFiles.Fixture("botocore"), data, TestFiles.NewTempDirectory()));
        Assert.Contains("widgetry shine", error.Message);
        Assert.Contains(message, error.Message);
    }

    internal static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
