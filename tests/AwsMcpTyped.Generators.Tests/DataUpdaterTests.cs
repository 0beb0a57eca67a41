using System.Text.Json.Nodes;
using AwsMcpTyped.Generators.Tests.Support;
using AwsMcpTyped.ModelCompiler.Update;

namespace AwsMcpTyped.Generators.Tests;

/// <summary>update-data: copies the latest model versions and reports what changed.</summary>
public sealed class DataUpdaterTests
{
    [Fact]
    public void Reports_added_removed_and_changed_operations_and_keeps_files_compressed()
    {
        var target = TestFiles.NewTempDirectory();
        var first = new StringWriter();
        Assert.Equal(0, new BotocoreDataUpdater(first).Update(TestFiles.Fixture("botocore"), target));
        Assert.Contains("Services added: 1", first.ToString());
        Assert.True(File.Exists(Path.Combine(target, "widgets", "2024-01-01", "service-2.json.gz")), "service-2 is stored gzip-compressed");
        Assert.Equal("0.0.0-fixture", File.ReadAllText(Path.Combine(target, "VERSION")).Trim());

        // A newer model: one operation removed, one added, one changed (a new member), one doc-only edit.
        var source = TestFiles.NewTempDirectory();
        ModelCompilerTests.CopyDirectory(TestFiles.Fixture("botocore"), source);
        var modelPath = Path.Combine(source, "widgets", "2024-01-01", "service-2.json");
        var model = JsonNode.Parse(File.ReadAllText(modelPath))!.AsObject();
        var operations = model["operations"]!.AsObject();
        operations.Remove("TweakWidget");
        operations["PaintWidget"] = JsonNode.Parse("""{"name":"PaintWidget","http":{"method":"POST","requestUri":"/"},"input":{"shape":"DescribeWidgetRequest"}}""");
        model["shapes"]!["Widget"]!["members"]!.AsObject()["Size"] = JsonNode.Parse("""{"shape":"Integer"}""");
        operations["ListWebACLs"]!["documentation"] = "<p>Edited words only.</p>";
        File.WriteAllText(modelPath, model.ToJsonString());

        var second = new StringWriter();
        Assert.Equal(0, new BotocoreDataUpdater(second).Update(source, target));
        var report = second.ToString();
        Assert.Contains("Operations added: 1\n  widgets PaintWidget", report.Replace("\r", ""));
        Assert.Contains("Operations removed: 1\n  widgets TweakWidget", report.Replace("\r", ""));
        Assert.Contains("widgets CreateWidget", report); // returns Widget, which gained a member
        Assert.Contains("widgets DescribeWidget", report);
        Assert.DoesNotContain("widgets ListWebACLs", report);
    }

    [Fact]
    public void A_missing_source_is_a_clear_error()
    {
        var output = new StringWriter();
        Assert.Equal(1, new BotocoreDataUpdater(output).Update("/nonexistent/botocore/data", TestFiles.NewTempDirectory()));
        Assert.Contains("no botocore data folder", output.ToString());
    }
}
