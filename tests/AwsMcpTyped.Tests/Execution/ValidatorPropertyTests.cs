using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Execution.Running;
using AwsMcpTyped.Execution.Syntax;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Tests.Execution;

/// <summary>
/// Property tests with our own seeded generator (FsCheck is not needed for this): thousands of random command lines,
/// built from command fragments, shell metacharacters and raw random characters, go through the executor with a
/// recording runner in place of processes. Properties: nothing throws; the runner is reached exactly when the
/// validator accepts; what reaches it starts with aws, names only allowed filters and no denied options; a line with
/// an unquoted shell operator never reaches it; and accepted pipelines re-validate to the same argv (stable quoting).
/// </summary>
public sealed class ValidatorPropertyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Fragments =
    [
        "aws", "aws", "aws", "s3", "ls", "s3api", "list-buckets", "ec2", "describe-instances", "describe-regions", "lambda", "invoke",
        "--query", "'Buckets[].Name'", "\"Regions[*].RegionName\"", "--output", "text", "json", "yaml", "table", "--region", "us-east-1",
        "--region=eu-west-1", "--instance-ids", "i-1", "i-2", "--max-items", "10", "abc", "--filters", "Name=x,Values=y", "--bucket", "b",
        "|", "|", "jq", "-r", "'.Buckets[].Name'", "'.[] | .x'", "sort", "-r", "uniq", "-c", "head", "-n", "5", "grep", "-v", "x", "wc", "-l",
        "awk", "'{print $1}'", "'{system(\"id\")}'", "sed", "'s/a/b/'", "'e id'", "tr", "a", "b", "cut", "-f1", "column", "-t",
        ";", "&&", "||", "&", ">", ">>", "<", "2>&1", "$(id)", "`id`", "$HOME", "${X}", "<(x)", "#", "(", ")", "\\", "\n", "'", "\"",
        "sh", "bash", "python3", "-c", "rm", "-rf", "/", "xargs", "tee", "out.txt", "curl", "env", "cat", "/etc/passwd",
        "--debug", "--no-verify-ssl", "--no-sign-request", "--endpoint-url", "http://127.0.0.1:1", "http://169.254.169.254",
        "configure", "get", "set", "list", "history", "show", "wait", "instance-running", "help", "emr", "ssh", "--cli-input-json", "{}",
    ];

    /// <summary>Valid commands that mutations start from, so many generated lines are close to valid.</summary>
    private static readonly string[] Seeds =
    [
        "aws s3 ls", "aws s3api list-buckets --query 'Buckets[].Name' --output text", "aws ec2 describe-instances --region us-west-2",
        "aws --region=eu-west-1 lambda list-functions", "aws s3api list-buckets | jq -r '.Buckets[].Name' | sort",
        "aws ec2 describe-regions --query 'Regions[*].RegionName' --output text | grep east | sort",
        "aws ec2 describe-instances --instance-ids i-1 i-2 --max-items 10", "aws s3api list-buckets | awk '{print $1}' | head -n 5",
        "aws s3api list-buckets | sed 's/a/b/' | wc -l", "aws s3 cp s3://b/k -", "aws dynamodb list-tables --output table",
        "aws sts get-caller-identity", "aws iam list-users | jq '.Users | length'", "aws s3api list-objects-v2 --bucket b --prefix x/",
    ];
    private static readonly string[] DeniedOptions = ["--debug", "--no-verify-ssl", "--no-sign-request"];

    [Fact]
    public async Task Random_command_lines_never_reach_the_launcher_unless_valid()
    {
        var random = new Random(20261122);
        var runner = new RecordingRunner();
        var executor = new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default, new AwsCliInstallation("/bin/false"), runner);
        var validator = new CommandValidator(await executor.CatalogueAsync(), ExecutionPolicy.Default); // the version the executor validates for
        int accepted = 0, total = 0;

        for (var i = 0; i < 10_000; i++)
        {
            var line = (i % 3) switch { 0 => Mutate(random), 1 => FromFragments(random), _ => RandomCharacters(random) };
            var hasUnquotedOperator = UnquotedOperator(line);
            total++;
            runner.Last = null;
            var result = await executor.ExecuteAsync(line); // must not throw
            var (validated, _) = validator.Validate(line, ExecutionPolicy.Default.DefaultTimeoutSeconds);

            Assert.Equal(validated is not null, runner.Last is not null);
            if (runner.Last is null)
            {
                Assert.Equal(ExecutionStatus.Rejected, result.Status);
                continue;
            }
            accepted++;
            Assert.False(hasUnquotedOperator, $"reached the runner with a shell operator: {line}");
            var stages = runner.Last.Stages;
            Assert.True(stages[0].IsAws && stages[0].Program == "aws", line);
            Assert.DoesNotContain(stages[0].Arguments, a => DeniedOptions.Any(d => a == d || a.StartsWith(d + "=", StringComparison.Ordinal)));
            Assert.All(stages.Skip(1), s => Assert.Contains(s.Program, new[] { "jq", "grep", "sort", "head", "tail", "wc", "cut", "uniq", "tr", "awk", "sed", "column" }));

            // Quoting the accepted argv back into a line validates to exactly the same argv.
            var again = validator.Validate(validated!.Pipeline.ToString(), ExecutionPolicy.Default.DefaultTimeoutSeconds).Command;
            Assert.NotNull(again);
            Assert.Equal(validated.Pipeline.Stages.Select(s => string.Join('\0', s)), again.Pipeline.Stages.Select(s => string.Join('\0', s)));
        }
        output.WriteLine($"{total} random command lines, {accepted} accepted and launched (recorded), {total - accepted} rejected");
        Assert.True(accepted > 700, $"only {accepted} of {total} random lines were valid: the generator is too weak to test acceptance");
    }

    private static string Mutate(Random random)
    {
        var words = Seeds[random.Next(Seeds.Length)].Split(' ').ToList();
        for (var m = random.Next(0, 4); m > 0; m--)
        {
            var position = random.Next(words.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    words.Insert(position, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1 when position < words.Count:
                    words[position] = Fragments[random.Next(Fragments.Length)];
                    break;
                case 2 when words.Count > 1 && position < words.Count:
                    words.RemoveAt(position);
                    break;
                default:
                    words.AddRange(["|", Fragments[random.Next(Fragments.Length)]]);
                    break;
            }
        }
        return string.Join(' ', words);
    }

    private static string FromFragments(Random random)
    {
        var words = new List<string> { "aws" };
        for (var i = random.Next(1, 12); i > 0; i--)
            words.Add(Fragments[random.Next(Fragments.Length)]);
        return string.Join(random.Next(5) == 0 ? "" : " ", words);
    }

    /// <summary>An independent, deliberately simple oracle: is there a character a shell would act on outside quotes?</summary>
    private static bool UnquotedOperator(string line)
    {
        var state = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var next = i + 1 < line.Length ? line[i + 1] : '\0';
            var expansion = c == '$' && (next is '(' or '{' || char.IsAsciiLetter(next));
            switch (state)
            {
                case '\'':
                    if (c == '\'')
                        state = '\0';
                    break;
                case '"':
                    if (c == '\\')
                        i++;
                    else if (c == '"')
                        state = '\0';
                    else if (c == '`' || expansion)
                        return true;
                    break;
                default:
                    if (c == '\\' && next != '\n')
                        i++;
                    else if (c is '\'' or '"')
                        state = c;
                    else if (";&<>()`\n".Contains(c) || expansion)
                        return true;
                    break;
            }
        }
        return false;
    }

    private static string RandomCharacters(Random random)
    {
        var length = random.Next(0, 60);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = random.Next(10) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x80, 0x3000),
                _ => (char)random.Next(32, 127),
            };
        return random.Next(2) == 0 ? "aws " + new string(chars) : new string(chars);
    }

    /// <summary>Stands in for the process runner: records what would have been launched.</summary>
    private sealed class RecordingRunner : IPipelineRunner
    {
        public PipelineRequest? Last { get; set; }

        /// <summary>As if contained, so awk, sed and jq reach the runner whenever the validator accepts them.</summary>
        public AwsMcpTyped.Sandbox.Containment Containment { get; } = new(AwsMcpTyped.Sandbox.ContainmentMechanism.Landlock, "a recording runner");

        public Task<PipelineOutcome> RunAsync(PipelineRequest request, CancellationToken cancellationToken)
        {
            Last = request;
            var stages = request.Stages.Select(s => new StageOutcome(s.Program, 0, "", false)).ToList();
            return Task.FromResult(new PipelineOutcome("", 0, stages, false, false, TimeSpan.FromMilliseconds(1)));
        }
    }
}
