using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.Running;

/// <summary>What to run: validated stages, the environment changes for the <c>aws</c> stage (a null value removes the
/// variable), limits, and the current directory of every stage (the working directory local paths were checked
/// against). <see cref="AwsOutputAsYaml"/>: the aws stage prints JSON that is to be converted to this YAML style before
/// the next stage or the result sees it (yaml on AWS CLI v1). <see cref="AnswerWhen"/>: the output so far is an answer
/// as soon as this holds (a sign-in's URL and code); the pipeline then runs on, to its timeout at most
/// (<see cref="PipelineOutcome.Continuing"/>).</summary>
public sealed record PipelineRequest(
    IReadOnlyList<StageLaunch> Stages,
    IReadOnlyDictionary<string, string?> AwsEnvironment,
    TimeSpan Timeout,
    int OutputLimitCharacters,
    string? WorkingDirectory = null,
    Output.YamlOutputStyle? AwsOutputAsYaml = null,
    Func<string, bool>? AnswerWhen = null);

/// <summary>How one stage ended. <see cref="OutputClosedEarly"/>: the next stage stopped reading (as with
/// <c>| head -1</c>), so a non-zero exit from the broken pipe is not a failure, as in a shell.</summary>
public sealed record StageOutcome(string Program, int? ExitCode, string Stderr, bool OutputClosedEarly);

/// <summary>How the pipeline ended: the last stage's output (cut at the limit), every stage's outcome, timing.</summary>
public sealed record PipelineOutcome(
    string Output,
    long OutputCharacters,
    IReadOnlyList<StageOutcome> Stages,
    bool TimedOut,
    bool Cancelled,
    TimeSpan Duration,
    string? StartError = null)
{
    /// <summary>For an outcome given early (<see cref="PipelineRequest.AnswerWhen"/>): the pipeline's own end.</summary>
    public Task<PipelineOutcome>? Continuing { get; init; }

    public bool Truncated => OutputCharacters > Output.Length;
}

/// <summary>Runs validated pipelines. The process implementation is <see cref="ProcessPipelineRunner"/>.</summary>
public interface IPipelineRunner
{
    Task<PipelineOutcome> RunAsync(PipelineRequest request, CancellationToken cancellationToken);

    /// <summary>What contains the processes this runner starts (awk, sed and jq run only when something does, or when
    /// the operator allows them anyway).</summary>
    Sandbox.Containment Containment => new(Sandbox.ContainmentMechanism.None, "a pipeline runner without a sandbox");
}
