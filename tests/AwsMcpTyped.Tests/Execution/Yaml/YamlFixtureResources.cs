using System.Text.Json;

namespace AwsMcpTyped.Tests.Execution.Yaml;

/// <summary>Varied moto resources for the YAML comparisons (created with the real v1 CLI), and the read commands that
/// print them: nested maps and lists, empty lists and maps, numbers, booleans, nulls, timestamps, JSON policy
/// documents, and strings YAML must quote or fold.</summary>
internal sealed class YamlFixtureResources
{
    /// <summary>Parameter values that each need a different YAML scalar style or escape.</summary>
    public static readonly string[] TrickyValues =
    [
        "a: b", "- x", "'quoted'", "\"dq\"", " leading", "trailing ", "yes", "no", "null", "~", "1e3", "0x1F", "007", "true",
        "2024-01-02", "multi\nline\ntext\n", "ünïcödé 日本語 😀", "#hash", "key:", "tab\there", "back\\slash", "? q", "@at", "=",
        string.Join(' ', Enumerable.Repeat("a long line of words that has to fold", 4)),
        new string('x', 120), "  two  spaces  ", "line one\n  indented line two", "{\"json\": [1, 2]}", "% percent", "!tag", "*star", "&amp",
    ];

    private string _vpc = "", _subnet = "", _group = "", _instance = "", _queueUrl = "";

    public async Task CreateAsync(YamlCliPair cli, string p)
    {
        async Task<string> Aws(params string[] arguments)
        {
            var result = await cli.V1Async([.. arguments, "--output", "json"]);
            Assert.True(result.ExitCode == 0, string.Join(' ', arguments) + ": " + result.Stderr);
            return result.Stdout;
        }
        static string Path(string json, params string[] names)
        {
            var element = JsonDocument.Parse(json).RootElement;
            foreach (var name in names)
                element = int.TryParse(name, out var index) ? element[index] : element.GetProperty(name);
            return element.GetString()!;
        }

        await Aws("s3api", "create-bucket", "--bucket", p + "-bucket");
        await Aws("s3api", "put-bucket-tagging", "--bucket", p + "-bucket", "--tagging",
            """{"TagSet":[{"Key":"env","Value":"yes"},{"Key":"empty","Value":""},{"Key":"colon","Value":"a: b"},{"Key":"ünï","Value":"日本"}]}""");
        await Aws("s3api", "put-bucket-policy", "--bucket", p + "-bucket", "--policy",
            $$"""{"Version":"2012-10-17","Statement":[{"Sid":"ReadAll","Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::{{p}}-bucket","arn:aws:s3:::{{p}}-bucket/*"]}]}""");

        _vpc = Path(await Aws("ec2", "create-vpc", "--cidr-block", "10.42.0.0/16", "--tag-specifications",
            $"ResourceType=vpc,Tags=[{{Key=Name,Value={p} vpc}},{{Key=note,Value=no}}]"), "Vpc", "VpcId");
        _subnet = Path(await Aws("ec2", "create-subnet", "--vpc-id", _vpc, "--cidr-block", "10.42.1.0/24"), "Subnet", "SubnetId");
        _group = Path(await Aws("ec2", "create-security-group", "--group-name", p + "-sg", "--description", "yaml: test group", "--vpc-id", _vpc), "GroupId");
        await Aws("ec2", "authorize-security-group-ingress", "--group-id", _group, "--protocol", "tcp", "--port", "443", "--cidr", "10.0.0.0/8");
        var image = Path(await Aws("ec2", "describe-images", "--owners", "amazon", "--max-items", "1"), "Images", "0", "ImageId");
        _instance = Path(await Aws("ec2", "run-instances", "--image-id", image, "--instance-type", "t3.micro", "--subnet-id", _subnet,
            "--security-group-ids", _group, "--tag-specifications", $"ResourceType=instance,Tags=[{{Key=Name,Value={p}}}]"), "Instances", "0", "InstanceId");

        await Aws("iam", "create-user", "--user-name", p + "-user", "--path", "/yaml/team/", "--tags", "Key=owner,Value=~");
        await Aws("iam", "create-role", "--role-name", p + "-role", "--path", "/service-role/", "--description", "Role: for 'yaml' \"tests\"",
            "--assume-role-policy-document", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""");
        await Aws("iam", "put-role-policy", "--role-name", p + "-role", "--policy-name", "inline",
            "--policy-document", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""");

        await Aws("dynamodb", "create-table", "--table-name", p + "-table", "--attribute-definitions", "AttributeName=pk,AttributeType=S",
            "--key-schema", "AttributeName=pk,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST");
        await Aws("dynamodb", "put-item", "--table-name", p + "-table", "--item",
            """{"pk":{"S":"item: 1"},"n":{"N":"12345678901234567890"},"f":{"N":"-1.5e-7"},"b":{"B":"aGVsbG8="},"t":{"BOOL":true},"nul":{"NULL":true},"m":{"M":{"inner":{"S":"yes"},"e":{"M":{}}}},"l":{"L":[{"S":""},{"N":"0"},{"L":[]}]},"ss":{"SS":["no","~","null"]},"ns":{"NS":["1","2.5"]},"bs":{"BS":["AAE="]},"u":{"S":"日本語 😀"}}""");
        await Aws("dynamodb", "put-item", "--table-name", p + "-table", "--item", """{"pk":{"S":"second"},"multi":{"S":"a\nb\n"}}""");

        _queueUrl = Path(await Aws("sqs", "create-queue", "--queue-name", p + "-queue", "--attributes",
            "DelaySeconds=5,MaximumMessageSize=2048,VisibilityTimeout=45"), "QueueUrl");
        await Aws("sqs", "tag-queue", "--queue-url", _queueUrl, "--tags", "team=yes,empty=");

        for (var i = 0; i < TrickyValues.Length; i++)
            await Aws("ssm", "put-parameter", "--name", $"/{p}/v{i:00}", "--type", "String", "--value", TrickyValues[i], "--description", $"value {i}: tricky");
        await Aws("ssm", "put-parameter", "--name", $"/{p}/list", "--type", "StringList", "--value", "a,b, c");
    }

