using static AwsMcpTyped.Tests.Execution.Effects.EffectsHarness;

namespace AwsMcpTyped.Tests.Execution.Effects;

/// <summary>
/// Adversarial statements: each tries to hide a destructive verb from the scanner (comments, quotes the engines end
/// differently, dollar quoting, CTEs, several statements, escapes, files). Every SQL command is 'write' in the
/// catalogue, so "-" (no argument effect) means the class stays write; SQL never lowers it.
/// </summary>
public sealed class StatementEffectsTests
{
    private const string Rds = "aws rds-data execute-statement --resource-arn arn:aws:rds:us-east-1:1:cluster:c --secret-arn arn:aws:secretsmanager:us-east-1:1:secret:s --sql ";
    private const string RdsAction = "rds-data:ExecuteStatement";
    private const string Athena = "aws athena start-query-execution --query-string ";
    private const string Ddb = "aws dynamodb execute-statement --statement ";
    private const string AllPartiQL = "dynamodb:DeleteItem dynamodb:PartiQLDelete dynamodb:PartiQLInsert dynamodb:PartiQLSelect dynamodb:PartiQLUpdate dynamodb:PutItem dynamodb:UpdateItem";

    /// <summary>SQL through rds-data (Aurora MySQL or PostgreSQL): the statement, the class, the actions.</summary>
    public static TheoryData<string, string, string> Sql => new()
    {
        { "SELECT * FROM t", "write", "-" },
        { "select 1; drop table t", "destructive", RdsAction },
        { "SELECT 1;DROP/**/TABLE t", "destructive", RdsAction },
        { "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", "destructive", RdsAction },
        { "TrUnCaTe t", "destructive", RdsAction },
        { "EXPLAIN ANALYZE DELETE FROM t", "destructive", RdsAction },
        { "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", "destructive", RdsAction },
        { "ALTER TABLE t DROP COLUMN c", "destructive", RdsAction },
        { "INSERT INTO t VALUES (1)", "write", "-" },
        { "UPDATE t SET a = 1", "write", "-" },
        { "REPLACE INTO t VALUES (1)", "write", "-" },
        { "RESET MASTER", "destructive", RdsAction },
        { "REVOKE SELECT ON t FROM u", "destructive", RdsAction },
        { "CALL purge_old_rows()", "destructive", RdsAction },
        { "EXECUTE stmt", "destructive", RdsAction },
        { "PREPARE p AS DELETE FROM t", "destructive", RdsAction },
        { "DO $$ BEGIN PERFORM 1; END $$", "destructive", RdsAction },
        // Quotes and comments that hide the verb from every engine: the class stays.
        { "SELECT 'DROP TABLE t'", "write", "-" },
        { "SELECT \"delete\" FROM t", "write", "-" },
        { "SELECT `drop` FROM t", "write", "-" },
        { "SELECT 1 /* DROP TABLE t */", "write", "-" },
        { "SELECT 1 -- ; DROP TABLE t", "write", "-" },
        { "SELECT deleted_at, dropped FROM t", "write", "-" },
        { "DEL/**/ETE FROM t", "write", "-" }, // a comment splits a word in every engine: DEL and ETE
        { "ＤＲＯＰ TABLE t", "write", "-" }, // fullwidth letters are an identifier, not a keyword
        { "SELECT $a$ x $a$ ' ; DROP TABLE t; --'", "write", "-" }, // a dollar string, then a string
        { "SELECT 'it''s' FROM t WHERE a = 'x''; DROP TABLE t; --'", "write", "-" },
        // Quotes and comments some engine ends earlier than another: the verb counts.
        { "SELECT 1 --; DROP TABLE t", "destructive", RdsAction }, // MySQL: --; is not a comment
        { "SELECT 1 /* a /* b */ DROP TABLE t */", "destructive", RdsAction }, // non-nesting engines end at the first */
        { "SELECT 1 /* /* */ ' */ DROP TABLE t; --'", "destructive", RdsAction }, // Postgres nests: the quote is in a comment
        { "SELECT 'a\\'; DROP TABLE t; -- '", "destructive", RdsAction }, // standard strings: backslash is a character
        { "SELECT 'a\\''; DROP TABLE t; -- '", "destructive", RdsAction }, // MySQL: \' is a quote, '' closes
        { "SELECT E'\\''; DROP TABLE t; --'", "destructive", RdsAction }, // Postgres E-string
        { "SELECT \"a\\\"\"; DROP TABLE t; -- \"", "destructive", RdsAction }, // MySQL double-quoted string with \"
        { "SELECT 1 /*!50000 ; DROP TABLE t */", "destructive", RdsAction }, // MySQL runs /*! */ as code
        { "SELECT 1 /*! ' */ DROP TABLE t; -- '", "destructive", RdsAction }, // ... and Postgres does not
        { "SELECT $a$ it's $a$; DROP TABLE t", "destructive", RdsAction },
        { "SELECT $a$ ' $a$; DROP TABLE t; --'", "destructive", RdsAction }, // only dollar quoting ends the quote before DROP
        { "SELECT $$ DROP TABLE t $$", "destructive", RdsAction }, // over-strict: engines without dollar quoting read DROP
        { "SELECT x$$ '; DROP TABLE t; --'", "write", "-" }, // $ continues a Postgres name (no dollar quote): then a string
        { "SELECT 1\u00a0DROP TABLE t", "destructive", RdsAction }, // anything not a letter separates words
        { "SELECT 1 # '\nDROP TABLE t; -- '", "destructive", RdsAction }, // MySQL: # comment ends at the line
        { "SELECT 1 -- x\rDROP TABLE t", "destructive", RdsAction },
        { "SELECT 1 -- x\u2028DROP TABLE t", "destructive", RdsAction }, // over-strict: the line ends at any line break
        // Nothing terminates in any engine: unknown.
        { "SELECT 'unterminated", "destructive", RdsAction },
        { "SELECT 1 /* unterminated", "destructive", RdsAction },
        // Prefix of an unterminated reading counts.
        { "DELETE FROM t; SELECT 'x", "destructive", RdsAction },
    };

