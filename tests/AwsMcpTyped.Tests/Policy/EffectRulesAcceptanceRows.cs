namespace AwsMcpTyped.Tests.Policy;

/// <summary>
/// One row of the effect-rules acceptance table. <see cref="Via"/>: <c>exec</c> (the built awsmcp exec), <c>mcp</c>
/// (execute_command over stdio) or <c>tool</c> (a typed tool: <c>name {json}</c>). <see cref="Settings"/>: KEY=value
/// pairs separated by <c>;</c> — DENY, ALLOW, RO, CONSENT (default here: off; <c>default</c> leaves it unset, i.e.
/// destructive), FILE (a policy file below), SERVICES, YES (exec --yes), CLI=recording (a fake CLI that records the
/// call and prints {}). <see cref="Expect"/>: allowed | denied | consent-unavailable | rejected; <see cref="Fragments"/>:
/// texts the refusal must contain, <c>|</c>-separated. <see cref="Setup"/> letters: B objects k, dir/a, dir/b under
/// {s3}; R bucket {b} with object k; E empty bucket {b}; I item {k} (v=1) in the table; K KMS key; F local file {f} and
/// folder {d} (with f1.txt); U IAM user {b}; P SSM parameter {p}=v1; C CloudFormation template {id}.json.
/// Objects live under the row's prefix {s3} = s3://{sb}/{id} of one shared bucket ({s3t}: of the shared target bucket),
/// so that one listing proves them all.
/// <see cref="Proof"/>: comma-separated checks made with the plain aws CLI against moto after the row ran, <c>!</c>
/// negates: bucket[:suffix], obj:KEY (under {s3}), tobj:KEY (under {s3t}), bobj:KEY (in {b}), item, item=V, new (item {n}), key:STATE, lifecycle, website, stack,
/// athena, called, file:PATH, out:TEXT, user, param=V.
/// </summary>
internal sealed record AcceptRow(string Id, string Via, string Settings, string Command, string Expect, string Fragments, string Setup, string Proof)
{
    public override string ToString() => $"{Id} [{Via}] {Settings} :: {Command} => {Expect}";
}

internal static class EffectRulesAcceptanceRows
{
    public static readonly Dictionary<string, string> PolicyFiles = new()
    {
        ["action-deny.yaml"] = "consent: off\ndeny:\n  - {action: \"s3:Delete*\"}\n",
        ["mixed.json"] = """{"consent": "off", "deny": ["dynamodb:PartiQLDelete", {"command": "s3api:delete-bucket"}]}""",
        ["allow-actions.yaml"] = "consent: off\nallow:\n  - {action: \"s3:GetObject\"}\n  - {action: \"s3:ListBucket\"}\n",
    };