    /// <summary>Read commands (without --output) and whether to compare yaml-stream instead of yaml.</summary>
    public IReadOnlyList<(string[] Command, bool Streamed)> Commands(string p)
    {
        var names = Enumerable.Range(0, TrickyValues.Length).Select(i => $"/{p}/v{i:00}").ToArray();
        return
        [
            (["s3api", "get-bucket-tagging", "--bucket", p + "-bucket"], false),
            (["s3api", "get-bucket-policy", "--bucket", p + "-bucket"], false),
            (["s3api", "list-buckets", "--query", $"Buckets[?Name=='{p}-bucket']"], false),
            (["s3api", "get-bucket-location", "--bucket", p + "-bucket"], false),
            (["ec2", "describe-vpcs", "--vpc-ids", _vpc], false),
            (["ec2", "describe-subnets", "--subnet-ids", _subnet], false),
            (["ec2", "describe-security-groups", "--group-ids", _group], false),
            (["ec2", "describe-instances", "--instance-ids", _instance], false),
            (["ec2", "describe-vpcs", "--vpc-ids", _vpc, "--query", "Vpcs[0].IsDefault"], false),
            (["ec2", "describe-instances", "--instance-ids", _instance, "--query", "Reservations[].Instances[].[InstanceId, State.Code, Tags]"], false),
            (["iam", "get-user", "--user-name", p + "-user"], false),
            (["iam", "list-users", "--path-prefix", "/yaml/team/"], false),
            (["iam", "get-role", "--role-name", p + "-role"], false),
            (["iam", "get-role-policy", "--role-name", p + "-role", "--policy-name", "inline"], false),
            (["iam", "list-attached-role-policies", "--role-name", p + "-role"], false),
            (["dynamodb", "describe-table", "--table-name", p + "-table"], false),
            (["dynamodb", "get-item", "--table-name", p + "-table", "--key", """{"pk":{"S":"item: 1"}}"""], false),
            (["dynamodb", "scan", "--table-name", p + "-table"], false),
            (["dynamodb", "describe-table", "--table-name", p + "-table", "--query", "Table.ItemCount"], false),
            (["dynamodb", "describe-table", "--table-name", p + "-table", "--query", "Table.NoSuchField"], false),
            (["sqs", "get-queue-attributes", "--queue-url", _queueUrl, "--attribute-names", "All"], false),
            (["sqs", "list-queue-tags", "--queue-url", _queueUrl], false),
            (["ssm", "get-parameters", "--names", .. names[..10]], false),
            (["ssm", "get-parameters", "--names", .. names[10..20]], false),
            (["ssm", "get-parameters", "--names", .. names[20..30]], false),
            (["ssm", "get-parameters", "--names", .. names[30..]], false),
            (["ssm", "get-parameters", "--names", .. names[..10], "--query", "Parameters[].Value"], false),
            (["ssm", "get-parameter", "--name", names[15], "--query", "Parameter.Value"], false),
            (["ssm", "get-parameter", "--name", names[16], "--query", "Parameter.Value"], false),
            (["ssm", "get-parameter", "--name", $"/{p}/list"], false),
            (["ssm", "get-parameters", "--names", .. names[20..30], "--query", "Parameters[].{N: Name, V: Value, Len: length(Value)}"], false),
            (["ssm", "describe-parameters", "--parameter-filters", $"Key=Name,Option=BeginsWith,Values=/{p}/v0"], false),
            (["sts", "get-caller-identity"], false),
            (["ssm", "get-parameters", "--names", .. names[..10]], true),
            (["dynamodb", "get-item", "--table-name", p + "-table", "--key", """{"pk":{"S":"item: 1"}}"""], true),
            (["ssm", "get-parameter", "--name", names[15], "--query", "Parameter.Value"], true),
        ];
    }
}
