using System.Diagnostics;

namespace AwsMcpTyped.Tests.Support;

/// <summary>Runs a real process (the built awsmcp, python3) and captures its output.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cancel.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Task<Result> RunAwsmcpAsync(params string[] arguments) =>
        RunAsync("dotnet", [RepoPaths.AwsmcpDll, .. arguments]);

    /// <summary>The built awsmcp with these environment changes.</summary>
    public static Task<Result> RunAwsmcpAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        RunAsync("dotnet", [RepoPaths.AwsmcpDll, .. arguments], environment: environment);
}
