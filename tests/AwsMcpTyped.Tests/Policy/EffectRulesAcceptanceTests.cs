using System.Collections.Concurrent;
using System.Text.Json;
using AwsMcpTyped.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>
/// Acceptance table for "the policy judges what a command does, not how it is spelled" (rows in
/// <see cref="EffectRulesAcceptanceRows"/>): IAM-action rules and command rules against the s3 customizations,
/// PartiQL, batch writes, KMS, lifecycle, SQL through athena/rds-data/redshift-data, allow-lists by action coverage,
/// access classes from effects. Every row runs through the built awsmcp (exec, or one stdio MCP server per settings
/// group) against moto, and is then proven with the plain aws CLI: a refused command left its resource in place, an
/// allowed one had its effect. The whole table runs once (in parallel); each row is then its own test.
/// </summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class EffectRulesAcceptanceTests(MotoServer moto)
{
    private static readonly Lock Gate = new();
    private static Task<TableRun>? _run;

    public static TheoryData<string> Rows()
    {
        var data = new TheoryData<string>();
        foreach (var row in EffectRulesAcceptanceRows.All)
            data.Add(row.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Row(string description)
    {
        lock (Gate)
            _run ??= TableRun.RunAsync(moto.Endpoint);
        var run = await _run;
        var row = EffectRulesAcceptanceRows.All.Single(r => r.Id == description[..4]);
        var outcome = run.Outcomes[row.Id];
        var problems = new List<string>();
        var decided = row.Expect == "allowed" ? outcome.Decision is "allowed" or "consent-given" : outcome.Decision == row.Expect;
        if (!decided)
            problems.Add($"decision '{outcome.Decision}', expected '{row.Expect}'");
        foreach (var fragment in row.Fragments.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!outcome.Message.Contains(run.Expand(row, fragment), StringComparison.Ordinal))
                problems.Add($"the refusal does not contain \"{run.Expand(row, fragment)}\"");
        }
        problems.AddRange(await run.ProveAsync(row, outcome));
        Assert.True(problems.Count == 0, $"{row}\n  {string.Join("\n  ", problems)}\n  message: {outcome.Message.Trim()}");
    }

    internal sealed record Outcome(string Decision, string Message, string Output);

    internal sealed class TableRun(string endpoint)
    {
        private readonly string _tag = "acc" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6));
        private readonly string _workdir = Directory.CreateTempSubdirectory("accept-wd-").FullName;
        private readonly string _files = Directory.CreateTempSubdirectory("accept-files-").FullName;
        private readonly SemaphoreSlim _awsSlots = new(4, 4);
        private readonly ConcurrentDictionary<string, Task<ProcessRunner.Result>> _aws = new();
        private Dictionary<string, string> _keys = [];
        private string _recordingCli = "";

        public ConcurrentDictionary<string, Outcome> Outcomes { get; } = new();

        private string Table => _tag;

        private static IReadOnlyList<AcceptRow> AllRows => EffectRulesAcceptanceRows.All;

        public string Expand(AcceptRow row, string text) => text
            .Replace("{s3t}", $"s3://{_tag}-t/{row.Id}").Replace("{s3}", $"s3://{_tag}/{row.Id}").Replace("{sb}", _tag)
            .Replace("{b}", $"{_tag}-{row.Id}").Replace("{t}", Table).Replace("{key}", _keys.GetValueOrDefault(row.Id, "none"))
            .Replace("{k}", row.Id).Replace("{n}", row.Id + "-n").Replace("{f}", row.Id + ".txt").Replace("{d}", row.Id + "-dir")
            .Replace("{p}", $"/{_tag}/{row.Id}").Replace("{s}", $"{_tag}-{row.Id}").Replace("{id}", row.Id);

        public static async Task<TableRun> RunAsync(string endpoint)
        {
            var run = new TableRun(endpoint);
            await run.SetUpAsync();
            using var slots = new SemaphoreSlim(3, 3);
            var units = new List<Func<Task>>();
            units.AddRange(AllRows.Where(r => r.Via == "exec").Select(r => (Func<Task>)(() => run.ExecAsync(r))));
            units.AddRange(AllRows.Where(r => r.Via != "exec").GroupBy(r => r.Settings).Select(g => (Func<Task>)(() => run.McpAsync(g.Key, [.. g]))));
            await Task.WhenAll(units.Select(async unit =>
            {
                await slots.WaitAsync();
                try
                {
                    await unit();
                }
                finally
                {
                    slots.Release();
                }
            }));
            await Task.WhenAll(AllRows.Select(r => run.ProveAsync(r, run.Outcomes[r.Id]))); // the aws CLI checks, in parallel, cached
            return run;
        }

        private async Task SetUpAsync()
        {
            var shared = new Dictionary<string, string>();
            var buckets = new List<object> { new { name = _tag + "-t", objects = new Dictionary<string, string>() } };
            foreach (var row in AllRows)
            {
                var bucket = Expand(row, "{b}");
                if (row.Setup.Contains('B'))
                {
                    foreach (var (key, body) in new[] { ("k", $"data-{row.Id}"), ("dir/a", "a"), ("dir/b", "b") })
                        shared[$"{row.Id}/{key}"] = body;
                }
                if (row.Setup.Contains('R'))
                    buckets.Add(new { name = bucket, objects = new Dictionary<string, string> { ["k"] = $"data-{row.Id}" } });
                if (row.Setup.Contains('E'))
                    buckets.Add(new { name = bucket, objects = new Dictionary<string, string>() });
                if (row.Setup.Contains('F'))
                {
                    await File.WriteAllTextAsync(Path.Combine(_workdir, Expand(row, "{f}")), $"local-{row.Id}");
                    Directory.CreateDirectory(Path.Combine(_workdir, Expand(row, "{d}")));
                    await File.WriteAllTextAsync(Path.Combine(_workdir, Expand(row, "{d}"), "f1.txt"), "f1");
                }
                if (row.Setup.Contains('C'))
                    await File.WriteAllTextAsync(Path.Combine(_workdir, row.Id + ".json"), """{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}""");
            }
            buckets.Add(new { name = _tag, objects = shared });
            var spec = new
            {
                table = Table,
                buckets,
                items = AllRows.Where(r => r.Setup.Contains('I')).Select(r => r.Id),
                keys = AllRows.Where(r => r.Setup.Contains('K')).Select(r => r.Id),
                users = AllRows.Where(r => r.Setup.Contains('U')).Select(r => Expand(r, "{b}")),
                parameters = AllRows.Where(r => r.Setup.Contains('P')).Select(r => Expand(r, "{p}")),
            };
            var specPath = Path.Combine(_files, "setup.json");
            await File.WriteAllTextAsync(specPath, JsonSerializer.Serialize(spec));
            var script = Path.Combine(_files, "setup.py");
            await File.WriteAllTextAsync(script, SetupScript);
            var setup = await ProcessRunner.RunAsync("python3", [script, specPath]);
            Assert.True(setup.ExitCode == 0, "set-up failed: " + setup.Stderr);
            _keys = JsonSerializer.Deserialize<Dictionary<string, string>>(setup.Stdout)!;

            _recordingCli = Path.Combine(_files, "aws");
            await File.WriteAllTextAsync(_recordingCli,
                "#!/usr/bin/python3\nimport sys\nopen('aws-calls.log', 'a').write(' '.join(sys.argv[1:]) + '\\n')\nprint('{}')\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(_recordingCli, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            foreach (var (name, text) in EffectRulesAcceptanceRows.PolicyFiles)
                await File.WriteAllTextAsync(Path.Combine(_files, name), text);
        }

        private const string SetupScript = """
            import boto3, json, sys
            spec = json.load(open(sys.argv[1]))
            s3, ddb, kms = boto3.client('s3'), boto3.client('dynamodb'), boto3.client('kms')
            ddb.create_table(TableName=spec['table'], AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')
            for bucket in spec['buckets']:
                s3.create_bucket(Bucket=bucket['name'])
                for key, body in bucket['objects'].items():
                    s3.put_object(Bucket=bucket['name'], Key=key, Body=body.encode())
            for pk in spec['items']:
                ddb.put_item(TableName=spec['table'], Item={'pk': {'S': pk}, 'v': {'S': '1'}})
            for user in spec['users']:
                boto3.client('iam').create_user(UserName=user)
            for name in spec['parameters']:
                boto3.client('ssm').put_parameter(Name=name, Value='v1', Type='String')
            print(json.dumps({row: kms.create_key()['KeyMetadata']['KeyId'] for row in spec['keys']}))
            """;

        /// <summary>The environment of one settings group: the policy variables (unset ones empty), an audit file.</summary>
        private Dictionary<string, string?> Environment(string settings, string audit)
        {
            var values = settings.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "true");
            var consent = values.GetValueOrDefault("CONSENT", "off");
            var environment = new Dictionary<string, string?>
            {
                ["AWS_MCP_DENY"] = values.GetValueOrDefault("DENY", ""),
                ["AWS_MCP_ALLOW"] = values.GetValueOrDefault("ALLOW", ""),
                ["AWS_MCP_READ_ONLY"] = values.GetValueOrDefault("RO", ""),
                ["AWS_MCP_CONSENT"] = consent == "default" || values.ContainsKey("FILE") ? "" : consent,
                ["AWS_MCP_POLICY_FILE"] = values.TryGetValue("FILE", out var file) ? Path.Combine(_files, file) : "",
                ["AWS_MCP_AUDIT_LOG"] = audit,
                ["AWS_MCP_WORKDIR"] = _workdir,
                ["AWS_MAX_ATTEMPTS"] = "2",
                ["AWS_ENDPOINT_URL"] = endpoint,
            };
            if (values.TryGetValue("SERVICES", out var services))
                environment["AWS_MCP_SERVICES"] = services;
            if (values.ContainsKey("CLI"))
                environment["AWS_MCP_AWS_CLI"] = _recordingCli;
            return environment;
        }

        private async Task ExecAsync(AcceptRow row)
        {
            var audit = Path.Combine(_files, row.Id + ".audit.jsonl");
            string[] yes = row.Settings.Contains("YES") ? ["--yes"] : [];
            var result = await ProcessRunner.RunAwsmcpAsync(Environment(row.Settings, audit), ["exec", Expand(row, row.Command), .. yes]);
            var lines = File.Exists(audit) ? await File.ReadAllLinesAsync(audit) : [];
            Outcomes[row.Id] = Decide(lines, $"exit {result.ExitCode}\n{result.Stderr}\n{result.Stdout}", result.Stdout);
        }

        private async Task McpAsync(string settings, IReadOnlyList<AcceptRow> rows)
        {
            var audit = Path.Combine(_files, $"mcp-{rows[0].Id}.audit.jsonl");
            McpClient client;
            try
            {
                try
                {
                    client = await ServerProcess.ConnectAsync(Environment(settings, audit));
                }
                catch (Exception error) when (!error.Message.Contains("policy", StringComparison.OrdinalIgnoreCase))
                {
                    client = await ServerProcess.ConnectAsync(Environment(settings, audit)); // once more: a start-up under load failed once at initialize
                }
            }
            catch (Exception error)
            {
                foreach (var row in rows)
                    Outcomes[row.Id] = new Outcome("server-did-not-start", error.Message, "");
                return;
            }
            await using (client)
            {
                var seen = 0;
                foreach (var row in rows)
                {
                    string text;
                    try
                    {
                        var command = Expand(row, row.Command);
                        CallToolResult result;
                        if (row.Via == "tool")
                        {
                            var space = command.IndexOf(' ');
                            var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(command[(space + 1)..])!
                                .ToDictionary(a => a.Key, a => (object?)a.Value);
                            result = await client.CallToolAsync(command[..space], arguments);
                        }
                        else
                        {
                            result = await client.CallToolAsync("execute_command", new Dictionary<string, object?> { ["command"] = command });
                        }
                        text = (result.IsError == true ? "isError\n" : "") + string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
                    }
                    catch (Exception error)
                    {
                        text = "error: " + error.Message;
                    }
                    string[] lines = [];
                    for (var wait = 0; wait < 10 && lines.Length <= seen; wait++)
                    {
                        lines = File.Exists(audit) ? await File.ReadAllLinesAsync(audit) : [];
                        if (lines.Length <= seen)
                            await Task.Delay(100);
                    }
                    // A typed tool the policy withholds is not listed; calling it answers why and leaves a "denied" audit line.
                    Outcomes[row.Id] = Decide(lines.Skip(seen).ToArray(), text, text);
                    seen = Math.Max(seen, lines.Length);
                }
            }
        }

        /// <summary>The decision from the audit lines of one call (none: the call never reached the policy).</summary>
        private static Outcome Decide(string[] lines, string message, string output)
        {
            if (lines.Length == 0)
                return new Outcome("none", message, output);
            using var line = JsonDocument.Parse(lines[^1]);
            string Field(string name) => line.RootElement.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
            return new Outcome(Field("decision"), $"{message}\nrule: {Field("rule")}\nreason: {Field("reason")}", output);
        }

        private Task<ProcessRunner.Result> Aws(params string[] arguments) => _aws.GetOrAdd(string.Join('\u0001', arguments), async _ =>
        {
            await _awsSlots.WaitAsync();
            try
            {
                return await ProcessRunner.RunAsync("aws", arguments);
            }
            finally
            {
                _awsSlots.Release();
            }
        });

        private async Task<HashSet<string>> Words(params string[] arguments)
        {
            var result = await Aws(arguments);
            return result.ExitCode == 0 ? [.. result.Stdout.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)] : [];
        }

        private async Task<Dictionary<string, string>> ItemsAsync()
        {
            var scan = await Aws("dynamodb", "scan", "--table-name", Table, "--output", "json");
            Assert.True(scan.ExitCode == 0, scan.Stderr);
            using var document = JsonDocument.Parse(scan.Stdout);
            return document.RootElement.GetProperty("Items").EnumerateArray().ToDictionary(
                i => i.GetProperty("pk").GetProperty("S").GetString()!,
                i => i.TryGetProperty("v", out var v) ? v.GetProperty("S").GetString()! : "");
        }

        private async Task<string> AthenaQueriesAsync()
        {
            var ids = await Words("athena", "list-query-executions", "--query", "QueryExecutionIds", "--output", "text");
            var queries = await Task.WhenAll(ids.Where(id => id != "None").Select(id =>
                Aws("athena", "get-query-execution", "--query-execution-id", id, "--query", "QueryExecution.Query", "--output", "text")));
            return string.Join('\n', queries.Select(q => q.Stdout)); // (moto answers batch-get-query-execution with a 500)
        }

        /// <summary>The row's proof, checked with the plain aws CLI against moto: the problems found.</summary>
        public async Task<List<string>> ProveAsync(AcceptRow row, Outcome outcome)
        {
            var problems = new List<string>();
            var bucket = Expand(row, "{b}");
            foreach (var token in row.Proof.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var negated = token.StartsWith('!');
                var check = Expand(row, negated ? token[1..] : token);
                var colon = check.IndexOfAny([':', '=']);
                var (kind, argument) = colon < 0 ? (check, "") : (check[..colon], check[(colon + 1)..]);
                var holds = kind switch
                {
                    "bucket" => (await Words("s3api", "list-buckets", "--query", "Buckets[].Name", "--output", "text")).Contains(bucket + argument),
                    "obj" => (await Words("s3api", "list-objects-v2", "--bucket", _tag, "--query", "Contents[].Key", "--output", "text")).Contains($"{row.Id}/{argument}"),
                    "tobj" => (await Words("s3api", "list-objects-v2", "--bucket", _tag + "-t", "--query", "Contents[].Key", "--output", "text")).Contains($"{row.Id}/{argument}"),
                    "bobj" => (await Words("s3api", "list-objects-v2", "--bucket", bucket, "--query", "Contents[].Key", "--output", "text")).Contains(argument),
                    "item" => (await ItemsAsync()).TryGetValue(row.Id, out var v) && (argument == "" || v == argument),
                    "new" => (await ItemsAsync()).ContainsKey(row.Id + "-n"),
                    "key" => (await Words("kms", "describe-key", "--key-id", _keys[row.Id], "--query", "KeyMetadata.KeyState", "--output", "text")).Contains(argument),
                    "lifecycle" => (await Aws("s3api", "get-bucket-lifecycle-configuration", "--bucket", bucket)).ExitCode == 0,
                    "website" => (await Aws("s3api", "get-bucket-website", "--bucket", bucket)).ExitCode == 0,
                    "stack" => (await Aws("cloudformation", "describe-stacks", "--stack-name", Expand(row, "{s}"))).ExitCode == 0,
                    "athena" => (await AthenaQueriesAsync()).Contains("t_" + row.Id, StringComparison.Ordinal),
                    "called" => File.Exists(Path.Combine(_workdir, "aws-calls.log")) &&
                        (await File.ReadAllTextAsync(Path.Combine(_workdir, "aws-calls.log"))).Contains("t_" + row.Id, StringComparison.Ordinal),
                    "file" => File.Exists(Path.Combine(_workdir, argument)),
                    "out" => outcome.Output.Contains(argument, StringComparison.Ordinal),
                    "user" => (await Aws("iam", "get-user", "--user-name", bucket)).ExitCode == 0,
                    "param" => (await Words("ssm", "get-parameter", "--name", Expand(row, "{p}"), "--query", "Parameter.Value", "--output", "text")).Contains(argument),
                    _ => throw new InvalidOperationException($"unknown proof '{token}' in {row.Id}"),
                };
                if (holds == negated)
                    problems.Add($"proof failed: {token} ({(negated ? "the command had an effect it must not have" : "the expected state is not there")})");
            }
            return problems;
        }
    }
}
