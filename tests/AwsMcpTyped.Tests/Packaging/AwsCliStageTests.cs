using System.Text.RegularExpressions;

namespace AwsMcpTyped.Tests.Packaging;

/// <summary>The Dockerfile's AWS CLI v2 installer stage: pinned to the catalogue's version, verified against the AWS
/// CLI team's key, its tools kept out of the runtime image. Each rule catches its mistake: every bad sample is the real
/// Dockerfile with one edit ({version} and {fingerprint} in a sample stand for the pinned values).</summary>
public sealed class AwsCliStageTests
{
    private static AwsCliPins Pins => AwsCliPins.Repository;

    [Fact]
    public void The_pins_are_read_from_the_catalogue_and_the_key_file()
    {
        Assert.Matches(@"^2\.\d+\.\d+$", Pins.Version); // the catalogue's v2 generation, not v1's awscli
        // The fingerprint the AWS CLI user guide publishes for the AWS CLI team's key: the key file must be that key,
        // whatever the Dockerfile says (the rules tie the Dockerfile to the file).
        Assert.Equal("FB5DB77FD5C118B80511ADA8A6310ACC4672475C", Pins.KeyFingerprint);
        var named = Regex.Matches(PackagingFiles.Dockerfile, @"\bfingerprint=([0-9A-F]{40})\b").Select(m => m.Groups[1].Value).Distinct();
        Assert.Equal([Pins.KeyFingerprint], named);
    }

