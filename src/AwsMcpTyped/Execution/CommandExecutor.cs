using System.Diagnostics;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution.Effects;
using AwsMcpTyped.Execution.Errors;
using AwsMcpTyped.Execution.Running;
using AwsMcpTyped.Execution.Syntax;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Policy;
using AwsMcpTyped.Policy.Audit;

namespace AwsMcpTyped.Execution;

/// <summary>
/// execute_command: validates a command line against the catalogue, applies the safety policy (rules, read-only,
/// consent, rate and concurrency limits), then runs it without a shell. Nothing starts unless every stage passed
/// validation and the policy allowed it. Every call, refused or run, leaves one audit line; secrets are redacted from
/// what it returns and logs.
/// </summary>
public sealed class CommandExecutor
{
    private readonly Files.WorkingDirectory _workingDirectory;
    private readonly ExecutionPolicy _policy;
    private readonly IPipelineRunner? _runner;
    private readonly PolicyGate _gate;
    private readonly CallLimiter _limiter;
    private readonly AuditLog _audit;
    private readonly SecretRedactor _redactor;
    private readonly IReadOnlyDictionary<string, string?> _awsEnvironment;
    private readonly Func<string, string?> _variable;
    private readonly Lazy<Task<AwsCatalogue>> _installedCatalogue;
    private readonly CommandValidator?[] _validators = new CommandValidator?[2];
    private readonly SignIn.DeviceCodeSignIn _signIns = new();

