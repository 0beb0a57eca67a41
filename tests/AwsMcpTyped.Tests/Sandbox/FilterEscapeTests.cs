using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Running;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Sandbox;

namespace AwsMcpTyped.Tests.Sandbox;

/// <summary>
/// Every row of <see cref="EscapeAttempts"/> three ways: with neither argument checks nor sandbox it escapes (the
/// control: the row is a real escape on this machine); with the sandbox alone (the pipeline runner is called
/// directly, so no check sees the command) it fails; through the executor (checks, then the sandbox) it fails.
/// The first stage stands in for aws with printf, so the rows cost milliseconds.
/// </summary>
public sealed class FilterEscapeTests(EscapeLab lab) : IClassFixture<EscapeLab>
{
    public static TheoryData<string> Names => new(EscapeAttempts.All.Select(a => a.Name));

    [Fact]
    public void This_machine_contains_every_stage()
    {
        var containment = StageSandbox.Default.Containment;
        Assert.True(containment.Mechanism == ContainmentMechanism.Landlock, containment.Summary);
    }

    [Fact]
    public void The_table_covers_every_class()
    {
        Assert.True(EscapeAttempts.All.Count >= 40);
        Assert.Equal(EscapeAttempts.All.Count, EscapeAttempts.All.Select(a => a.Name).Distinct().Count());
        Assert.All(Enum.GetValues<Proof>(), proof => Assert.Contains(EscapeAttempts.All, a => a.Proof == proof));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Control_it_escapes_without_checks_or_sandbox(string name)
    {
        var attempt = Find(name);
        var (returned, contacts) = await RunUncheckedAsync(new StageSandbox.Uncontained("the control run"), attempt);
        Assert.True(lab.Escaped(attempt, returned, contacts), $"{name} did not escape even uncontained, so it proves nothing:\n{returned}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task The_kernel_stops_it_without_the_checks(string name)
    {
        var attempt = Find(name);
        var (returned, contacts) = await RunUncheckedAsync(StageSandbox.Default, attempt);
        Assert.False(lab.Escaped(attempt, returned, contacts), $"{name} escaped the sandbox:\n{returned}");
        if (attempt.Program.Contains("python", StringComparison.Ordinal))
            Assert.Contains("STARTED", returned); // the code ran: the kernel, not a failed start, stopped it
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Checks_and_kernel_stop_it_through_the_executor(string name)
    {
        var attempt = Find(name);
        lab.Reset();
        var contacts = lab.NetworkContacts;
        var executor = new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default with { WorkingDirectory = lab.WorkingDirectory },
            new AwsCliInstallation("/usr/bin/printf"), new ProcessPipelineRunner("/usr/bin/printf"));
        var line = "aws sts get-caller-identity | " + string.Join(' ', new[] { attempt.Program }.Concat(attempt.Arguments).Select(a => Quote(lab.Fill(a, attempt))));
        var result = await executor.ExecuteAsync(line);
        var returned = result.Output + result.Stderr + result.Rejection?.Message + result.Hint;
        Assert.False(lab.Escaped(attempt, returned, contacts), $"{name} escaped through the executor:\n{result.ToText()}");
    }

    [Theory]
    [InlineData("jq", new[] { "-r", ".a" }, "{\"a\":\"ok\"}", "ok")]
    [InlineData("awk", new[] { "{print $2}" }, "x ok", "ok")]
    [InlineData("sed", new[] { "--sandbox", "s/x/ok/" }, "x", "ok")]
    [InlineData("sort", new[] { "-r" }, "ok", "ok")]
    [InlineData("grep", new[] { "o" }, "ok", "ok")]
    [InlineData("column", new[] { "-t" }, "ok", "ok")]
    [InlineData("cut", new[] { "-c", "1-2" }, "ok", "ok")]
    [InlineData("tr", new[] { "a-z", "a-z" }, "ok", "ok")]
    [InlineData("wc", new[] { "-l" }, "ok", "1")]
    public async Task Every_filter_works_contained(string program, string[] arguments, string input, string expected)
    {
        var runner = new ProcessPipelineRunner("/usr/bin/printf", StageSandbox.Default);
        var outcome = await runner.RunAsync(Request(new StageLaunch("aws", [input + "\\n"], true), new StageLaunch(program, arguments, false)), default);
        Assert.True(outcome.Output.Trim() == expected, $"{program}: '{outcome.Output}' {outcome.StartError} {string.Join(" | ", outcome.Stages.Select(s => $"{s.Program} exit {s.ExitCode}: {s.Stderr}"))}");
    }

    /// <summary>sort may not spill to temporary files inside the sandbox; the launch gives it a large enough buffer.</summary>
    [Fact]
    public async Task Sort_of_a_large_input_works_contained()
    {
        using var cli = Support.FakeAwsCli.Running("for i in range(1500000): print(1500000 - i, 'line')");
        var executor = new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default with { WorkingDirectory = lab.WorkingDirectory },
            new AwsCliInstallation(cli.Path), new ProcessPipelineRunner(cli.Path));
        var result = await executor.ExecuteAsync("aws sts get-caller-identity | sort -n | head -2");
        Assert.True(result.Status == ExecutionStatus.Success, result.ToText());
        Assert.Equal("1 line\n2 line", result.Output.Trim());
    }

    private async Task<(string Returned, int ContactsBefore)> RunUncheckedAsync(StageSandbox sandbox, EscapeAttempt attempt)
    {
        lab.Reset();
        var contacts = lab.NetworkContacts;
        var runner = new ProcessPipelineRunner("/usr/bin/printf", sandbox);
        var outcome = await runner.RunAsync(Request(
            new StageLaunch("aws", ["x\\n"], true),
            new StageLaunch(attempt.Program, attempt.Arguments.Select(a => lab.Fill(a, attempt)).ToList(), false)), default);
        return (outcome.Output + string.Join("\n", outcome.Stages.Select(s => $"[{s.Program} exit {s.ExitCode}] {s.Stderr}")) + outcome.StartError, contacts);
    }

    private PipelineRequest Request(params StageLaunch[] stages) =>
        new(stages, new Dictionary<string, string?>(), TimeSpan.FromSeconds(30), 100_000, lab.WorkingDirectory);

    private static EscapeAttempt Find(string name) => EscapeAttempts.All.Single(a => a.Name == name);

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
