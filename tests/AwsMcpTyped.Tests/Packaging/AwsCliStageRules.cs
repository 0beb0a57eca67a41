using System.Text.RegularExpressions;

namespace AwsMcpTyped.Tests.Packaging;

/// <summary>
/// The rules for the stage that installs AWS CLI v2 from AWS's official installer, and for what the runtime stage takes
/// from it: the versioned zip the catalogue was generated from, downloaded over https with its signature, the
/// signature verified against the AWS CLI team's key by gpg's status lines (not just its exit code), and the download
/// tools left behind in that stage. RUN scripts are matched as text, as in <see cref="DockerfileRules"/>.
/// </summary>
internal static partial class AwsCliStageRules
{
    public const string InstallDir = "/usr/local/aws-cli";
    public const string BinDir = "/usr/local/bin";

    /// <summary>Packages that download or verify: the installer stage needs them, the runtime image must not carry them.</summary>
    private static readonly string[] DownloadTools = ["curl", "wget", "gnupg", "gpg", "unzip"];

    public static void Check(DockerfileModel file, AwsCliPins pins, List<string> errors)
    {
        foreach (var run in file.Instructions.Where(i => i.Keyword == "RUN"))
            CheckCurl(run, errors);
        CheckRuntimeHasNoDownloadTools(file.Final, errors);

        var stage = file.Stages.FirstOrDefault(s => s != file.Final && s.All("RUN").Any(r => AnyInstallerUrl().IsMatch(r.Arguments)));
        if (stage is null)
        {
            errors.Add("awscli stage: no stage downloads the official installer https://awscli.amazonaws.com/awscli-exe-linux-<arch>-<version>.zip");
            return;
        }
        if (stage.Image != file.Final.Image)
            errors.Add($"awscli stage: FROM {stage.Image} must be the runtime stage's base {file.Final.Image} (the installer runs the CLI on the libc it will run on)");
        var versionToken = CheckUrl(file, stage, pins, errors);
        var fingerprint = CheckKey(stage, pins, errors);
        CheckInstall(stage, versionToken, fingerprint, errors);
        CheckRuntimeCopy(file, stage, errors);
    }

    /// <summary>The installer URL names an exact version, the catalogue's, and the architecture Docker builds for.
    /// Returns the pattern that matches the version as the RUN scripts write it (variable or literal).</summary>
    private static string? CheckUrl(DockerfileModel file, DockerStage stage, AwsCliPins pins, List<string> errors)
    {
        var text = Text(stage);
        var url = AnyInstallerUrl().Match(text).Value;
        var pinned = PinnedInstallerUrl().Match(url);
        if (!pinned.Success)
        {
            errors.Add($"awscli stage: {url} must name an exact version (awscli-exe-linux-<arch>-<version>.zip); without one it is whatever AWS released last");
            return null;
        }

        var arch = pinned.Groups["arch"].Value;
        var archVariable = Variable(arch);
        if (archVariable is null || stage.All("ARG").All(a => a.Arguments != "TARGETARCH") ||
            !Regex.IsMatch(text, @"case\s+""?\$\{?TARGETARCH\}?""?\s+in\b") ||
            !Regex.IsMatch(text, $@"amd64\)\s*{archVariable}=x86_64\b") || !Regex.IsMatch(text, $@"arm64\)\s*{archVariable}=aarch64\b"))
            errors.Add($"awscli stage: the installer's architecture ({arch}) must follow ARG TARGETARCH: amd64) x86_64, arm64) aarch64");

        var version = pinned.Groups["version"].Value;
        var versionVariable = Variable(version);
        var value = versionVariable is null ? version : file.ArgValue(stage, versionVariable);
        if (value is null)
        {
            errors.Add($"awscli stage: ARG {versionVariable} is not declared in the stage (the URL would name no version)");
            return null;
        }
        if (!ExactVersion().IsMatch(value))
            errors.Add($"awscli stage: installer version {value} must be an exact version (major.minor.patch)");
        else if (value != pins.Version)
            errors.Add($"awscli stage: installer version {value}: the catalogue was generated from AWS CLI v2 {pins.Version} (generators/data/v2/cli-customizations.json)");
        return versionVariable is null ? Regex.Escape(version) : $@"\$\{{?{versionVariable}\}}?";
    }

