using System.Diagnostics;

namespace AwsMcpTyped.Execution.Detection;

/// <summary>Starts one short process of the detection (<c>aws --version</c>, the CLI's Python interpreter) with the
/// environment the CLI will get, and returns what it printed, or null when it could not start, failed or hung.</summary>
internal static class ProbeProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <param name="environmentChanges">Changes to this process's environment (null removes a variable).</param>
    public static async Task<string?> RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environmentChanges)
    {
        try
        {
            var start = new ProcessStartInfo(program, arguments)
            {
                UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            };
            foreach (var (name, value) in environmentChanges)
            {
                if (value is null)
                    start.Environment.Remove(name);
                else
                    start.Environment[name] = value;
            }
            using var process = Process.Start(start);
            if (process is null)
                return null;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync(); // v1 before 1.18 printed its version to stderr
            using var deadline = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return process.ExitCode == 0 ? await output + "\n" + await error : null;
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }
}
