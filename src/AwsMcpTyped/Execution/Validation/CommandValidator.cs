using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution.Files;
using AwsMcpTyped.Execution.Filters;
using AwsMcpTyped.Execution.Syntax;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>
/// The whole check of a command line: shell syntax, the <c>aws</c> stage against the catalogue and policy, then each
/// later stage against the filter allow-list. Pure: it never starts a process, so it can be fuzzed freely.
/// </summary>
public sealed class CommandValidator(AwsCatalogue catalogue, ExecutionPolicy policy)
{
    private readonly AwsStageValidator _aws = new(catalogue, policy);
    private readonly FileConfinement _files = new(Files.WorkingDirectory.For(policy.WorkingDirectory));

    /// <summary>Where local files may be, and where the CLI runs.</summary>
    public WorkingDirectory WorkingDirectory => _files.Directory;

    public (ValidatedCommand? Command, Rejection? Rejection) Validate(string commandLine, int timeoutSeconds)
    {
        var (pipeline, syntaxRejection) = ShellWords.Parse(commandLine);
        return pipeline is null ? (null, syntaxRejection) : Validate(pipeline, timeoutSeconds);
    }

    /// <summary>The check of a command already split into words, stage by stage (no shell syntax to read).</summary>
    public (ValidatedCommand? Command, Rejection? Rejection) Validate(Pipeline pipeline, int timeoutSeconds)
    {
        var (invocation, awsRejection) = _aws.Validate(pipeline.Stages[0], timeoutSeconds);
        if (invocation is null)
            return (null, awsRejection);
        if (catalogue.SingleVersion.Dialect == CliDialects.V1 && UrlParameters.Problem(invocation) is { } urlProblem)
            return (null, new Rejection(RejectionKind.Denied, urlProblem));
        if (_files.Check(invocation, () => invocation.Service is { } service ? catalogue.GetDetail(service) : null) is { } fileRejection)
            return (null, fileRejection);

        var launches = new List<StageLaunch> { new("aws", pipeline.Stages[0].Skip(1).ToArray(), IsAws: true) };
        foreach (var stage in pipeline.Stages.Skip(1))
        {
            var program = stage[0];
            if (program == "aws")
                return (null, new Rejection(RejectionKind.NotAllowedProgram, "Only the first stage may be 'aws'; run one AWS command per call."));
            var rule = FilterCatalog.Find(program);
            if (rule is null)
            {
                return (null, new Rejection(RejectionKind.NotAllowedProgram,
                    $"'{program}' is not an allowed filter. After '|' you may use: {string.Join(", ", FilterCatalog.Names.Order())}."));
            }
            var arguments = stage.Skip(1).ToArray();
            if (rule.Check(arguments) is { } problem)
                return (null, new Rejection(RejectionKind.Denied, problem));
            launches.Add(new StageLaunch(program, rule.LaunchArguments(arguments), IsAws: false));
        }
        return (new ValidatedCommand(pipeline, invocation, launches), null);
    }
}
