using System.Text.RegularExpressions;

namespace AwsMcpTyped.Tests.Packaging;

/// <summary>
/// The Dockerfile rules that matter for this image, checked statically (hadolint runs in GitHub CI; it cannot be
/// installed here). Each violation is one line naming the rule; an empty list means the file passes. The AWS CLI
/// installer stage has its own rules (<see cref="AwsCliStageRules"/>), against <see cref="AwsCliPins"/>.
/// </summary>
internal static partial class DockerfileRules
{
    public const string Entrypoint = "/app/awsmcp";

    public static IReadOnlyList<string> Check(DockerfileModel file, AwsCliPins pins)
    {
        var errors = new List<string>();
        if (file.Stages.Count < 2)
            return ["multi-stage: expected a build stage and a runtime stage, found " + file.Stages.Count];

        CheckStages(file, errors);
        var final = file.Final;
        CheckUser(final, errors);
        CheckPackages(final, errors);
        CheckEntrypoint(final, errors);
        CheckRuntimeSettings(final, errors);
        foreach (var run in file.Instructions.Where(i => i.Keyword == "RUN"))
            CheckRun(file, run, errors);
        if (file.Instructions.Any(i => i.Keyword == "ADD"))
            errors.Add("ADD: use COPY (ADD fetches URLs and unpacks archives implicitly)");
        AwsCliStageRules.Check(file, pins, errors);
        return errors;
    }

