using AwsMcpTyped.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace AwsMcpTyped.Generators.Tests;

/// <summary>The Roslyn generator: snapshots of its output for the fixture models, a compile of that output,
/// diagnostics for malformed input, and incremental caching.</summary>
public sealed class GeneratorTests
{
    private static List<AdditionalText> FixtureModels()
    {
        var output = ModelCompilerTests.CompileFixture();
        return Directory.EnumerateFiles(output, "*.svcmodel").Order()
            .Select(path => GeneratorHarness.File(path, File.ReadAllText(path))).ToList();
    }

    [Fact]
    public void Generated_sources_match_snapshots_and_compile()
    {
        var driver = GeneratorHarness.NewDriver(FixtureModels());
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.NewCompilation(), out var compilation, out var diagnostics);
        Assert.Empty(diagnostics);
        var result = driver.GetRunResult();
        var sources = result.Results.Single().GeneratedSources.OrderBy(s => s.HintName).ToList();
        Assert.Equal(["CatalogueServices.g.cs", "Gleam.g.cs", "Polish.g.cs", "Widgetry.g.cs", "WidgetsLegacy.g.cs"], sources.Select(s => s.HintName));
        foreach (var source in sources)
            Snapshot.Match(source.SourceText.ToString(), source.HintName.Replace(".g.cs", ""), "cs");
        var errors = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void A_malformed_model_is_reported_and_nothing_is_generated_for_it()
    {
        var files = new[]
        {
            GeneratorHarness.File("/m/good.svcmodel", "# awscat service model v3\nservice\tgood\t-\t-\t-\t-\t-\t-\ncommand\tgo\t-\tCustom\tRead\tNone\t-\t-\n"),
            GeneratorHarness.File("/m/bad.svcmodel", "# awscat service model v3\nservice\tbad\t-\t-\t-\t-\t-\t-\ncommand\tgo\t-\tCustom\tMaybe\tNone\t-\t-\n"),
            GeneratorHarness.File("/m/unrelated.txt", "not a model"),
        };
        var driver = GeneratorHarness.NewDriver(files).RunGenerators(GeneratorHarness.NewCompilation());
        var result = driver.GetRunResult().Results.Single();
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("AWSCAT001", diagnostic.Id);
        Assert.Contains("bad.svcmodel(3)", diagnostic.GetMessage());
        Assert.Equal(["CatalogueServices.g.cs", "Good.g.cs"], result.GeneratedSources.Select(s => s.HintName).Order());
    }

    [Fact]
    public void A_second_run_on_the_same_input_is_entirely_cached()
    {
        var compilation = GeneratorHarness.NewCompilation();
        var driver = GeneratorHarness.NewDriver(FixtureModels()).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.Clone());
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in new[] { TrackingNames.ServiceModelFiles, TrackingNames.ParsedServiceModels, TrackingNames.ServiceSpecs, TrackingNames.IndexEntries })
        {
            Assert.True(steps.ContainsKey(name), $"step {name} not tracked");
            var reasons = steps[name].SelectMany(step => step.Outputs).Select(o => o.Reason).Distinct().ToList();
            Assert.All(reasons, reason => Assert.Contains(reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        }
    }

    [Fact]
    public void Editing_one_service_regenerates_only_that_service()
    {
        var files = FixtureModels();
        var compilation = GeneratorHarness.NewCompilation();
        var driver = GeneratorHarness.NewDriver(files).RunGenerators(compilation);

        var polish = files.Single(f => f.Path.EndsWith("polish.svcmodel"));
        var edited = GeneratorHarness.File(polish.Path, polish.GetText()!.ToString().Replace("\tDestructive\t", "\tWrite\t"));
        driver = driver.ReplaceAdditionalText(polish, edited).RunGenerators(compilation.Clone());

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var specs = steps[TrackingNames.ServiceSpecs].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, specs.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(specs.Count - 1, specs.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        // The index depends on names only: an access change leaves it unchanged.
        Assert.All(steps[TrackingNames.IndexEntries].SelectMany(s => s.Outputs), o =>
            Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }
}