    private const string Del = "aws dynamodb execute-statement --statement \"DELETE FROM {t} WHERE pk='{k}'\"";
    private const string Sel = "aws dynamodb execute-statement --statement \"SELECT * FROM {t}\"";
    private const string Ins = "aws dynamodb execute-statement --statement \"INSERT INTO {t} VALUE {'pk':'{n}'}\"";
    private const string Upd = "aws dynamodb execute-statement --statement \"UPDATE {t} SET v='2' WHERE pk='{k}'\"";
    private const string BatchInsDel = """aws dynamodb batch-execute-statement --statements "[{\"Statement\":\"INSERT INTO {t} VALUE {'pk':'{n}'}\"},{\"Statement\":\"DELETE FROM {t} WHERE pk='{k}'\"}]" """;
    private const string BatchUpdIns = """aws dynamodb batch-execute-statement --statements "[{\"Statement\":\"UPDATE {t} SET v='2' WHERE pk='{k}'\"},{\"Statement\":\"INSERT INTO {t} VALUE {'pk':'{n}'}\"}]" """;
    private const string TxInsDel = """aws dynamodb execute-transaction --transact-statements "[{\"Statement\":\"INSERT INTO {t} VALUE {'pk':'{n}'}\"},{\"Statement\":\"DELETE FROM {t} WHERE pk='{k}'\"}]" """;
    private const string TxIns = """aws dynamodb execute-transaction --transact-statements "[{\"Statement\":\"INSERT INTO {t} VALUE {'pk':'{n}'}\"}]" """;
    private const string BwPut = """aws dynamodb batch-write-item --request-items "{\"{t}\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"{n}\"}}}}]}" """;
    private const string BwPutDel = """aws dynamodb batch-write-item --request-items "{\"{t}\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"{n}\"}}}},{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"{k}\"}}}}]}" """;
    private const string BwDel = """aws dynamodb batch-write-item --request-items "{\"{t}\":[{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"{k}\"}}}}]}" """;
    private const string LcExpire = """aws s3api put-bucket-lifecycle-configuration --bucket {b} --lifecycle-configuration "{\"Rules\":[{\"ID\":\"x\",\"Status\":\"Enabled\",\"Filter\":{\"Prefix\":\"logs/\"},\"Expiration\":{\"Days\":1}}]}" """;
    private const string LcTransition = """aws s3api put-bucket-lifecycle-configuration --bucket {b} --lifecycle-configuration "{\"Rules\":[{\"ID\":\"x\",\"Status\":\"Enabled\",\"Filter\":{\"Prefix\":\"logs/\"},\"Transitions\":[{\"Days\":30,\"StorageClass\":\"GLACIER\"}]}]}" """;
    private const string Schedule = "aws kms schedule-key-deletion --key-id {key} --pending-window-in-days 7";
    private const string Deploy = "aws cloudformation deploy --stack-name {s} --template-file {id}.json";
    private const string RdsData = "aws rds-data execute-statement --resource-arn arn:aws:rds:us-east-1:123456789012:cluster:c --secret-arn arn:aws:secretsmanager:us-east-1:123456789012:secret:s";
    private const string RsData = "aws redshift-data execute-statement --cluster-identifier c --database d";
    private const string ToolDel = """dynamodb_execute_statement {"Statement":"DELETE FROM {t} WHERE pk='{k}'"}""";
    private const string ToolSel = """dynamodb_execute_statement {"Statement":"SELECT * FROM {t}"}""";
    private const string ToolDeleteBucket = """s3api_delete_bucket {"Bucket":"{b}"}""";

    public static IReadOnlyList<AcceptRow> All { get; } = Build();

