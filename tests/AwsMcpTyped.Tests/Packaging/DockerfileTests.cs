namespace AwsMcpTyped.Tests.Packaging;

/// <summary>The Dockerfile passes the static rules (no Docker engine here; hadolint runs in GitHub CI), and each rule
/// catches the mistake it is for: every bad sample is the real Dockerfile with one edit. The AWS CLI installer stage's
/// rules are in <see cref="AwsCliStageTests"/>.</summary>
public sealed class DockerfileTests
{
    private static AwsCliPins Pins => AwsCliPins.Repository;

    [Fact]
    public void Dockerfile_passes_every_rule()
    {
        var errors = DockerfileRules.Check(DockerfileModel.Parse(PackagingFiles.Dockerfile), Pins);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Stages_are_read_with_names_images_and_joined_continuations()
    {
        var file = DockerfileModel.Parse(PackagingFiles.Dockerfile);
        Assert.Equal(["build", "awscli", "runtime"], file.Stages.Select(s => s.Name));
        Assert.StartsWith("mcr.microsoft.com/dotnet/runtime-deps:10.0", file.Final.Image);
        var runs = file.Stages[0].All("RUN").ToList();
        Assert.Equal(2, runs.Count);
        Assert.Contains("gcc", runs[0].Arguments); // the sandbox launcher's compiler, for the target architecture
        var publish = runs[1];
        Assert.Contains("dotnet publish src/AwsMcpTyped.Cli", publish.Arguments);
        Assert.Contains("-p:SandboxCompiler=target-cc", publish.Arguments);
        Assert.Contains("test -x /app/awsmcp-sandbox", publish.Arguments);
        Assert.Contains("-p:PublishReadyToRun=true", publish.Arguments);
        Assert.Contains("--self-contained true", publish.Arguments);
        Assert.Contains("-p:PublishReadyToRunComposite=true", publish.Arguments);
        // AWS CLI v2 carries its own Python: the runtime stage installs none, and PATH no longer names the v1 venv.
        var final = string.Join('\n', file.Final.Instructions.Select(i => i.Arguments));
        Assert.DoesNotContain("python3", final);
        Assert.DoesNotContain("/opt/awscli", final);
    }

    [Theory]
    [InlineData("USER 10001:10001\n", "", "must switch to a non-root user")]
    [InlineData("USER 10001:10001", "USER root", "must not be root")]
    [InlineData("CMD [\"serve\"]", "CMD [\"serve\"]\nUSER 10001", "must come before ENTRYPOINT")]
    [InlineData("runtime-deps:10.0-noble AS runtime", "runtime-deps:latest AS runtime", "never latest")]
    [InlineData("runtime-deps:10.0-noble AS runtime", "aspnet:10.0-noble AS runtime", "must be mcr.microsoft.com/dotnet/runtime-deps:10.0")]
    [InlineData("runtime-deps:10.0-noble AS runtime", "runtime-deps AS runtime", "pin a tag")]
    [InlineData("sdk:10.0-noble AS build", "sdk:10.0-noble", "needs a name")]
    [InlineData("install -y --no-install-recommends", "install -y", "--no-install-recommends")]
    [InlineData("\\\n    && rm -rf /var/lib/apt/lists/*", "", "/var/lib/apt/lists")]
    [InlineData("jq bsdextrautils", "bsdextrautils", "must install jq")]
    [InlineData("ENTRYPOINT [\"/app/awsmcp\"]", "ENTRYPOINT /app/awsmcp", "exec form")]
    [InlineData("ENTRYPOINT [\"/app/awsmcp\"]", "ENTRYPOINT [\"dotnet\", \"/app/awsmcp.dll\"]", "exec form")]
    [InlineData("CMD [\"serve\"]", "CMD serve", "CMD: must be the exec form")]
    [InlineData("COPY --from=build", "COPY --from=builder", "names no earlier stage")]
    [InlineData("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]", "RUN echo hi | cat", "pipes need SHELL")]
    [InlineData("useradd -l --uid 10001", "useradd --uid 10001", "pass -l")]
    [InlineData("useradd -l --uid 10001", "useradd -l", "fixed --uid")]
    [InlineData("    AWS_MCP_WORKDIR=/home/awsmcp/work \\\n", "", "ENV AWS_MCP_WORKDIR")]
    [InlineData("install -d -o awsmcp -g awsmcp -m 0700 /home/awsmcp/work", "true", "no RUN creates it")]
    [InlineData("EXPOSE 8000", "EXPOSE 8080", "EXPOSE 8000")]
    [InlineData("licenses=\"MIT\"", "licenses=\"GPL\"", "licenses")]
    [InlineData("COPY --from=build /app /app", "ADD . /app", "use COPY")]
    public void Each_rule_catches_its_mistake(string find, string replace, string expected)
    {
        var real = PackagingFiles.Dockerfile;
        Assert.Contains(find, real); // otherwise the edit would change nothing and the test would prove nothing
        var errors = DockerfileRules.Check(DockerfileModel.Parse(real.Replace(find, replace)), Pins);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_stage_file_is_refused()
    {
        var errors = DockerfileRules.Check(DockerfileModel.Parse("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCMD [\"serve\"]\n"), Pins);
        Assert.Contains(errors, e => e.StartsWith("multi-stage", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("**/bin/")]
    [InlineData("**/obj/")]
    [InlineData(".git/")]
    [InlineData("artifacts/")]
    [InlineData("**/node_modules/")]
    public void Dockerignore_keeps_build_outputs_and_git_out(string pattern) =>
        Assert.Contains(pattern, PackagingFiles.DockerIgnore.Split('\n').Select(l => l.Trim()));

    [Fact]
    public void Dockerignore_keeps_what_the_build_needs()
    {
        // The catalogue and suggest index are generated at build time from these.
        var lines = PackagingFiles.DockerIgnore.Split('\n').Select(l => l.Trim().TrimEnd('/')).ToHashSet();
        foreach (var needed in new[] { "src", "generators", "botocore-data", "Directory.Build.props", "Directory.Packages.props", "*" })
            Assert.DoesNotContain(needed, lines);
    }
}
