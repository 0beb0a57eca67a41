using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Catalogue.Schemas;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Catalogue;

public sealed class EcmaPatternTests
{
    [Theory]
    [InlineData(@"[\w+=,.@\:-]*", @"[\w+=,.@:-]*")]
    [InlineData(@"^arn:aws:iam::\d{12}:role/.+$", @"^arn:aws:iam::\d{12}:role/.+$")]
    [InlineData(@"[a-zA-Z0-9\-_]+", @"[a-zA-Z0-9\-_]+")]
    [InlineData(@"\#.*", @"#.*")]
    [InlineData(@"(?i)abc", null)]
    [InlineData(@"\Aabc\z", null)]
    [InlineData(@"[\p{L}\p{Z}]+", @"[\p{L}\p{Z}]+")]
    public void Converts_to_ecma_262_unicode_or_drops(string java, string? ecma) => Assert.Equal(ecma, EcmaPattern.Convert(java));

    [Fact]
    public async Task Every_converted_pattern_compiles_as_a_unicode_javascript_regex()
    {
        var patterns = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var service in AwsCatalogue.Default.LoadAll().Where(s => s.AliasOf is null && s.BotocoreName is not null))
        {
            foreach (var shape in AwsCatalogue.Default.GetDetail(service).Shapes.Values)
            {
                if (shape.Pattern is { } pattern && EcmaPattern.Convert(pattern) is { } ecma)
                    patterns.Add(ecma);
            }
        }
        var file = Path.Combine(Path.GetTempPath(), $"patterns-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(patterns));
        try
        {
            // JSON Schema validators (and MCP clients) compile patterns as ECMA-262 with the u flag.
            var script = "const p=JSON.parse(require('fs').readFileSync(process.argv[1],'utf8'));const bad=[];" +
                         "for(const x of p){try{new RegExp(x,'u')}catch(e){bad.push(x)}}console.log(JSON.stringify(bad));";
            var result = await ProcessRunner.RunAsync("node", ["-e", script, file]);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.True(result.Stdout.Trim() == "[]", "not ECMA-262 (u): " + result.Stdout);
            Assert.True(patterns.Count > 1000, $"{patterns.Count} patterns");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