    [Theory]
    [MemberData(nameof(Sql))]
    public void Sql_statements_raise_the_class_by_every_keyword(string sql, string access, string actions) =>
        Check(Rds + Quote(sql), access, actions);

    public static TheoryData<string, string, string> Lines => new()
    {
        { Athena + Quote("SELECT * FROM t"), "write", "-" },
        { Athena + Quote("DROP TABLE t"), "destructive", "athena:StartQueryExecution" },
        { Athena + Quote("insert overwrite table t select * from s"), "destructive", "athena:StartQueryExecution" },
        { Athena + Quote("VACUUM t"), "destructive", "athena:StartQueryExecution" },
        { Athena + "file://query.sql", "destructive", "athena:StartQueryExecution" },
        { Athena + Quote("SELECT replace(name, 'a', 'b') FROM t"), "write", "-" },
        { "aws redshift-data execute-statement --cluster-identifier c --database d --sql " + Quote("UNLOAD ('SELECT * FROM t') TO 's3://b/p/' IAM_ROLE 'arn:aws:iam::1:role/r' CLEANPATH"), "destructive", "redshift-data:ExecuteStatement" },
        { "aws redshift-data execute-statement --cluster-identifier c --database d --sql " + Quote("select 1; truncate t"), "destructive", "redshift-data:ExecuteStatement" },
        { "aws redshift-data batch-execute-statement --cluster-identifier c --database d --sqls 'SELECT 1' 'DELETE FROM t'", "destructive", "redshift-data:BatchExecuteStatement" },
        { "aws redshift-data batch-execute-statement --cluster-identifier c --database d --sqls 'SELECT 1' 'INSERT INTO t VALUES (1)'", "write", "-" },
        { "aws redshift-data batch-execute-statement --cluster-identifier c --database d --sqls " + Quote("[\"SELECT 1\", \"DEL\\u0045TE FROM t\"]"), "destructive", "redshift-data:BatchExecuteStatement" },
        { Rds + "file://q.sql", "destructive", RdsAction },
        { Rds + Quote(" file://q.sql"), "write", "-" }, // the CLI loads only a value that starts with file://

        // DynamoDB PartiQL: the verbs decide the class, SELECT included.
        // Typed tools pass the whole input as --cli-input-json: the statement is read from it, every duplicate key counts,
        // an explicit option is read too, and a document loaded from a file is unknown.
        { "aws dynamodb execute-statement --cli-input-json " + Quote("{\"Statement\": \"SELECT * FROM t\"}"), "read", "dynamodb:PartiQLSelect" },
        { "aws dynamodb execute-statement --cli-input-json " + Quote("{\"Statement\": \"DELETE FROM t WHERE pk = 'a'\"}"), "destructive", "dynamodb:DeleteItem dynamodb:PartiQLDelete" },
        { "aws dynamodb execute-statement --cli-input-json " + Quote("{\"Statement\": \"SELECT * FROM t\", \"Statement\": \"DELETE FROM t\"}"), "destructive", "dynamodb:DeleteItem dynamodb:PartiQLDelete dynamodb:PartiQLSelect" },
        { "aws dynamodb execute-statement --cli-input-json " + Quote("{\"Statement\": \"DEL\\u0045TE FROM t\"}"), "destructive", "dynamodb:DeleteItem dynamodb:PartiQLDelete" },
        { "aws dynamodb batch-write-item --cli-input-json " + Quote("{\"RequestItems\": {\"t\": [{\"PutRequest\": {\"Item\": {\"k\": {\"S\": \"a\"}}}}]}}"), "write", "dynamodb:BatchWriteItem dynamodb:PutItem" },
        { "aws dynamodb batch-write-item --cli-input-json " + Quote("{\"RequestItems\": {\"t\": [{\"DeleteRequest\": {\"Key\": {\"k\": {\"S\": \"a\"}}}}]}}"), "destructive", "dynamodb:BatchWriteItem dynamodb:DeleteItem" },
        { "aws athena start-query-execution --cli-input-json " + Quote("{\"QueryString\": \"DROP TABLE t\"}"), "destructive", "athena:StartQueryExecution" },

        { Ddb + Quote("SELECT * FROM t WHERE pk = 'a'"), "read", "dynamodb:PartiQLSelect" },
        { Ddb + Quote("SELECT * FROM t WHERE a = 'DELETE'"), "read", "dynamodb:PartiQLSelect" },
        { Ddb + Quote("SELECT * FROM \"DELETE\""), "read", "dynamodb:PartiQLSelect" },
        { Ddb + Quote("SELECT * FROM t WHERE a = `DELETE`"), "read", "dynamodb:PartiQLSelect" },
        { Ddb + Quote("INSERT INTO t VALUE {'pk': 'a'}"), "write", "dynamodb:PartiQLInsert dynamodb:PutItem" },
        { Ddb + Quote("UPDATE t SET a = 1 WHERE pk = 'a'"), "write", "dynamodb:PartiQLUpdate dynamodb:UpdateItem" },
        { Ddb + Quote("delete from \"t\" where pk = 'a'"), "destructive", "dynamodb:DeleteItem dynamodb:PartiQLDelete" },
        { Ddb + Quote("SELECT * FROM t; DELETE FROM t"), "destructive", "dynamodb:DeleteItem dynamodb:PartiQLDelete dynamodb:PartiQLSelect" },
        { Ddb + Quote("SELECT * FROM t /* ' */ WHERE pk = 'a'"), "read", "dynamodb:PartiQLSelect" },
        { Ddb + Quote("FROB t"), "destructive", AllPartiQL }, // no verb: unknown
        { Ddb + Quote("SELECT * FROM t WHERE pk = 'a"), "destructive", AllPartiQL },
        { Ddb + "file://statement.partiql", "destructive", AllPartiQL },
        { "aws dynamodb batch-execute-statement --statements 'Statement=SELECT * FROM t' 'Statement=DELETE FROM t WHERE pk=?'", "destructive", "dynamodb:DeleteItem dynamodb:PartiQLDelete dynamodb:PartiQLSelect" },
        { "aws dynamodb batch-execute-statement --statements 'Statement=SELECT * FROM t'", "read", "dynamodb:PartiQLSelect" },
        { "aws dynamodb batch-execute-statement --statements " + Quote("Statement=\"DEL\\u0045TE FROM t\""), "destructive", AllPartiQL },
        { "aws dynamodb batch-execute-statement --statements " + Quote("Statement@=file://s.partiql"), "destructive", AllPartiQL },
        { "aws dynamodb batch-execute-statement --statements " + Quote("[{\"Statement\": \"SELECT * FROM t\"}, {\"Statement\": \"DEL\\u0045TE FROM t\"}]"), "destructive", "dynamodb:DeleteItem dynamodb:PartiQLDelete dynamodb:PartiQLSelect" },
        { "aws dynamodb batch-execute-statement --statements " + Quote("[{\"Statement\": \"DELETE FROM t\", \"Statement\": \"SELECT * FROM t\"}]"), "destructive", "dynamodb:DeleteItem dynamodb:PartiQLDelete dynamodb:PartiQLSelect" },
        { "aws dynamodb batch-execute-statement --statements " + Quote("[{\"Statement\": \"SELECT * FROM t\", \"Parameters\": [{\"S\": \"DELETE\"}]}]"), "read", "dynamodb:PartiQLSelect" },
        { "aws dynamodb execute-transaction --transact-statements " + Quote("[{\"Statement\": \"UPDATE t SET a = 1\"}, {\"Statement\": \"DELETE FROM t\"}]"), "destructive", "dynamodb:DeleteItem dynamodb:PartiQLDelete dynamodb:PartiQLUpdate dynamodb:UpdateItem" },

        // DynamoDB batch writes: the request kinds.
        { "aws dynamodb batch-write-item --request-items " + Quote("{\"t\": [{\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"a\"}}}}]}"), "write", "dynamodb:BatchWriteItem dynamodb:PutItem" },
        { "aws dynamodb batch-write-item --request-items " + Quote("{\"t\": [{\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"a\"}}}}, {\"DeleteRequest\": {\"Key\": {\"pk\": {\"S\": \"b\"}}}}]}"), "destructive", "dynamodb:BatchWriteItem dynamodb:DeleteItem dynamodb:PutItem" },
        { "aws dynamodb batch-write-item --request-items " + Quote("{\"t\": [{\"Delete\\u0052equest\": {\"Key\": {\"pk\": {\"S\": \"b\"}}}}]}"), "destructive", "dynamodb:BatchWriteItem dynamodb:DeleteItem" },
        { "aws dynamodb batch-write-item --request-items file://items.json", "destructive", "dynamodb:BatchWriteItem dynamodb:DeleteItem dynamodb:PutItem" },

        // S3 lifecycle: expirations delete objects.
        { "aws s3api put-bucket-lifecycle-configuration --bucket b --lifecycle-configuration " + Quote("{\"Rules\": [{\"ID\": \"x\", \"Status\": \"Enabled\", \"Filter\": {}, \"Expiration\": {\"Days\": 1}}]}"), "destructive", "s3:PutLifecycleConfiguration" },
        { "aws s3api put-bucket-lifecycle-configuration --bucket b --lifecycle-configuration " + Quote("{\"Rules\": [{\"ID\": \"x\", \"Status\": \"Enabled\", \"Filter\": {}, \"Transitions\": [{\"Days\": 30, \"StorageClass\": \"GLACIER\"}]}]}"), "write", "-" },
        { "aws s3api put-bucket-lifecycle-configuration --bucket b --lifecycle-configuration " + Quote("Rules=[{ID=x,Status=Enabled,Filter={Prefix=a},NoncurrentVersionExpiration={NoncurrentDays=1}}]"), "destructive", "s3:PutLifecycleConfiguration" },
        { "aws s3api put-bucket-lifecycle-configuration --bucket b --lifecycle-configuration " + Quote("{\"Rules\": [{\"ID\": \"x\", \"Status\": \"Enabled\", \"Filter\": {}, \"AbortIncompleteMultipartUpload\": {\"DaysAfterInitiation\": 7}}]}"), "destructive", "s3:PutLifecycleConfiguration" },
        { "aws s3api put-bucket-lifecycle-configuration --bucket b --lifecycle-configuration file://lifecycle.json", "destructive", "s3:PutLifecycleConfiguration" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Statement_and_document_arguments_decide_the_effect(string line, string access, string actions) =>
        Check(line, access, actions);
}