    /// <param name="awsEnvironment">Changes to this process's environment for the aws stage (null removes a variable),
    /// for hosts that run the CLI with other settings than their own, and tests; region and profile are decided on
    /// the environment with these changes.</param>
    public CommandExecutor(AwsCatalogue catalogue, ExecutionPolicy policy, AwsCliInstallation cli, IPipelineRunner? runner = null, AuditLog? audit = null,
        IReadOnlyDictionary<string, string?>? awsEnvironment = null)
    {
        _awsEnvironment = awsEnvironment ?? new Dictionary<string, string?>();
        Func<string, string?> variable = name => _awsEnvironment.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);
        _variable = variable;
        Cli = cli;
        _redactor = SecretRedactor.FromEnvironment(variable); // the credentials the CLI gets are the ones to mask
        _workingDirectory = Files.WorkingDirectory.For(policy.WorkingDirectory);
        _installedCatalogue = new(() => InstalledCatalogueAsync(catalogue, cli, _awsEnvironment, variable));
        _policy = policy;
        _runner = runner ?? (cli.Path is { } path ? new ProcessPipelineRunner(path) : null);
        var engine = new PolicyEngine(policy.Safety, CatalogueRuleActions.For(catalogue));
        _gate = new PolicyGate(engine);
        if (policy.Safety.Deny.Count + policy.Safety.Allow.Count > 0)
            _ = Task.Run(engine.Prepare); // command rules' actions may load every command table (~1 s): off the start-up path
        _limiter = new CallLimiter(policy.MaxConcurrency, policy.CallsPerSecond);
        _audit = audit ?? AuditLog.Off;
    }

    /// <summary>The CLI this executor runs.</summary>
    public AwsCliInstallation Cli { get; }

    /// <summary>The settings this executor enforces.</summary>
    public ExecutionPolicy Settings => _policy;

    /// <summary>What the aws stage's environment changes from this process's (null removes a variable).</summary>
    public IReadOnlyDictionary<string, string?> AwsEnvironmentChanges => _awsEnvironment;

    /// <summary>The audit log calls are written to.</summary>
    public AuditLog Audit => _audit;

    /// <summary>The catalogue as the installed CLI has it: only its version's services, commands, arguments and global
    /// options (v2, the version users run, when no CLI is installed; v1 when one is but does not say its version), in
    /// step with the models the CLI loads where they differ from the built ones (<see cref="AwsCatalogue.InStepWith"/>).
    /// Decided once, by asking the CLI its version on first use; a catalogue given as one version's view is used as it is.</summary>
    public Task<AwsCatalogue> CatalogueAsync() => _installedCatalogue.Value;

    private static async Task<AwsCatalogue> InstalledCatalogueAsync(AwsCatalogue catalogue, AwsCliInstallation cli,
        IReadOnlyDictionary<string, string?> awsEnvironment, Func<string, string?> variable)
    {
        if (catalogue.Dialect != CliDialects.All)
            return catalogue;
        if (!cli.IsInstalled)
            return catalogue.ForDialect(CliDialects.V2);
        // A CLI that does not say its version is judged as v1, the stricter reading: v1 fetches http(s) parameter
        // values (refused then) and lacks YAML (converted then, which v2's own JSON survives too).
        var info = await cli.DetectAsync(awsEnvironment, CancellationToken.None).ConfigureAwait(false);
        var view = catalogue.ForDialect(info is null || info.Major == 1 ? CliDialects.V1 : CliDialects.V2);
        return info is null ? view
            : view.InStepWith(InstalledCliModels.For(info.Version, info.ModelsDirectory, variable("AWS_DATA_PATH"), variable("HOME")));
    }

    private CommandValidator ValidatorFor(AwsCatalogue view)
    {
        ref var validator = ref _validators[view.Dialect == CliDialects.V1 ? 0 : 1];
        if (validator is null)
            Interlocked.CompareExchange(ref validator, new CommandValidator(view, _policy), null);
        return validator!;
    }

    /// <summary>What contains the processes this executor starts (said at startup and by describe).</summary>
    public Sandbox.Containment Containment => _runner?.Containment ?? Sandbox.StageSandbox.Default.Containment;

    /// <summary>The safety policy in force (the server lists tools by it).</summary>
    public PolicyEngine Policy => _gate.Engine;

    /// <summary>The default executor: the built-in catalogue, default policy, the CLI found on PATH.</summary>
    public static CommandExecutor CreateDefault(ExecutionPolicy? policy = null, AuditLog? audit = null) =>
        new(AwsCatalogue.Default, policy ?? ExecutionPolicy.Default, AwsCliInstallation.Detect(), audit: audit);

    public Task<ExecutionResult> ExecuteAsync(string commandLine, ExecuteOptions? options = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(new Call(commandLine, null), options, cancellationToken);

    /// <summary>Runs one <c>aws</c> command given as its words (<c>["aws", "s3api", "list-buckets", …]</c>): validated
    /// and run as they are, never joined into a command line and split again. What typed tools and library callers
    /// that build commands use.</summary>
    public Task<ExecutionResult> ExecuteAsync(IReadOnlyList<string> words, ExecuteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(words.Count, nameof(words));
        return ExecuteAsync(new Call(string.Join(' ', words.Select(Pipeline.Quote)), new Pipeline([words.ToArray()])), options, cancellationToken);
    }

    private async Task<ExecutionResult> ExecuteAsync(Call call, ExecuteOptions? options, CancellationToken cancellationToken)
    {
        options ??= ExecuteOptions.Default;
        var clock = Stopwatch.StartNew();
        var (result, gate, subject) = await GateAndRunAsync(call, options, cancellationToken);
        result = Redacted(result, call, keepEncodedSecrets: !gate.Refused && subject?.Access == AccessClass.SensitiveRead);
        _audit.Write(new AuditRecord(DateTimeOffset.UtcNow, options.Caller, call.Display(_redactor), gate.Decision,
            gate.Rule?.ToString(), gate.Refused ? call.Redact(_redactor, gate.Reason) : null, result.Status.ToString().ToLowerInvariant(),
            result.ExitCode, (long)clock.Elapsed.TotalMilliseconds, result.OutputCharacters, subject?.Region, subject?.Profile));
        return result;
    }

    /// <summary>Whether a typed tool is listed: the policy may let the command run with some arguments (a PartiQL
    /// SELECT is a read even where the statement tool is a write).</summary>
    public bool MayList(ServiceDescriptor service, CommandDescriptor command) =>
        Policy.MayList(service.Name, command) ||
        (ArgumentEffects.MildestClass(service.Name, command) is var mildest && mildest != command.Access &&
         Policy.MayList(service.Name, command with { Access = mildest }));

    /// <summary>Leaves the audit line of a call the policy refused before it became a command line (a typed tool it
    /// withholds): every call, refused or run, leaves one.</summary>
    public void AuditRefusal(string caller, string command, string reason, PolicyRule? rule) =>
        _audit.Write(new AuditRecord(DateTimeOffset.UtcNow, caller, command, "denied", rule?.ToString(), _redactor.Redact(reason), "rejected", null, 0, 0));

    /// <summary>One call's command line (for a call given as words, those words quoted, to show), the words when
    /// given so, and once validated the secrets it carries (by the models' sensitive trait).</summary>
    private sealed class Call(string commandLine, Pipeline? words)
    {
        public string CommandLine => commandLine;

        public Pipeline? Words => words;

        public SensitiveInput? Sensitive { get; set; }

        /// <summary>The command as logs and prompts show it: sensitive values, secret-looking arguments and the server's
        /// credentials masked.</summary>
        public string Display(SecretRedactor redactor) => redactor.RedactCommandLine(Sensitive?.Display ?? commandLine);

        public string Redact(SecretRedactor redactor, string? text) => redactor.Redact(Sensitive is null ? text : Sensitive.Redact(text ?? ""));
    }

    private async Task<(ExecutionResult, GateOutcome, PolicySubject?)> GateAndRunAsync(Call call, ExecuteOptions options, CancellationToken cancellationToken)
    {
        var commandLine = call.CommandLine;
        var timeout = options.TimeoutSeconds ?? _policy.DefaultTimeoutSeconds;
        if (timeout < 1 || timeout > _policy.MaxTimeoutSeconds)
            return Invalid(new Rejection(RejectionKind.InvalidArgument, $"timeout must be between 1 and {_policy.MaxTimeoutSeconds} seconds, not {timeout}."));
        if (options.Region is { } region && !RegionNames.IsValid(region))
            return Invalid(new Rejection(RejectionKind.InvalidArgument, RegionNames.Problem(region)));

        var view = await CatalogueAsync().WaitAsync(cancellationToken);
        var validator = ValidatorFor(view);
        var (command, rejection) = call.Words is { } words ? validator.Validate(words, timeout) : validator.Validate(commandLine, timeout);
        if (command is null)
            return Invalid(rejection!);
        call.Sensitive = SensitiveInput.Of(command, view);
        if (command.Stages.Select(stage => Containment.RefusalFor(stage.Program)).FirstOrDefault(refusal => refusal is not null) is { } uncontained)
            return Invalid(new Rejection(RejectionKind.NotAllowedProgram, uncontained));
        // aws --version alone touches nothing: no target to decide, and no reason to ask the CLI for its version
        var target = command.Aws.IsVersionOnly ? null : CallTarget.Resolve(command.Aws, options.Region, options.Profile, AwsCliDialect.For(view.Dialect), _variable);
        var subject = target is null ? null : CommandSubject.For(command.Aws, target);
        var gate = await _gate.CheckAsync(call.Display(_redactor), subject, options.Consent, cancellationToken);
        if (gate.Refused)
            return (Rejected(new Rejection(RejectionKind.Denied, gate.Reason!)), gate, subject);
        if (_runner is null)
            return (new ExecutionResult { Status = ExecutionStatus.Failed, Error = ErrorKind.CliNotInstalled, Hint = AwsCliInstallation.InstallHint }, gate, subject);

        using var slot = await _limiter.AcquireAsync(cancellationToken);
        if (slot is null)
            return (Rejected(new Rejection(RejectionKind.Denied, _limiter.BusyMessage)), gate with { Decision = "busy" }, subject);
        return (await RunAsync(command, view.Dialect, target, timeout, cancellationToken), gate, subject);
    }

    /// <summary>Runs with the decided region and profile set for the CLI (<see cref="CallTarget.AwsEnvironment"/>).</summary>
    private async Task<ExecutionResult> RunAsync(ValidatedCommand command, CliDialects dialect, CallTarget? target, int timeout, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>(_awsEnvironment, StringComparer.Ordinal);
        foreach (var (name, value) in (target?.AwsEnvironment ?? new Dictionary<string, string?>()).Concat(AwsCliInstallation.NonInteractiveEnvironment))
            environment[name] = value;

        if (SignIn.DeviceCodeSignIn.Handles(command))
            return await SignInAsync(command, environment, target, timeout, cancellationToken);

        // --output yaml|yaml-stream on AWS CLI v1 runs with --output json and is converted (the display keeps yaml)
        var (stages, yaml) = Output.YamlOnV1.Plan(command, dialect);
        var outcome = await RunningPipelines.RunAsync(_runner!,
            new PipelineRequest(stages, environment, TimeSpan.FromSeconds(timeout), _policy.OutputLimitCharacters, _workingDirectory.Path, yaml),
            cancellationToken);
        return Interpret(outcome);
    }

    /// <summary><c>aws sso login</c>, allowed by the operator: answered with the URL and code once the CLI prints them,
    /// while it waits on for the approval (<see cref="SignIn.DeviceCodeSignIn"/>).</summary>
    private async Task<ExecutionResult> SignInAsync(ValidatedCommand command, Dictionary<string, string?> environment, CallTarget? target, int timeout,
        CancellationToken cancellationToken)
    {
        if (command.Stages.Count > 1)
            return Rejected(new Rejection(RejectionKind.InvalidArgument, "'aws sso login' prints a URL and a code for you: run it without filters."));
        var key = $"{target?.ProfileName} {string.Join(' ', command.Stages[0].Arguments)}";
        if (_signIns.Waiting(key) is { } waiting)
            return waiting;
        var cli = await Cli.DetectAsync(_awsEnvironment, cancellationToken);
        // Until the code is printed, the call's own timeout and cancellation apply; after it, the sign-in's lifetime.
        using var untilAnswer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        untilAnswer.CancelAfter(TimeSpan.FromSeconds(timeout));
        var outcome = await RunningPipelines.RunAsync(_runner!,
            new PipelineRequest(SignIn.DeviceCodeSignIn.Stages(command, cli?.Version), environment, SignIn.DeviceCodeSignIn.Lifetime,
                _policy.OutputLimitCharacters, _workingDirectory.Path, AnswerWhen: SignIn.DeviceCodeSignIn.CodePrinted),
            untilAnswer.Token);
        return _signIns.Started(key, outcome, Interpret(outcome));
    }

    private static (ExecutionResult, GateOutcome, PolicySubject?) Invalid(Rejection rejection) =>
        (Rejected(rejection), new GateOutcome("rejected", null, rejection.Message, Refused: true), null);

    private static ExecutionResult Rejected(Rejection rejection) => new() { Status = ExecutionStatus.Rejected, Rejection = rejection, ExitCode = null };

    /// <summary>No credential leaves through us: the server's secret values and labelled secrets are removed from the
    /// output; error text (stderr, hints, refusals) also loses access key ids. <paramref name="keepEncodedSecrets"/>:
    /// the output of an allowed sensitive read keeps encoded forms (see <see cref="SecretRedactor.RedactOutput"/>).</summary>
    private ExecutionResult Redacted(ExecutionResult result, Call call, bool keepEncodedSecrets) => result with
    {
        Output = _redactor.RedactOutput(result.Output, keepEncodedSecrets),
        Stderr = call.Redact(_redactor, result.Stderr),
        Hint = result.Hint is null ? null : call.Redact(_redactor, result.Hint),
        Rejection = result.Rejection is null ? null : result.Rejection with { Message = call.Redact(_redactor, result.Rejection.Message) },
    };

    private static ExecutionResult Interpret(PipelineOutcome outcome)
    {
        var output = outcome.Truncated ? outcome.Output + TruncationMarker(outcome) : outcome.Output;
        var result = new ExecutionResult
        {
            Status = ExecutionStatus.Success,
            Output = output,
            OutputCharacters = outcome.OutputCharacters,
            Truncated = outcome.Truncated,
            Duration = outcome.Duration,
            ExitCode = outcome.Stages[^1].ExitCode,
        };
        if (outcome.StartError is not null)
            return result with { Status = ExecutionStatus.Failed, Error = ErrorKind.Other, Hint = outcome.StartError, ExitCode = null };
        if (outcome.TimedOut)
        {
            return result with
            {
                Status = ExecutionStatus.TimedOut, Error = ErrorKind.Timeout, ExitCode = null, Stderr = outcome.Stages[0].Stderr,
                Hint = "Raise timeout for long operations, or make the command do less (--max-items, --query, a narrower filter).",
            };
        }
        if (outcome.Cancelled)
            return result with { Status = ExecutionStatus.Cancelled, Error = ErrorKind.Cancelled, ExitCode = null };

        for (var i = 0; i < outcome.Stages.Count; i++)
        {
            var stage = outcome.Stages[i];
            if (stage.ExitCode is 0 or null || stage.OutputClosedEarly)
                continue;
            if (i > 0 && stage.Program == "grep" && stage.ExitCode == 1)
                continue; // grep found no match: an empty result, not an error
            if (i == 0)
            {
                var (kind, hint) = ErrorClassifier.Classify(stage.Stderr);
                return result with { Status = ExecutionStatus.Failed, Error = kind, Hint = hint, ExitCode = stage.ExitCode, Stderr = stage.Stderr, FailedStage = 0 };
            }
            return result with
            {
                Status = ExecutionStatus.Failed, Error = ErrorKind.FilterFailed, ExitCode = stage.ExitCode, Stderr = stage.Stderr, FailedStage = i,
                Hint = $"The filter '{stage.Program}' failed; check its expression.",
            };
        }
        return result with { ExitCode = 0 };
    }

    private static string TruncationMarker(PipelineOutcome outcome) =>
        $"\n[Output truncated: showing the first {outcome.Output.Length:N0} of {outcome.OutputCharacters:N0} characters. " +
        "Narrow it with --query (JMESPath), --max-items, or a filter such as | head -n 50 or | jq '.Items[:20]'.]";
}
