using AwsMcpTyped.Execution.Syntax;

namespace AwsMcpTyped.Execution.Validation;

/// <summary>A command that passed every check: its stages as they will be launched (program name and argv).</summary>
public sealed record ValidatedCommand(Pipeline Pipeline, AwsInvocation Aws, IReadOnlyList<StageLaunch> Stages);

/// <summary>One process to start: a program looked up on PATH and its exact argument list (never a shell string).</summary>
public sealed record StageLaunch(string Program, IReadOnlyList<string> Arguments, bool IsAws);