    /// <summary>The key comes from the repository's key file into a scratch keyring, which must hold exactly the
    /// fingerprint the stage names, and that fingerprint is the key file's. Returns the variable or literal that holds it.</summary>
    private static string? CheckKey(DockerStage stage, AwsCliPins pins, List<string> errors)
    {
        var copy = stage.All("COPY").FirstOrDefault(c => c.Words.SkipWhile(w => w.StartsWith("--", StringComparison.Ordinal)).FirstOrDefault() == AwsCliPins.KeyFile);
        if (copy is null)
            errors.Add($"awscli stage: COPY {AwsCliPins.KeyFile} (the AWS CLI team's key) into the stage");
        else
        {
            var target = copy.Words[^1];
            var name = target.EndsWith('/') ? Path.GetFileName(AwsCliPins.KeyFile) : Path.GetFileName(target);
            var imports = stage.All("RUN").SelectMany(r => GpgImport().Matches(r.Arguments)).Select(m => m.Groups["file"].Value.Trim('"', '\''));
            if (!imports.Any(f => Path.GetFileName(f) == name))
                errors.Add($"awscli stage: gpg --import the copied {AwsCliPins.KeyFile} ({target})");
        }

        var text = Text(stage);
        if (!ScratchHome().IsMatch(text) || !Regex.IsMatch(text, @"\bexport\s+GNUPGHOME\b"))
            errors.Add("awscli stage: import into a scratch keyring: GNUPGHOME=\"$(mktemp -d)\" and export GNUPGHOME");

        var named = FingerprintAssignment().Matches(text).Select(m => (Name: m.Groups["name"].Value, Value: m.Groups["fpr"].Value.ToUpperInvariant())).Distinct().ToList();
        if (named.Count != 1)
        {
            errors.Add($"awscli stage: name the fingerprint it trusts once (NAME=<40 hex digits>), found {named.Count}");
            return null;
        }
        var (variable, fingerprint) = named[0];
        if (fingerprint != pins.KeyFingerprint)
            errors.Add($"awscli stage: fingerprint {fingerprint} is not {AwsCliPins.KeyFile}'s key {pins.KeyFingerprint}");
        var reference = $@"\$\{{?{variable}\}}?";
        if (!stage.All("RUN").Any(r => r.Arguments.Contains("--with-colons", StringComparison.Ordinal) &&
                                       Regex.IsMatch(r.Arguments, @"--list-keys\b") &&
                                       Regex.IsMatch(r.Arguments, $@"\[\s[^\]]*{reference}[^\]]*\]")))
            errors.Add($"awscli stage: check that the keyring holds exactly {variable} (gpg --with-colons --list-keys, compared with [ ... ])");
        return reference;
    }

    /// <summary>The signature is downloaded and verified (status lines: VALIDSIG for the fingerprint) before the
    /// installer runs; the installer goes to the standard directories and the CLI reports the pinned version.</summary>
    private static void CheckInstall(DockerStage stage, string? versionToken, string? fingerprint, List<string> errors)
    {
        var runs = stage.All("RUN").ToList();
        if (!runs.Any(r => Regex.IsMatch(r.Arguments, @"(?:^|[;&|(]|\bthen|\bdo)\s*curl\s[^&;|)]*\.sig\b")))
            errors.Add("awscli stage: download the installer's .sig with curl");

        var verify = runs.FirstOrDefault(r => Regex.IsMatch(r.Arguments, @"\bgpg\b[^&;|]*--verify\s+\S*\.sig\b"));
        if (verify is null)
            errors.Add("awscli stage: gpg --verify the .sig against the zip");
        else
        {
            if (!Regex.IsMatch(verify.Arguments, @"\bgpg\b[^&;|]*--status-fd\s+\d[^&;|]*--verify\b"))
                errors.Add("awscli stage: gpg --verify needs --status-fd (its exit code alone accepts any key in the keyring)");
            if (fingerprint is not null && !Commands(verify.Arguments).Any(s => s.Contains("VALIDSIG", StringComparison.Ordinal) && Regex.IsMatch(s, fingerprint)))
                errors.Add("awscli stage: require a [GNUPG:] VALIDSIG status line for the trusted fingerprint");
        }

        var installs = runs.Where(r => Regex.IsMatch(r.Arguments, @"aws/install\b")).ToList();
        if (!installs.Any(r => r.Arguments.Contains($"--install-dir {InstallDir}", StringComparison.Ordinal) &&
                               Regex.IsMatch(r.Arguments, $@"--bin-dir {Regex.Escape(BinDir)}(\s|$)")))
            errors.Add($"awscli stage: run ./aws/install --install-dir {InstallDir} --bin-dir {BinDir}");
        foreach (var install in installs.Where(i => verify is null || i.Line < verify.Line))
            errors.Add($"awscli stage: RUN (line {install.Line}) runs the installer before its signature is verified");

        if (versionToken is not null && !runs.Any(r => VersionCheck(r, versionToken)))
            errors.Add("awscli stage: check that aws --version says aws-cli/<the pinned version>");
    }

