using System.ComponentModel;
using System.Diagnostics;
using AwsMcpTyped.Sandbox;

namespace AwsMcpTyped.Execution.Running;

/// <summary>
/// Starts every stage at once with an argument list (never a shell) and connects them with streams, so data flows
/// through the pipeline as it is produced. One deadline covers the whole pipeline; on timeout or cancellation every
/// stage's process tree is killed. Filters get an empty environment (the locale only): the server's AWS credentials
/// stay with aws. Every stage starts inside <paramref name="sandbox"/> (default: the machine's kernel sandbox).
/// </summary>
public sealed class ProcessPipelineRunner(string awsExecutable, StageSandbox? sandbox = null) : IPipelineRunner
{
    private const int StderrLimit = 64 * 1024;
    private readonly StageSandbox _sandbox = sandbox ?? StageSandbox.Default;

    public Containment Containment => _sandbox.Containment;

    public async Task<PipelineOutcome> RunAsync(PipelineRequest request, CancellationToken cancellationToken)
    {
        if (request.AnswerWhen is not { } answerWhen)
            return await RunToEndAsync(request, null, cancellationToken);
        var clock = Stopwatch.StartNew();
        var answer = new TaskCompletionSource<PipelineOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var whole = RunToEndAsync(request, text =>
        {
            if (!answer.Task.IsCompleted && answerWhen(text))
                answer.TrySetResult(new PipelineOutcome(text, text.Length,
                    request.Stages.Select(s => new StageOutcome(s.Program, null, "", false)).ToList(), false, false, clock.Elapsed));
        }, cancellationToken);
        return await Task.WhenAny(answer.Task, whole) == whole ? await whole : (await answer.Task) with { Continuing = whole };
    }

    private async Task<PipelineOutcome> RunToEndAsync(PipelineRequest request, Action<string>? onText, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var processes = new List<Process>();
        var scope = new StageScope(request.WorkingDirectory, request.AwsEnvironment);
        try
        {
            foreach (var stage in request.Stages)
            {
                var path = stage.IsAws ? awsExecutable : ExecutableLocator.Find(stage.Program);
                if (path is null)
                    return Failed($"'{stage.Program}' is not installed on the server (not found on PATH).");
                var process = new Process { StartInfo = _sandbox.Contain(StartInfo(Path.GetFullPath(path), stage, request), stage.IsAws, scope) };
                try
                {
                    await ProcessSpawner.StartAsync(process); // not process.Start(): see ProcessSpawner for why
                }
                catch (Win32Exception error)
                {
                    process.Dispose();
                    return Failed($"Could not start '{stage.Program}' ({path}): {error.Message}");
                }
                processes.Add(process);
            }
            return await WaitAsync(processes, request, clock, onText, cancellationToken);
        }
        finally
        {
            foreach (var process in processes)
            {
                KillTree(process);
                process.Dispose();
            }
        }

        PipelineOutcome Failed(string error) =>
            new("", 0, request.Stages.Select(s => new StageOutcome(s.Program, null, "", false)).ToList(), false, false, clock.Elapsed, error);
    }

    private static async Task<PipelineOutcome> WaitAsync(List<Process> processes, PipelineRequest request, Stopwatch clock, Action<string>? onText,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(request.Timeout);
        var token = deadline.Token;

        processes[0].StandardInput.Close(); // aws reads nothing from us
        var closedEarly = new bool[processes.Count];
        var pumps = new List<Task>();
        for (var i = 0; i + 1 < processes.Count; i++)
            pumps.Add(PumpAsync(StdoutAsync(i), processes[i + 1], i, closedEarly, token));
        var output = new OutputCollector(request.OutputLimitCharacters, onText);
        var readOutput = ReadOutputAsync(output, StdoutAsync(processes.Count - 1), token);
        var stderr = processes.Select(p => ReadCappedAsync(p.StandardError, token)).ToList();

        var timedOut = false;
        var cancelled = false;
        try
        {
            await Task.WhenAll(processes.Select(p => p.WaitForExitAsync(token)).Concat(pumps).Append(readOutput).Concat(stderr));
        }
        catch (OperationCanceledException)
        {
            cancelled = cancellationToken.IsCancellationRequested;
            timedOut = !cancelled;
            foreach (var process in processes)
                KillTree(process);
        }

        var stages = new List<StageOutcome>();
        for (var i = 0; i < processes.Count; i++)
        {
            var exited = processes[i].HasExited;
            var error = stderr[i].IsCompletedSuccessfully ? stderr[i].Result : "";
            stages.Add(new StageOutcome(request.Stages[i].Program, exited && !timedOut && !cancelled ? processes[i].ExitCode : null, error, closedEarly[i]));
        }
        return new PipelineOutcome(output.Text, output.Characters, stages, timedOut, cancelled, clock.Elapsed);

        // The aws stage's output converted to YAML (whole, before any limit applies), or any stage's output as it is.
        Task<Stream> StdoutAsync(int index) => index == 0 && request.AwsOutputAsYaml is { } style
            ? Output.YamlOnV1.ConvertedStdoutAsync(processes[0], style, token)
            : Task.FromResult(processes[index].StandardOutput.BaseStream);
    }

    private static async Task ReadOutputAsync(OutputCollector output, Task<Stream> source, CancellationToken token) =>
        await output.ReadAsync(await source, token);

    /// <summary>Copies one stage's output into the next stage's input. When the next stage stops reading (head -1),
    /// our read end is closed too, so the writer gets a broken pipe just as in a shell.</summary>
    private static async Task PumpAsync(Task<Stream> from, Process to, int index, bool[] closedEarly, CancellationToken token)
    {
        var target = to.StandardInput.BaseStream;
        Stream? source = null;
        var buffer = new byte[64 * 1024];
        try
        {
            source = await from; // the stage's stdout, or (yaml on v1) its converted output once the CLI is done
            int read;
            while ((read = await source.ReadAsync(buffer, token)) > 0)
                await target.WriteAsync(buffer.AsMemory(0, read), token);
        }
        catch (IOException)
        {
            closedEarly[index] = true;
            source?.Dispose();
        }
        finally
        {
            try
            {
                target.Dispose();
            }
            catch (IOException)
            {
                closedEarly[index] = true; // the reader had already gone
            }
        }
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader, CancellationToken token)
    {
        var collector = new OutputCollector(StderrLimit);
        await collector.ReadAsync(reader.BaseStream, token);
        return collector.Text;
    }

    private static ProcessStartInfo StartInfo(string path, Validation.StageLaunch stage, PipelineRequest request)
    {
        var start = new ProcessStartInfo(path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (request.WorkingDirectory is not null)
            start.WorkingDirectory = request.WorkingDirectory; // relative paths were checked against it
        foreach (var argument in stage.Arguments)
            start.ArgumentList.Add(argument);
        if (stage.IsAws)
        {
            foreach (var (name, value) in request.AwsEnvironment)
            {
                if (value is null)
                    start.Environment.Remove(name);
                else
                    start.Environment[name] = value;
            }
            start.Environment["PYTHONIOENCODING"] = "utf-8";
            start.Environment["PYTHONUNBUFFERED"] = "1";
        }
        else
        {
            // Filters see nothing of the server's environment, which holds AWS credentials; they are started by full
            // path, so they need no PATH either.
            start.Environment.Clear();
            start.Environment["LC_ALL"] = "C.UTF-8";
            start.Environment["LANG"] = "C.UTF-8";
        }
        return start;
    }

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        catch (Win32Exception)
        {
            // exited between the check and the kill
        }
    }
}
