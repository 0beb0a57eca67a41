using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Policy;
using AwsMcpTyped.Policy.Audit;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>
/// The world the region/profile rows run in: a config file and a credentials file whose profiles each name a
/// different region, a wrapper that runs the AWS CLI v2 at /opt/awscli-v2, and the way to read back where moto put a
/// bucket. Every region and profile a row can end up with is distinct, so the bucket's location says which source won.
/// </summary>
public sealed class RegionProfileWorld : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("regionprofile-").FullName;

    public RegionProfileWorld()
    {
        ConfigFile = Path.Combine(_directory, "config");
        CredentialsFile = Path.Combine(_directory, "credentials");
        File.WriteAllText(ConfigFile, """
            [default]
            region = eu-north-1
            [profile alpha]
            region = eu-west-1
            [profile beta]
            region = ap-southeast-2
            [profile gamma]
            output = json
            """);
        // Credentials in every profile (a --profile makes the CLI ignore the variables' keys); beta's region here
        // overrides the config file's, as botocore merges the two files; delta lives in this file only.
        var keys = "aws_access_key_id = testing\naws_secret_access_key = testing\n";
        File.WriteAllText(CredentialsFile, $"[default]\n{keys}[alpha]\n{keys}[beta]\n{keys}region = sa-east-1\n[gamma]\n{keys}[delta]\n{keys}region = us-east-2\n");
        V2Cli = Path.Combine(_directory, "aws");
        File.WriteAllText(V2Cli, "#!/bin/sh\nPYTHONPATH=/opt/awscli-v2/usr/lib/python3/dist-packages exec /usr/bin/python3 /opt/awscli-v2/usr/bin/aws \"$@\"\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(V2Cli, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string ConfigFile { get; }
    public string CredentialsFile { get; }

    /// <summary>Runs the AWS CLI v2 (which ignores AWS_ENDPOINT_URL: its commands get --endpoint-url).</summary>
    public string V2Cli { get; }

    /// <summary>Every region a row can be judged in, and every profile.</summary>
    public static readonly string[] Regions =
        ["us-west-2", "eu-central-1", "eu-north-1", "eu-west-1", "sa-east-1", "ap-southeast-2", "us-east-2", "ap-northeast-1", "ca-central-1", "us-east-1"];

    public static readonly string[] Profiles = ["default", "alpha", "beta", "gamma", "delta"];

    /// <summary>Where moto put the bucket (us-east-1 for an empty constraint), or null when there is no such bucket.</summary>
    public static async Task<string?> BucketRegionAsync(MotoServer moto, string bucket)
    {
        using var http = new HttpClient();
        var response = await http.GetAsync($"{moto.Endpoint}/{bucket}?location");
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        var location = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Value;
        return location.Length == 0 ? "us-east-1" : location;
    }

    /// <summary>The last line of an audit file, as JSON.</summary>
    public static JsonElement LastAudit(string path) => JsonDocument.Parse(File.ReadAllLines(path)[^1]).RootElement;

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

/// <summary>
/// One row: the CLI version, the environment (<c>R</c> AWS_REGION, <c>DR</c> AWS_DEFAULT_REGION, <c>P</c> AWS_PROFILE,
/// <c>DP</c> AWS_DEFAULT_PROFILE, <c>NOCONFIG</c>: no config file), the call's own <c>CR</c> region and <c>CP</c>
/// profile, <c>OPT</c>: options in the command; then the region ("-": none) and profile we must judge.
/// </summary>
public sealed record RegionProfileCase(int Cli, string Settings, string Region, string Profile)
{
    private Dictionary<string, string> Values { get; } = Settings.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1] : "");

    public string? ExpectedRegion => Region == "-" ? null : Region;

    /// <summary>Where the bucket must be: the judged region, or us-east-1 where s3 goes without one.</summary>
    public string BucketRegion => ExpectedRegion ?? "us-east-1";

    public string? CallRegion => Values.GetValueOrDefault("CR");
    public string? CallProfile => Values.GetValueOrDefault("CP");

    /// <summary>The aws stage's environment: the four variables as the row says (absent ones removed), the world's files.</summary>
    public Dictionary<string, string?> Environment(RegionProfileWorld world) => new()
    {
        ["AWS_REGION"] = Values.GetValueOrDefault("R"),
        ["AWS_DEFAULT_REGION"] = Values.GetValueOrDefault("DR"),
        ["AWS_PROFILE"] = Values.GetValueOrDefault("P"),
        ["AWS_DEFAULT_PROFILE"] = Values.GetValueOrDefault("DP"),
        ["AWS_CONFIG_FILE"] = Values.ContainsKey("NOCONFIG") ? world.ConfigFile + ".absent" : world.ConfigFile,
        ["AWS_SHARED_CREDENTIALS_FILE"] = world.CredentialsFile,
    };

    public string Command(string bucket, MotoServer moto) =>
        $"aws s3 mb s3://{bucket}" + (Values.GetValueOrDefault("OPT") is { } options ? " " + options : "") +
        (Cli == 2 ? $" --endpoint-url {moto.Endpoint}" : "");

    /// <summary>Deny rules for every region and profile but the expected ones: the command runs only when judged right.</summary>
    public string DenyAllButExpected() => string.Join(',',
        (ExpectedRegion is null ? [] : RegionProfileWorld.Regions.Where(r => r != ExpectedRegion).Select(r => $"*@region={r}"))
        .Concat(RegionProfileWorld.Profiles.Where(p => p != Profile).Select(p => $"*@profile={p}")));

    public CommandExecutor Executor(RegionProfileWorld world, string deny, AuditLog audit)
    {
        var variables = new Dictionary<string, string?> { [PolicyEnvironment.DenyVariable] = deny, [PolicyEnvironment.ConsentVariable] = "off" };
        var safety = PolicyEnvironment.Read(name => variables.GetValueOrDefault(name));
        var cli = Cli == 2 ? new AwsCliInstallation(world.V2Cli) : AwsCliV1.Installation;
        return new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default with { Safety = safety }, cli,
            audit: audit, awsEnvironment: Environment(world));
    }

    public override string ToString() => $"v{Cli} {Settings} => {Region}/{Profile}";
}