    /// <summary>The runtime stage copies the installation from that stage, links /usr/local/bin/aws into it, and
    /// checks that the copy runs.</summary>
    private static void CheckRuntimeCopy(DockerfileModel file, DockerStage stage, List<string> errors)
    {
        var final = file.Final;
        var copies = final.All("COPY").Where(c => c.Flags.TryGetValue("from", out var from) && from == stage.Name).ToList();
        if (!copies.Any(c => c.Words.SkipWhile(w => w.StartsWith("--", StringComparison.Ordinal)).FirstOrDefault()?.StartsWith(InstallDir, StringComparison.Ordinal) is true))
            errors.Add($"runtime stage: COPY --from={stage.Name ?? "(unnamed stage)"} {InstallDir}... (the installed CLI)");
        var runs = final.All("RUN").ToList();
        if (!runs.Any(r => Regex.IsMatch(r.Arguments, $@"\bln\s+-s\S*\s+""?{Regex.Escape(InstallDir)}/\S*\s+{Regex.Escape(BinDir)}/aws(\s|$)")))
            errors.Add($"runtime stage: link {BinDir}/aws to the CLI under {InstallDir}");
        if (!runs.Any(r => r.Arguments.Contains("aws --version", StringComparison.Ordinal)))
            errors.Add("runtime stage: check that the copied CLI runs (aws --version)");
    }

    private static void CheckCurl(DockerInstruction run, List<string> errors)
    {
        foreach (Match curl in CurlCommand().Matches(run.Arguments))
        {
            var args = curl.Groups["args"].Value;
            if (!Regex.IsMatch(args, @"--proto\s+['""]?=https['""]?(\s|$)"))
                errors.Add($"RUN (line {run.Line}): curl needs --proto '=https' (no redirect to plain http)");
            if (!Regex.IsMatch(args, @"--tlsv1\.[23]\b"))
                errors.Add($"RUN (line {run.Line}): curl needs --tlsv1.2");
            if (!Regex.IsMatch(args, @"(^|\s)(-[A-Za-z]*f[A-Za-z]*|--fail)(\s|$)"))
                errors.Add($"RUN (line {run.Line}): curl needs -f (an HTTP error must fail the build, not be saved as the file)");
        }
    }

    private static void CheckRuntimeHasNoDownloadTools(DockerStage final, List<string> errors)
    {
        var packages = final.All("RUN").SelectMany(r => AptPackages().Matches(r.Arguments))
            .SelectMany(m => m.Groups["packages"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        foreach (var tool in DownloadTools.Where(packages.Contains))
            errors.Add($"runtime stage: {tool} belongs in the awscli stage (the runtime image needs no download or verification tools)");
    }

    private static bool VersionCheck(DockerInstruction run, string versionToken) =>
        run.Arguments.Contains("aws --version", StringComparison.Ordinal) && Regex.IsMatch(run.Arguments, "aws-cli/" + versionToken);

    /// <summary>A script's commands joined by <c>&amp;&amp;</c>, split where that is not quoted (an awk program's
    /// <c>&amp;&amp;</c> stays inside its command).</summary>
    public static IReadOnlyList<string> Commands(string script)
    {
        var commands = new List<string>();
        var start = 0;
        char? quote = null;
        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            if (quote is not null)
            {
                if (c == quote)
                    quote = null;
                else if (c == '\\' && quote == '"')
                    i++;
            }
            else if (c is '\'' or '"')
                quote = c;
            else if (c == '\\')
                i++;
            else if (c == '&' && i + 1 < script.Length && script[i + 1] == '&')
            {
                commands.Add(script[start..i].Trim());
                start = ++i + 1;
            }
        }
        commands.Add(script[start..].Trim());
        return commands;
    }

    private static string Text(DockerStage stage) =>
        string.Join('\n', stage.Instructions.Where(i => i.Keyword is "RUN" or "ARG" or "ENV").Select(i => i.Arguments));

    /// <summary>NAME for <c>$NAME</c> or <c>${NAME}</c>, else null (a literal).</summary>
    private static string? Variable(string token) =>
        Regex.Match(token, @"^\$\{?(\w+)\}?$") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"https://awscli\.amazonaws\.com/awscli-exe-linux-[^\s""']*")]
    private static partial Regex AnyInstallerUrl();

    [GeneratedRegex(@"^https://awscli\.amazonaws\.com/awscli-exe-linux-(?<arch>\$\{?\w+\}?|x86_64|aarch64)-(?<version>\$\{?\w+\}?|\d[\w.]*)\.zip$")]
    private static partial Regex PinnedInstallerUrl();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex ExactVersion();

    [GeneratedRegex(@"\bgpg\b[^&;|]*--import\s+(?<file>[^\s;&|]+)")]
    private static partial Regex GpgImport();

    [GeneratedRegex(@"\bGNUPGHOME=""?\$\(mktemp -d")]
    private static partial Regex ScratchHome();

    [GeneratedRegex(@"\b(?<name>\w+)=[""']?(?<fpr>[0-9A-Fa-f]{40})\b")]
    private static partial Regex FingerprintAssignment();

    [GeneratedRegex(@"(?:^|[;&|(]|\bthen|\bdo)\s*curl\s(?<args>[^&;|)]*)")]
    private static partial Regex CurlCommand();

    [GeneratedRegex(@"apt-get install(?<packages>[^&;|]*)")]
    private static partial Regex AptPackages();
}
