using System.Text.Json;
using AwsMcpTyped.Execution.Running;

namespace AwsMcpTyped.Execution.Detection;

/// <summary>
/// Finds out what an AWS CLI executable is, reading files where they decide and starting at most two short processes
/// where they do not: the official installer's layout is fixed (its version is a folder name); a Python-script CLI names
/// its interpreter in its shebang, but which awscli that interpreter imports depends on its module search path
/// (site-packages, PYTHONPATH in the environment the CLI gets), so the interpreter is asked, once. A wrapper that names
/// no interpreter (a pyenv shim, a shell script) is asked <c>aws --version</c>; for v1 the <c>python3</c> on PATH is
/// then asked where its awscli is, and believed only when it reports the same awscli and Python versions.
/// </summary>
internal static class AwsCliDetector
{
    /// <summary>Prints, as one JSON line, what an interpreter imports as awscli and botocore (v2 vendors its botocore
    /// as <c>awscli.botocore</c>; v1 uses the botocore package).</summary>
    private const string PythonQuery =
        "import json, os, sys, awscli\n" +
        "try:\n    from awscli import botocore as b\nexcept ImportError:\n    import botocore as b\n" +
        "print(json.dumps({'awscli': awscli.__version__, 'botocore': b.__version__, " +
        "'data': os.path.join(os.path.dirname(b.__file__), 'data'), 'python': sys.version.split()[0]}))";

    /// <summary>The installation at <paramref name="path"/>, or null when it is missing or does not say its version.</summary>
    public static async Task<AwsCliInfo?> DetectAsync(string path, IReadOnlyDictionary<string, string?> environmentChanges)
    {
        if (!File.Exists(path))
            return null;
        var realPath = RealPath(path);
        if (OfficialInstallerVersion(realPath) is { } bundled)
        {
            var models = Path.Combine(Path.GetDirectoryName(realPath)!, "awscli", "botocore", "data");
            return new AwsCliInfo(path, realPath, bundled, null, AwsCliInstallKind.OfficialInstaller, Directory.Exists(models) ? models : null);
        }
        if (ShebangInterpreter(realPath) is { } python)
        {
            if (await AskPythonAsync(python, environmentChanges) is { } answer)
                return answer.ToInfo(path, realPath, python);
        }
        if (await AwsCliVersionLine.ProbeAsync(path, environmentChanges) is not { } line)
            return null;
        if (line.Version.Major == 1 && line.PythonVersion is not null &&
            ExecutableLocator.Find("python3") is { } pathPython &&
            await AskPythonAsync(pathPython, environmentChanges) is { } candidate &&
            candidate.Python == line.PythonVersion && Version.TryParse(candidate.Awscli, out var same) && same == line.Version)
        {
            return candidate.ToInfo(path, realPath, pathPython);
        }
        return new AwsCliInfo(path, realPath, line.Version, line.BotocoreVersion, AwsCliInstallKind.Unknown, null);
    }

    /// <summary>Every symbolic link followed, in the folders too (the official installer links /usr/local/bin/aws →
    /// …/v2/current/bin/aws, and current → 2.x.y), as realpath(3) does.</summary>
    internal static string RealPath(string path, int depth = 0)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var target = depth > 40 ? null : new FileInfo(next).LinkTarget; // 40: the kernel's own limit on link chains
            current = target is null ? next : RealPath(Path.GetFullPath(target, current), depth + 1);
        }
        return current;
    }

    /// <summary>The version of an official-installer executable: …/v2/&lt;version&gt;/dist/aws.</summary>
    private static Version? OfficialInstallerVersion(string realPath)
    {
        var dist = Path.GetDirectoryName(realPath);
        var versionFolder = dist is null ? null : Path.GetDirectoryName(dist);
        var majorFolder = versionFolder is null ? null : Path.GetDirectoryName(versionFolder);
        return Path.GetFileName(dist) == "dist" && Path.GetFileName(majorFolder) == "v2" &&
               Version.TryParse(Path.GetFileName(versionFolder), out var version) && version.Major == 2
            ? version
            : null;
    }

    /// <summary>The Python interpreter the script's first line names (<c>#!/usr/bin/python3</c>,
    /// <c>#!/usr/bin/env python3</c>), or null when it is not a Python script.</summary>
    private static string? ShebangInterpreter(string realPath)
    {
        string? first;
        try
        {
            using var reader = new StreamReader(realPath);
            var buffer = new char[256];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            first = new string(buffer, 0, read).Split('\n')[0];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (!first.StartsWith("#!", StringComparison.Ordinal))
            return null;
        var words = first[2..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        var program = Path.GetFileName(words[0]) == "env" && words.Length > 1 ? words[1] : words[0];
        if (!Path.GetFileName(program).StartsWith("python", StringComparison.Ordinal))
            return null;
        return Path.IsPathRooted(program) ? program : ExecutableLocator.Find(program);
    }

    private static async Task<PythonAnswer?> AskPythonAsync(string python, IReadOnlyDictionary<string, string?> environmentChanges)
    {
        var output = await ProbeProcess.RunAsync(python, ["-c", PythonQuery], environmentChanges);
        var line = output?.Split('\n').FirstOrDefault(l => l.StartsWith('{'));
        if (line is null)
            return null;
        try
        {
            return JsonSerializer.Deserialize<PythonAnswer>(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record PythonAnswer(
        [property: System.Text.Json.Serialization.JsonPropertyName("awscli")] string Awscli,
        [property: System.Text.Json.Serialization.JsonPropertyName("botocore")] string? Botocore,
        [property: System.Text.Json.Serialization.JsonPropertyName("data")] string? Data,
        [property: System.Text.Json.Serialization.JsonPropertyName("python")] string? Python)
    {
        public AwsCliInfo? ToInfo(string path, string realPath, string python) =>
            Version.TryParse(Awscli, out var version)
                ? new AwsCliInfo(path, realPath, version, Botocore, version.Major >= 2 ? AwsCliInstallKind.PythonV2 : AwsCliInstallKind.PythonV1,
                    Data is not null && Directory.Exists(Data) ? Data : null, python)
                : null;
    }
}
