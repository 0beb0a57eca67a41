using System.Text.Json.Nodes;
using AwsMcpTyped.Catalogue.Detail;
using AwsMcpTyped.Catalogue.Building;

namespace AwsMcpTyped.ModelCompiler.Cli;

/// <summary>
/// generators/data/cli-examples.json.gz: the AWS CLI's hand-written EXAMPLES (awscli/examples/&lt;svc&gt;/&lt;cmd&gt;.rst),
/// converted to clean text by scripts/cli/dump_examples.py. Optional: without it pages show botocore's examples.
/// </summary>
internal sealed class CliExamples(JsonObject? root)
{
    public static CliExamples Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "cli-examples.json.gz");
        return new CliExamples(File.Exists(path) ? JsonFiles.Read(path) : null);
    }

    /// <summary>Adds the service's examples the detail does not have yet (another CLI version's, applied first, win).</summary>
    public void AddTo(string cliService, ServiceDetail detail)
    {
        if (root?["examples"]?[cliService] is not JsonObject examples)
            return;
        detail.CliExamplesNote ??= (string?)root["note"];
        foreach (var (command, text) in examples)
            detail.CliExamples.TryAdd(command, (string)text!);
    }
}