    private static void CheckStages(DockerfileModel file, List<string> errors)
    {
        // Later stages copy from earlier ones by name (an index breaks when a stage is added).
        foreach (var unnamed in file.Stages.Take(file.Stages.Count - 1).Where(s => s.Name is null))
            errors.Add($"multi-stage: FROM {unnamed.Image} (line {unnamed.From.Line}) needs a name (FROM ... AS name)");
        foreach (var stage in file.Stages)
        {
            var image = stage.Image;
            var known = file.Stages.TakeWhile(s => s != stage).Any(s => s.Name == image);
            if (known)
                continue;
            var tag = ImageTag(image);
            if (tag is null)
                errors.Add($"FROM {image} (line {stage.From.Line}): pin a tag (no implicit latest)");
            else if (tag.Equals("latest", StringComparison.OrdinalIgnoreCase))
                errors.Add($"FROM {image} (line {stage.From.Line}): never latest");
        }
        if (!RuntimeImage().IsMatch(file.Final.Image))
            errors.Add($"runtime stage: FROM {file.Final.Image} must be mcr.microsoft.com/dotnet/runtime-deps:10.0 (the app is self-contained)");
        if (file.Stages[0].Image.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", StringComparison.Ordinal) is false)
            errors.Add($"build stage: FROM {file.Stages[0].Image} must be the .NET 10 SDK image");

        for (var s = 0; s < file.Stages.Count; s++)
        {
            foreach (var copy in file.Stages[s].All("COPY"))
            {
                if (copy.Flags.TryGetValue("from", out var from) &&
                    !file.Stages.Take(s).Any(earlier => earlier.Name == from))
                    errors.Add($"COPY --from={from} (line {copy.Line}): names no earlier stage");
            }
        }
    }

    private static string? ImageTag(string image)
    {
        if (image.Contains('@'))
            return "digest";
        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.IndexOf(':');
        return colon < 0 ? null : lastSegment[(colon + 1)..];
    }

    private static void CheckUser(DockerStage final, List<string> errors)
    {
        var users = final.All("USER").ToList();
        if (users.Count == 0)
        {
            errors.Add("USER: the runtime stage must switch to a non-root user");
            return;
        }
        var last = users[^1];
        var user = last.Words.FirstOrDefault()?.Split(':')[0] ?? "";
        if (user is "root" or "0" or "")
            errors.Add($"USER {last.Arguments} (line {last.Line}): the last USER must not be root");
        var entrypoint = final.All("ENTRYPOINT").LastOrDefault();
        if (entrypoint is not null && entrypoint.Line < last.Line)
            errors.Add($"USER (line {last.Line}) must come before ENTRYPOINT (line {entrypoint.Line})");
        var useradd = final.All("RUN").FirstOrDefault(r => r.Arguments.Contains("useradd", StringComparison.Ordinal));
        if (useradd is null)
            errors.Add("useradd: the runtime stage must create its non-root user with a fixed UID");
        else
        {
            if (!UidFlag().IsMatch(useradd.Arguments))
                errors.Add("useradd: give a fixed --uid of 10000 or more");
            if (!Regex.IsMatch(useradd.Arguments, @"useradd\b[^&;]*\s(-l|--no-log-init)\b"))
                errors.Add("useradd: pass -l (a high UID otherwise makes a huge /var/log/lastlog)");
        }
    }

    private static void CheckPackages(DockerStage final, List<string> errors)
    {
        var runs = final.All("RUN").Select(r => r.Arguments).ToList();
        if (!runs.Any(r => AptInstall().Match(r) is { Success: true } m && m.Value.Split(' ').Contains("jq")))
            errors.Add("jq: the runtime stage must install jq (an execute_command filter)");
    }

    private static void CheckEntrypoint(DockerStage final, List<string> errors)
    {
        var entrypoint = final.All("ENTRYPOINT").LastOrDefault();
        if (entrypoint?.ExecForm is not [Entrypoint])
            errors.Add($"ENTRYPOINT: must be the exec form [\"{Entrypoint}\"], the self-contained apphost (signals reach the server)");
        var cmd = final.All("CMD").LastOrDefault();
        if (cmd?.ExecForm is not ["serve", ..])
            errors.Add("CMD: must be the exec form [\"serve\", ...] (stdio by default)");
    }

    private static void CheckRuntimeSettings(DockerStage final, List<string> errors)
    {
        var env = final.All("ENV").Select(e => e.Arguments).ToList();
        var workdir = env.Select(e => Regex.Match(e, @"AWS_MCP_WORKDIR=(\S+)")).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        if (workdir is null)
            errors.Add("ENV AWS_MCP_WORKDIR: set it to a directory the non-root user owns");
        else if (!final.All("RUN").Any(r => r.Arguments.Contains(workdir, StringComparison.Ordinal) &&
                                            (r.Arguments.Contains("chown", StringComparison.Ordinal) || Regex.IsMatch(r.Arguments, @"install -d\b.*-o "))))
            errors.Add($"AWS_MCP_WORKDIR {workdir}: no RUN creates it owned by the non-root user");
        if (final.All("WORKDIR").LastOrDefault() is null)
            errors.Add("WORKDIR: set one in the runtime stage");
        if (!final.All("EXPOSE").Any(e => e.Words.Contains("8000")))
            errors.Add("EXPOSE 8000: the port `serve --http --port 8000` uses");
        var labels = string.Join(' ', final.All("LABEL").Select(l => l.Arguments));
        if (!labels.Contains("org.opencontainers.image.licenses=\"MIT\"", StringComparison.Ordinal))
            errors.Add("LABEL org.opencontainers.image.licenses=\"MIT\" is missing");
        if (!labels.Contains("org.opencontainers.image.source=", StringComparison.Ordinal))
            errors.Add("LABEL org.opencontainers.image.source is missing");
    }

    private static void CheckRun(DockerfileModel file, DockerInstruction run, List<string> errors)
    {
        var text = run.Arguments;
        if (Regex.IsMatch(text, @"(^|[;&|]\s*)apt\s"))
            errors.Add($"RUN (line {run.Line}): use apt-get, not apt (no stable CLI)");
        if (AptInstall().IsMatch(text))
        {
            if (!text.Contains("--no-install-recommends", StringComparison.Ordinal))
                errors.Add($"RUN (line {run.Line}): apt-get install needs --no-install-recommends");
            if (!Regex.IsMatch(text, @"apt-get install\s+(-\S*y|--yes|--assume-yes)") && !text.Contains(" -y", StringComparison.Ordinal))
                errors.Add($"RUN (line {run.Line}): apt-get install needs -y");
            if (!text.Contains("apt-get update", StringComparison.Ordinal))
                errors.Add($"RUN (line {run.Line}): apt-get update in the same RUN as install (a cached update goes stale)");
            if (!text.Contains("rm -rf /var/lib/apt/lists", StringComparison.Ordinal))
                errors.Add($"RUN (line {run.Line}): remove /var/lib/apt/lists in the same RUN");
        }
        // Without pipefail a failing stage before `|` is ignored (hadolint DL4006).
        if (Regex.IsMatch(Regex.Replace(text, @"\|\|", ""), @"\|") && !PipefailBefore(file, run))
            errors.Add($"RUN (line {run.Line}): pipes need SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] first");
    }

    private static bool PipefailBefore(DockerfileModel file, DockerInstruction run)
    {
        var stage = file.Stages.Last(s => s.From.Line < run.Line);
        return stage.All("SHELL").Any(s => s.Line < run.Line && s.ExecForm is { } shell && shell.Contains("pipefail"));
    }

    [GeneratedRegex(@"^mcr\.microsoft\.com/dotnet/runtime-deps:10\.0(-[a-z0-9.-]+)?(@sha256:[0-9a-f]{64})?$")]
    private static partial Regex RuntimeImage();

    [GeneratedRegex(@"--uid\s+(1\d{4,}|[2-9]\d{4,})\b")]
    private static partial Regex UidFlag();

    [GeneratedRegex(@"apt-get install[^&;|]*")]
    private static partial Regex AptInstall();
}