    [Theory]
    [InlineData("https://awscli.amazonaws.com/", "https://example.com/", "no stage downloads the official installer")]
    [InlineData("-${arch}-${AWS_CLI_VERSION}.zip", "-${arch}.zip", "must name an exact version")]
    [InlineData("ARG AWS_CLI_VERSION={version}", "ARG AWS_CLI_VERSION=2.0.0", "the catalogue was generated from AWS CLI v2")]
    [InlineData("ARG AWS_CLI_VERSION={version}", "ARG AWS_CLI_VERSION=2", "must be an exact version (major.minor.patch)")]
    [InlineData("ARG TARGETARCH\nARG AWS_CLI_VERSION\n", "ARG TARGETARCH\n", "is not declared in the stage")]
    [InlineData("arm64) arch=aarch64", "arm64) arch=arm64", "must follow ARG TARGETARCH")]
    [InlineData("runtime-deps:10.0-noble AS awscli", "runtime-deps:10.0-jammy AS awscli", "the runtime stage's base")]
    [InlineData("    && curl --proto '=https' --tlsv1.2 -fsSL -o awscli.zip.sig \"$url.sig\" \\\n", "", "download the installer's .sig")]
    [InlineData("--proto '=https' --tlsv1.2 -fsSL -o awscli.zip \"", "--tlsv1.2 -fsSL -o awscli.zip \"", "curl needs --proto '=https'")]
    [InlineData("--tlsv1.2 -fsSL -o awscli.zip.sig", "-fsSL -o awscli.zip.sig", "curl needs --tlsv1.2")]
    [InlineData("-fsSL -o awscli.zip \"", "-sSL -o awscli.zip \"", "curl needs -f")]
    [InlineData("COPY docker/aws-cli-public-key.asc", "COPY docker/other-key.asc", "COPY docker/aws-cli-public-key.asc")]
    [InlineData("--import aws-cli-public-key.asc", "--import /usr/share/keyrings/other.asc", "gpg --import the copied")]
    [InlineData("    && GNUPGHOME=\"$(mktemp -d)\" \\\n    && export GNUPGHOME \\\n", "", "scratch keyring")]
    [InlineData("fingerprint={fingerprint}", "fingerprint=0123456789ABCDEF0123456789ABCDEF01234567", "is not docker/aws-cli-public-key.asc's key")]
    [InlineData("fingerprint={fingerprint}", "fingerprint=\"$AWS_CLI_KEY\"", "name the fingerprint it trusts once")]
    [InlineData("if [ \"$keys\" != \"$fingerprint\" ]", "if [ -z \"$keys\" ]", "keyring holds exactly")]
    [InlineData("gpg --batch --status-fd 1 --verify", "gpg --batch --verify", "needs --status-fd")]
    [InlineData("$2 == \"VALIDSIG\"", "$2 == \"GOODSIG\"", "VALIDSIG status line")]
    [InlineData("--verify awscli.zip.sig awscli.zip", "awscli.zip", "gpg --verify the .sig")]
    [InlineData("--install-dir /usr/local/aws-cli --bin-dir", "--bin-dir", "run ./aws/install --install-dir /usr/local/aws-cli")]
    [InlineData("WORKDIR /tmp/awscli\n", "WORKDIR /tmp/awscli\nRUN ./aws/install --install-dir /usr/local/aws-cli --bin-dir /usr/local/bin\n", "before its signature is verified")]
    [InlineData("--bin-dir /usr/local/bin \\\n    && version=\"$(aws --version 2>&1)\"", "--bin-dir /usr/local/bin \\\n    && version=\"$(cat VERSION)\"", "aws --version says aws-cli/")]
    [InlineData("COPY --from=awscli", "COPY --from=build", "runtime stage: COPY --from=awscli")]
    [InlineData("    && ln -s /usr/local/aws-cli/v2/current/bin/aws /usr/local/bin/aws \\\n", "", "link /usr/local/bin/aws")]
    [InlineData("/usr/local/bin/aws_completer \\\n    && version=\"$(aws --version 2>&1)\"", "/usr/local/bin/aws_completer \\\n    && version=\"$(cat VERSION)\"", "the copied CLI runs")]
    [InlineData("--no-install-recommends jq bsdextrautils", "--no-install-recommends jq bsdextrautils curl", "runtime stage: curl belongs in the awscli stage")]
    [InlineData("--no-install-recommends jq bsdextrautils", "--no-install-recommends jq bsdextrautils gnupg", "runtime stage: gnupg belongs in the awscli stage")]
    [InlineData("--no-install-recommends jq bsdextrautils", "--no-install-recommends jq bsdextrautils unzip", "runtime stage: unzip belongs in the awscli stage")]
    public void Each_rule_catches_its_mistake(string find, string replace, string expected)
    {
        var real = PackagingFiles.Dockerfile;
        find = Fill(find);
        // Exactly once: otherwise the edit would change nothing (and prove nothing) or be more than one edit.
        Assert.Single(Regex.Matches(real, Regex.Escape(find)));
        var errors = DockerfileRules.Check(DockerfileModel.Parse(real.Replace(find, Fill(replace))), Pins);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Arg_values_come_from_the_stage_or_the_global_default()
    {
        var file = DockerfileModel.Parse("ARG V=1\nFROM a:1 AS x\nARG V\nFROM b:1 AS y\nARG V=\"2\"\nFROM c:1\nRUN echo $V\n");
        Assert.Equal("1", file.ArgValue(file.Stages[0], "V"));
        Assert.Equal("2", file.ArgValue(file.Stages[1], "V"));
        Assert.Null(file.ArgValue(file.Stages[2], "V")); // not declared there: expands to nothing
    }

    [Fact]
    public void Commands_split_on_unquoted_and_only()
    {
        var commands = AwsCliStageRules.Commands("a && awk '$1 == \"x\" && $2 == \"y\"' file && echo \"p && q\"");
        Assert.Equal(["a", "awk '$1 == \"x\" && $2 == \"y\"' file", "echo \"p && q\""], commands);
    }

    [Fact]
    public void Primary_fingerprints_skip_subkeys()
    {
        const string listing = "pub:-:4096:1:AAAA:1::::::scSC:\nfpr:::::::::" + "1111111111111111111111111111111111111111:\n" +
                               "uid:-::::1::X::Someone::\nsub:-:4096:1:BBBB:1::::::s:\nfpr:::::::::" + "2222222222222222222222222222222222222222:\n";
        Assert.Equal(["1111111111111111111111111111111111111111"], AwsCliPins.PrimaryFingerprints(listing));
    }

    private static string Fill(string sample) =>
        sample.Replace("{version}", Pins.Version, StringComparison.Ordinal).Replace("{fingerprint}", Pins.KeyFingerprint, StringComparison.Ordinal);
}