    private static List<AcceptRow> Build()
    {
        var rows = new List<AcceptRow>();
        void R(string via, string settings, string command, string expect, string fragments, string setup, string proof) =>
            rows.Add(new AcceptRow($"r{rows.Count + 1:000}", via, settings, command.Trim(), expect, fragments, setup, proof));
        const string D = "denied", A = "allowed", C = "consent-unavailable";

        // Command rules stop the s3 customizations that perform the operation they name.
        var s3apiDB = "DENY=s3api:delete-bucket";
        R("exec", s3apiDB, "aws s3 rb s3://{b}", D, "'s3api:delete-bucket' (AWS_MCP_DENY)|s3:DeleteBucket", "E", "bucket");
        R("mcp", s3apiDB, "aws s3 rb s3://{b} --force", D, "'s3api:delete-bucket' (AWS_MCP_DENY)|s3:DeleteBucket", "R", "bucket,bobj:k");
        R("mcp", s3apiDB, "aws s3api delete-bucket --bucket {b}", D, "'s3api:delete-bucket' (AWS_MCP_DENY)", "E", "bucket");
        R("exec", s3apiDB, "aws s3 rm {s3}/k", A, "", "B", "!obj:k,obj:dir/a");
        var s3apiDO = "DENY=s3api:delete-object";
        R("exec", s3apiDO, "aws s3 rm {s3}/k", D, "'s3api:delete-object' (AWS_MCP_DENY)|s3:DeleteObject", "B", "obj:k");
        R("exec", s3apiDO, "aws s3 rm {s3}/ --recursive", D, "'s3api:delete-object' (AWS_MCP_DENY)|s3:DeleteObject", "B", "obj:k,obj:dir/a");
        R("mcp", s3apiDO, "aws s3 mv {s3}/k {s3t}/k", D, "'s3api:delete-object' (AWS_MCP_DENY)|s3:DeleteObject", "B", "obj:k,!tobj:k");
        R("exec", s3apiDO, "aws s3 mv {s3}/k {id}-mv.txt", D, "'s3api:delete-object'|s3:DeleteObject", "B", "obj:k,!file:{id}-mv.txt");
        R("exec", s3apiDO, "aws s3 mv {f} {s3}/up", A, "", "BF", "obj:up,obj:k");
        R("mcp", s3apiDO, "aws s3 sync {d} {s3}/ --delete", D, "'s3api:delete-object'|s3:DeleteObject", "BF", "obj:k,!obj:f1.txt");
        R("exec", s3apiDO, "aws s3 sync {d} {s3}/", A, "", "BF", "obj:k,obj:f1.txt");
        R("exec", s3apiDO, "aws s3 sync {s3}/ {s3t}/ --delete", D, "'s3api:delete-object'|s3:DeleteObject", "B", "!tobj:k");
        R("exec", s3apiDO, "aws s3 cp {s3}/k {s3t}/k", A, "", "B", "tobj:k,obj:k");
        var s3apiPO = "DENY=s3api:put-object";
        R("exec", s3apiPO, "aws s3 cp {f} {s3}/up", D, "'s3api:put-object' (AWS_MCP_DENY)|s3:PutObject", "BF", "!obj:up");
        R("mcp", s3apiPO, "aws s3 mv {f} {s3}/up", D, "'s3api:put-object'|s3:PutObject", "BF", "!obj:up,file:{f}");
        R("exec", s3apiPO, "aws s3 sync {d} {s3}/", D, "'s3api:put-object'|s3:PutObject", "BF", "!obj:f1.txt");
        R("mcp", s3apiPO, "aws s3 cp {s3}/k -", A, "", "B", "out:data-{id}");
        R("exec", "DENY=s3api:get-object", "aws s3 cp {s3}/k {id}-dl.txt", D, "'s3api:get-object'|s3:GetObject", "B", "!file:{id}-dl.txt");
        R("exec", "DENY=s3api:get-object", "aws s3 cp {f} {s3}/up", A, "", "BF", "obj:up");
        R("exec", "DENY=s3api:create-bucket", "aws s3 mb s3://{b}-new", D, "'s3api:create-bucket'|s3:CreateBucket", "", "!bucket:-new");
        R("exec", "DENY=s3api:put-bucket-website", "aws s3 website s3://{b} --index-document index.html", D, "'s3api:put-bucket-website'|s3:PutBucketWebsite", "E", "!website");

        // IAM action rules, against every s3 customization that writes or deletes.
        var act = "DENY=s3:DeleteBucket";
        R("exec", act, "aws s3 rb s3://{b}", D, "'s3:DeleteBucket' (AWS_MCP_DENY)", "E", "bucket");
        R("mcp", act, "aws s3 rb s3://{b} --force", D, "'s3:DeleteBucket' (AWS_MCP_DENY)", "R", "bucket,bobj:k");
        R("exec", act, "aws s3api delete-bucket --bucket {b}", D, "'s3:DeleteBucket' (AWS_MCP_DENY)", "E", "bucket");
        R("tool", act + ";SERVICES=s3api", ToolDeleteBucket, D, "'s3:DeleteBucket' (AWS_MCP_DENY)", "E", "bucket");
        R("mcp", act, "aws s3 ls {s3}/", A, "", "B", "out:dir/");
        R("exec", "DENY=s3:DeleteBucket@region=us-*", "aws s3 rb s3://{b}", D, "'s3:DeleteBucket@region=us-*' (AWS_MCP_DENY)|s3:DeleteBucket", "E", "bucket");
        R("exec", "DENY=s3:DeleteBucket@region=eu-*", "aws s3 rb s3://{b}", A, "", "E", "!bucket");
        act = "DENY=s3:DeleteObject";
        R("exec", act, "aws s3 rm {s3}/k", D, "'s3:DeleteObject' (AWS_MCP_DENY)", "B", "obj:k");
        R("mcp", act, "aws s3 rm {s3}/ --recursive", D, "'s3:DeleteObject' (AWS_MCP_DENY)", "B", "obj:k,obj:dir/b");
        R("exec", act, "aws s3 rb s3://{b} --force", D, "'s3:DeleteObject' (AWS_MCP_DENY)", "R", "bucket,bobj:k");
        R("exec", act, "aws s3 mv {s3}/k {s3t}/k", D, "'s3:DeleteObject' (AWS_MCP_DENY)", "B", "obj:k,!tobj:k");
        R("mcp", act, "aws s3 mv {s3}/k {id}-mv.txt", D, "'s3:DeleteObject' (AWS_MCP_DENY)", "B", "obj:k,!file:{id}-mv.txt");
        R("exec", act, "aws s3 mv {f} {s3}/up", A, "", "BF", "obj:up");
        R("mcp", act, "aws s3 sync {s3}/ {s3t}/ --delete", D, "'s3:DeleteObject' (AWS_MCP_DENY)", "B", "!tobj:k");
        R("mcp", act, "aws s3 sync {s3}/ {s3t}/", A, "", "B", "tobj:k");
        R("exec", act, "aws s3 sync {d} {s3}/ --delete", D, "'s3:DeleteObject' (AWS_MCP_DENY)", "BF", "obj:k,!obj:f1.txt");
        act = "DENY=s3:PutObject";
        R("exec", act, "aws s3 cp {f} {s3}/up", D, "'s3:PutObject' (AWS_MCP_DENY)", "BF", "!obj:up");
        R("exec", act, "aws s3 mv {f} {s3}/up", D, "'s3:PutObject' (AWS_MCP_DENY)", "BF", "!obj:up,file:{f}");
        R("mcp", act, "aws s3 sync {d} {s3}/", D, "'s3:PutObject' (AWS_MCP_DENY)", "BF", "!obj:f1.txt");
        R("exec", act, "aws s3 cp {s3}/k {s3t}/k", D, "'s3:PutObject' (AWS_MCP_DENY)", "B", "!tobj:k");
        R("mcp", act, "aws s3 cp {s3}/k -", A, "", "B", "out:data-{id}");
        R("exec", act, "aws s3 cp {s3}/k {id}-dl.txt", A, "", "B", "file:{id}-dl.txt");
        act = "DENY=s3:GetObject";
        R("exec", act, "aws s3 cp {s3}/k -", D, "'s3:GetObject' (AWS_MCP_DENY)", "B", "!out:data-{id}");
        R("exec", act, "aws s3 mv {s3}/k {id}-mv.txt", D, "'s3:GetObject' (AWS_MCP_DENY)", "B", "obj:k,!file:{id}-mv.txt");
        R("exec", act, "aws s3 sync {s3}/ {id}-sync", D, "'s3:GetObject' (AWS_MCP_DENY)", "B", "!file:{id}-sync/k");
        R("exec", "DENY=s3:CreateBucket", "aws s3 mb s3://{b}-new", D, "'s3:CreateBucket' (AWS_MCP_DENY)", "", "!bucket:-new");
        R("mcp", "DENY=s3:CreateBucket", "aws s3api create-bucket --bucket {b}-new", D, "'s3:CreateBucket' (AWS_MCP_DENY)", "", "!bucket:-new");
        R("exec", "DENY=s3:PutBucketWebsite", "aws s3 website s3://{b} --index-document index.html", D, "'s3:PutBucketWebsite' (AWS_MCP_DENY)", "E", "!website");
        R("exec", "DENY=s3:GetBucketWebsite", "aws s3 website s3://{b} --index-document index.html", A, "", "E", "website");

        // Wildcard action rules.
        R("exec", "DENY=*:Delete*", "aws s3 rm {s3}/k", D, "'*:Delete*' (AWS_MCP_DENY)|s3:DeleteObject", "B", "obj:k");
        R("mcp", "DENY=*:Delete*", "aws s3 rb s3://{b}", D, "'*:Delete*' (AWS_MCP_DENY)|s3:DeleteBucket", "E", "bucket");
        R("mcp", "DENY=*:Delete*", Del, D, "'*:Delete*' (AWS_MCP_DENY)|dynamodb:DeleteItem", "I", "item");
        R("exec", "DENY=*:Delete*", "aws s3 cp {f} {s3}/up", A, "", "BF", "obj:up");
        R("exec", "DENY=iam:Delete*", "aws iam delete-user --user-name {b}", D, "'iam:Delete*' (AWS_MCP_DENY)|iam:DeleteUser", "U", "user");
        R("exec", "DENY=iam:Delete*", "aws s3 rb s3://{b}", A, "", "E", "!bucket");
        R("exec", "DENY=dynamodb:PartiQL*", Sel, D, "'dynamodb:PartiQL*' (AWS_MCP_DENY)|dynamodb:PartiQLSelect", "I", "!out:\"{k}\"");
        R("mcp", "DENY=dynamodb:PartiQL*", Ins, D, "'dynamodb:PartiQL*' (AWS_MCP_DENY)|dynamodb:PartiQLInsert", "", "!new");
        R("mcp", "DENY=dynamodb:PartiQL*", """aws dynamodb get-item --table-name {t} --key "{\"pk\":{\"S\":\"{k}\"}}" """, A, "", "I", "out:\"{k}\"");
        R("exec", "DENY=dynamodb:PartiQLDelete", Del, D, "'dynamodb:PartiQLDelete' (AWS_MCP_DENY)", "I", "item");
        R("exec", "DENY=dynamodb:PartiQLDelete", Upd, A, "", "I", "item=2");

        // Command rules and PartiQL: each verb performs the item operation it names.
        var dd = "DENY=dynamodb:delete-item";
        R("exec", dd, Del, D, "'dynamodb:delete-item' (AWS_MCP_DENY)|dynamodb:DeleteItem", "I", "item");
        R("mcp", dd, Del, D, "'dynamodb:delete-item' (AWS_MCP_DENY)|dynamodb:DeleteItem", "I", "item");
        R("tool", dd + ";SERVICES=dynamodb", ToolDel, D, "'dynamodb:delete-item' (AWS_MCP_DENY)|dynamodb:DeleteItem", "I", "item");
        R("tool", dd + ";SERVICES=dynamodb", ToolSel, A, "", "I", "out:\"{k}\"");
        R("exec", dd, Sel, A, "", "I", "out:\"{k}\"");
        R("exec", dd, BatchInsDel, D, "'dynamodb:delete-item'|dynamodb:DeleteItem", "I", "item,!new");
        R("exec", dd, BatchUpdIns, A, "", "I", "item=2,new");
        R("exec", dd, TxInsDel, D, "'dynamodb:delete-item'|dynamodb:DeleteItem", "I", "item,!new");
        R("exec", dd, BwPut, A, "", "", "new");
        R("mcp", dd, BwPutDel, D, "'dynamodb:delete-item'|dynamodb:DeleteItem", "I", "item,!new");
        R("exec", "DENY=dynamodb:put-item", Ins, D, "'dynamodb:put-item' (AWS_MCP_DENY)|dynamodb:PutItem", "", "!new");
        R("exec", "DENY=dynamodb:put-item", BatchUpdIns, D, "'dynamodb:put-item'|dynamodb:PutItem", "I", "item=1,!new");
        R("exec", "DENY=dynamodb:update-item", Upd, D, "'dynamodb:update-item' (AWS_MCP_DENY)|dynamodb:UpdateItem", "I", "item=1");
        R("exec", "DENY=dynamodb:update-item", Ins, A, "", "", "new");
        R("mcp", "DENY=dynamodb:PartiQLInsert", TxIns, D, "'dynamodb:PartiQLInsert' (AWS_MCP_DENY)", "", "!new");
        R("exec", "DENY=dynamodb:DeleteItem", BwDel, D, "'dynamodb:DeleteItem' (AWS_MCP_DENY)", "I", "item");
        R("mcp", "DENY=dynamodb:PutItem", BwPut, D, "'dynamodb:PutItem' (AWS_MCP_DENY)", "", "!new");
        R("exec", "DENY=dynamodb:BatchWriteItem", BwPut, D, "'dynamodb:BatchWriteItem' (AWS_MCP_DENY)", "", "!new");
        R("exec", "DENY=dynamodb:batch-write-item", BwPut, D, "'dynamodb:batch-write-item' (AWS_MCP_DENY)", "", "!new");

        // Access classes from effects under the default consent (destructive): no way to ask, nothing runs.
        const string Def = "CONSENT=default";
        R("exec", Def, Del, C, "needs the user's confirmation", "I", "item");
        R("mcp", Def, Del, C, "does not support elicitation", "I", "item");
        R("tool", Def + ";SERVICES=dynamodb", ToolDel, C, "does not support elicitation", "I", "item");
        R("exec", Def, Sel, A, "", "I", "out:\"{k}\"");
        R("exec", Def, Ins, A, "", "", "new");
        R("exec", Def, Upd, A, "", "I", "item=2");
        R("exec", Def, BatchInsDel, C, "needs the user's confirmation", "I", "item,!new");
        R("exec", Def, TxInsDel, C, "needs the user's confirmation", "I", "item,!new");
        R("exec", Def, BwPutDel, C, "needs the user's confirmation", "I", "item,!new");
        R("mcp", Def, BwPut, A, "", "", "new");
        R("exec", Def, Schedule, C, "needs the user's confirmation", "K", "key:Enabled");
        R("mcp", Def, Schedule, C, "does not support elicitation", "K", "key:Enabled");
        R("exec", Def + ";YES", Schedule, A, "", "K", "key:PendingDeletion");
        R("exec", Def, LcExpire, C, "needs the user's confirmation", "E", "!lifecycle");
        R("mcp", Def, LcExpire, C, "does not support elicitation", "E", "!lifecycle");
        R("exec", Def, LcTransition, A, "", "E", "lifecycle");
        R("exec", Def, "aws athena start-query-execution --query-string \"DROP TABLE t_{id}\"", C, "needs the user's confirmation", "", "!athena");
        R("mcp", Def, "aws athena start-query-execution --query-string \"DELETE FROM t_{id} WHERE a = 1\"", C, "does not support elicitation", "", "!athena");
        R("exec", Def, "aws athena start-query-execution --query-string \"SELECT * FROM t_{id}\"", A, "", "", "athena");
        R("exec", Def + ";YES", "aws athena start-query-execution --query-string \"DROP TABLE t_{id}\"", A, "", "", "athena");
        R("exec", Def + ";CLI=recording", RdsData + " --sql \"DROP TABLE t_{id}\"", C, "needs the user's confirmation", "", "!called");
        R("exec", Def + ";CLI=recording", RdsData + " --sql \"DELETE FROM t_{id}\"", C, "needs the user's confirmation", "", "!called");
        R("exec", Def + ";CLI=recording", RdsData + " --sql \"SELECT * FROM t_{id}\"", A, "", "", "called");
        R("exec", Def + ";CLI=recording", RsData + " --sql \"TRUNCATE t_{id}\"", C, "needs the user's confirmation", "", "!called");
        R("exec", Def + ";CLI=recording", RsData + " --sql \"SELECT 1 FROM t_{id}\"", A, "", "", "called");
        R("exec", Def, "aws s3 rb s3://{b}", C, "needs the user's confirmation", "E", "bucket");
        R("exec", Def + ";YES", "aws s3 rb s3://{b}", A, "", "E", "!bucket");
        R("exec", "CONSENT=writes", "aws s3 cp {f} {s3}/up", C, "needs the user's confirmation", "BF", "!obj:up");

        // Read-only mode judges the effect; sensitive reads need an exact allow rule.
        R("exec", "RO=true", Sel, A, "", "I", "out:\"{k}\"");
        R("mcp", "RO=true", Ins, D, "refused in read-only mode|AWS_MCP_READ_ONLY", "", "!new");
        R("exec", "RO=true", Upd, D, "refused in read-only mode|AWS_MCP_READ_ONLY", "I", "item=1");
        R("mcp", "RO=true", Del, D, "refused in read-only mode|AWS_MCP_READ_ONLY", "I", "item");
        R("exec", "RO=true", BwPut, D, "refused in read-only mode", "", "!new");
        R("exec", "RO=true", Schedule, D, "refused in read-only mode", "K", "key:Enabled");
        R("exec", "RO=true", "aws s3 cp {s3}/k -", A, "", "B", "out:data-{id}");
        R("mcp", "RO=true", "aws s3 cp {f} {s3}/up", D, "refused in read-only mode", "BF", "!obj:up");
        R("exec", "RO=true", "aws s3 presign {s3}/k", D, "sensitive read|AWS_MCP_READ_ONLY", "B", "!out:Signature");
        R("exec", "RO=true;ALLOW=*,s3:presign", "aws s3 presign {s3}/k", A, "", "B", "out:Signature");
        R("exec", "RO=true", "aws rds generate-db-auth-token --hostname h.example --port 5432 --username u", D, "sensitive read", "", "!out:Signature");
        R("exec", "RO=true;ALLOW=*,rds:generate-db-auth-token", "aws rds generate-db-auth-token --hostname h.example --port 5432 --username u", A, "", "", "out:Signature");
        R("mcp", "RO=true", "aws ecr get-login-password", D, "sensitive read", "", "!out:auth-token");
        R("exec", "RO=true;ALLOW=*,ecr:get-login-password", "aws ecr get-login-password", A, "", "", "out:auth-token");
        R("tool", "RO=true;SERVICES=s3api,dynamodb", ToolDeleteBucket, D, "read-only|AWS_MCP_READ_ONLY", "E", "bucket");
        R("tool", "RO=true;SERVICES=s3api,dynamodb", ToolDel, D, "read-only|AWS_MCP_READ_ONLY", "I", "item");
        R("tool", "RO=true;SERVICES=s3api,dynamodb", ToolSel, A, "", "I", "out:\"{k}\"");

        // Allow-lists of actions: a command runs when every action it performs is covered.
        var get = "ALLOW=s3:GetObject,s3:ListBucket";
        R("exec", get, "aws s3 cp {s3}/k -", A, "", "B", "out:data-{id}");
        R("exec", get, "aws s3 cp {f} {s3}/up", D, "allow rule", "BF", "!obj:up");
        R("mcp", get, "aws s3 cp {s3}/k -", A, "", "B", "out:data-{id}");
        R("mcp", get, "aws s3 rm {s3}/k", D, "allow rule", "B", "obj:k");
        R("mcp", get, "aws s3 ls {s3}/", A, "", "B", "out:dir/");
        R("exec", get, "aws s3 sync {s3}/ {id}-sync", A, "", "B", "file:{id}-sync/k");
        var put = "ALLOW=s3:GetObject,s3:ListBucket,s3:PutObject";
        R("exec", put, "aws s3 sync {d} {s3}/", A, "", "BF", "obj:f1.txt");
        R("exec", put, "aws s3 sync {d} {s3}/ --delete", D, "allow rule", "BF", "obj:k,!obj:f1.txt");
        R("exec", put, "aws s3 mv {s3}/k {id}-mv.txt", D, "allow rule", "B", "obj:k,!file:{id}-mv.txt");
        R("exec", "ALLOW=dynamodb:PartiQLSelect", Sel, A, "", "I", "out:\"{k}\"");
        R("exec", "ALLOW=dynamodb:PartiQLSelect", Ins, D, "allow rule", "", "!new");
        R("mcp", "ALLOW=dynamodb:PartiQL*,dynamodb:PutItem", Ins, A, "", "", "new");
        R("mcp", "ALLOW=dynamodb:PartiQL*,dynamodb:PutItem", Del, D, "allow rule", "I", "item");
        R("exec", "ALLOW=s3:*", "aws s3 rb s3://{b}", A, "", "E", "!bucket");
        R("exec", "ALLOW=s3:mb", "aws s3 mb s3://{b}-new", A, "", "", "bucket:-new");
        R("exec", "ALLOW=sts:*", "aws s3 mb s3://{b}-new", D, "matches no allow rule", "", "!bucket:-new");

        // Policy files: object rules with an action.
        R("exec", "FILE=action-deny.yaml", "aws s3 rm {s3}/k", D, "'s3:Delete*' (policy file action-deny.yaml)|s3:DeleteObject", "B", "obj:k");
        R("mcp", "FILE=action-deny.yaml", "aws s3 rb s3://{b}", D, "'s3:Delete*' (policy file action-deny.yaml)|s3:DeleteBucket", "E", "bucket");
        R("mcp", "FILE=action-deny.yaml", "aws s3 cp {f} {s3}/up", A, "", "BF", "obj:up");
        R("exec", "FILE=mixed.json", Del, D, "'dynamodb:PartiQLDelete' (policy file mixed.json)", "I", "item");
        R("exec", "FILE=mixed.json", "aws s3 rb s3://{b}", D, "'s3api:delete-bucket' (policy file mixed.json)|s3:DeleteBucket", "E", "bucket");
        R("exec", "FILE=allow-actions.yaml", "aws s3 cp {s3}/k -", A, "", "B", "out:data-{id}");
        R("exec", "FILE=allow-actions.yaml", "aws s3 cp {f} {s3}/up", D, "allow rule", "BF", "!obj:up");

        // CloudFormation deploy performs the change-set actions; SSM parameters.
        R("exec", "DENY=cloudformation:ExecuteChangeSet", Deploy, D, "'cloudformation:ExecuteChangeSet' (AWS_MCP_DENY)", "C", "!stack");
        R("mcp", "DENY=cloudformation:execute-change-set", Deploy, D, "'cloudformation:execute-change-set' (AWS_MCP_DENY)|cloudformation:ExecuteChangeSet", "C", "!stack");
        R("exec", "DENY=cloudformation:DeleteStack", Deploy, A, "", "C", "stack");
        R("exec", "DENY=ssm:DeleteParameter", "aws ssm delete-parameter --name {p}", D, "'ssm:DeleteParameter' (AWS_MCP_DENY)", "P", "param=v1");
        R("mcp", "DENY=ssm:Delete*", "aws ssm delete-parameter --name {p}", D, "'ssm:Delete*' (AWS_MCP_DENY)|ssm:DeleteParameter", "P", "param=v1");
        R("exec", "DENY=ssm:PutParameter", "aws ssm put-parameter --name {p} --value v2 --overwrite", D, "'ssm:PutParameter' (AWS_MCP_DENY)", "P", "param=v1");
        R("exec", "DENY=ssm:DeleteParameter", "aws ssm put-parameter --name {p} --value v2 --overwrite", A, "", "P", "param=v2");

        // Today's behaviour, kept: command names, and what the validator refuses before any rule.
        R("exec", "DENY=s3:rb", "aws s3 rb s3://{b}", D, "'s3:rb' (AWS_MCP_DENY)", "E", "bucket");
        R("mcp", "DENY=s3api:delete-*", "aws s3api delete-object --bucket {sb} --key {id}/k", D, "'s3api:delete-*' (AWS_MCP_DENY)", "B", "obj:k");
        R("exec", "DENY=iam:delete-*", "aws iam delete-user --user-name {b}", D, "'iam:delete-*' (AWS_MCP_DENY)", "U", "user");
        R("exec", "DENY=iam:delete-*", "aws iam list-users", A, "", "U", "out:{b}");
        R("exec", "DENY=s3:DeleteBucket", "aws s3 rb s3://{b}; id", "rejected", "", "E", "bucket");
        return rows;
    }
}
