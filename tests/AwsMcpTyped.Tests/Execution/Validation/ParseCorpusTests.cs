using AwsMcpTyped.Agreement;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Tests.Support;
using Xunit.Abstractions;

namespace AwsMcpTyped.Tests.Execution.Validation;

/// <summary>
/// The validator against the real CLI's verdicts on the parsing corpus (the CLI's documentation examples and broken
/// variants of them, judged by scripts/cli/referee.py; CI re-judges a sample with the installed CLI, see
/// scripts/cli/parse-agreement.sh). The floors are the figures reached so far: a change that parses worse than the
/// CLI fails here. The report lists the remaining differences.
/// </summary>
public sealed class ParseCorpusTests(ITestOutputHelper output)
{
    /// <summary>(examples accepted, broken variants agreeing) reached so far, per version; the goal is
    /// (99.9, 99).</summary>
    private static readonly Dictionary<CliDialects, (double Examples, double Broken)> Floors = new()
    {
        [CliDialects.V1] = (99.9, 99.5),
        [CliDialects.V2] = (99.9, 99.5),
    };

    [Theory]
    [InlineData(CliDialects.V1)]
    [InlineData(CliDialects.V2)]
    public void Decides_as_the_CLI_does(CliDialects dialect)
    {
        var path = ParseCorpus.PathFor(RepoPaths.Root, dialect);
        var work = Directory.CreateTempSubdirectory("parse-corpus-").FullName;
        try
        {
            var outcomes = ParseCorpus.Judge(ParseCorpus.Read(path), dialect, work);
            output.WriteLine(ParseCorpus.Report(outcomes, dialect, listDifferences: 200));
            var (accepted, examples) = ParseCorpus.Examples(outcomes);
            var (agreeing, broken) = ParseCorpus.Broken(outcomes);
            Assert.True(examples > 1000 && broken > 1000, $"the corpus is too small: {examples} examples, {broken} broken variants");
            Assert.Empty(ParseCorpus.FileOrUrlFalseAccepts(outcomes).Select(o => o.Line.CommandLine));
            Assert.True(100.0 * accepted / examples >= Floors[dialect].Examples, $"examples accepted: {accepted} of {examples}");
            Assert.True(100.0 * agreeing / broken >= Floors[dialect].Broken, $"broken variants agreeing: {agreeing} of {broken}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
