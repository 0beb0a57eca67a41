using System.Text;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution;
using AwsMcpTyped.Policy;
using AwsMcpTyped.Policy.Audit;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Policy;

/// <summary>The server's credentials are masked also when encoded: URL-encoded (any hex case, reserved characters
/// encoded or bare) and base64/base64url at every alignment; in output, stderr and the audit log. Only the output of an
/// allowed sensitive read keeps the encoded forms, so the URL it mints works.</summary>
[Trait("Category", InstalledAwsCli.Category)]
[Collection(MotoCollection.Name)]
public sealed class EncodedSecretTests(MotoServer moto)
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCY=EXAMPLEKEY";
    private const string Token = "FwoGZXIvYXdzEJr//////////wEaDPlanted+Token/abc+0123456789==";
    private const string AccessKeyId = "ASIAPLANTED000000001";

    private static readonly SecretRedactor Redactor = new([Secret, Token], [AccessKeyId]);

    /// <summary>Every encoded form of a secret a test plants, each inside other text.</summary>
    private static IEnumerable<string> EncodedForms(string secret)
    {
        var escaped = Uri.EscapeDataString(secret);
        yield return "X-Amz-Security-Token=" + escaped + "&X-Amz-Date=1";
        yield return "token=" + System.Text.RegularExpressions.Regex.Replace(escaped, "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant()) + "&";
        yield return "q=" + secret.Replace("/", "%2F").Replace("=", "%3D") + "&"; // + left bare, as form encoders do
        yield return "q=" + secret.Replace("+", "%2B") + "&";
        foreach (var prefix in new[] { "", "a", "ab", "abc", "abcd" })
        {
            var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(prefix + secret + "tail"));
            yield return "data: " + base64 + " end";
            yield return "data: " + base64.Replace('+', '-').Replace('/', '_').TrimEnd('=') + " end";
        }
    }

    public static TheoryData<string> Forms()
    {
        var data = new TheoryData<string>();
        foreach (var form in EncodedForms(Secret).Concat(EncodedForms(Token)).Distinct())
            data.Add(form);
        return data;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Encoded_forms_are_masked_in_output_and_error_text(string text)
    {
        foreach (var redacted in new[] { Redactor.RedactOutput(text), Redactor.Redact(text) })
        {
            Assert.Contains(SecretRedactor.Mask, redacted);
            AssertNoSecret(redacted);
        }
    }

    [Fact]
    public void An_allowed_sensitive_read_keeps_encoded_forms_and_the_key_id_but_not_the_raw_secret()
    {
        var url = $"https://db:5432/?Action=connect&X-Amz-Credential={AccessKeyId}%2F20261130&X-Amz-Security-Token={Uri.EscapeDataString(Token)} raw {Secret}";
        var kept = Redactor.RedactOutput(url, keepEncoded: true);
        Assert.Contains(Uri.EscapeDataString(Token), kept);
        Assert.Contains(AccessKeyId, kept);
        Assert.DoesNotContain(Secret, kept);
        AssertNoSecret(Redactor.RedactOutput(url));
    }

    [Fact]
    public async Task A_cli_that_echoes_credentials_encoded_leaks_them_nowhere()
    {
        using var cli = FakeAwsCli.Running("""
            import urllib.parse, base64
            for name in ('AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'):
                value = os.environ[name]
                for text in (urllib.parse.quote(value, safe=''), urllib.parse.quote_plus(value), base64.b64encode(b'x' + value.encode()).decode(), base64.urlsafe_b64encode(value.encode()).decode()):
                    print('out ' + text)
                    print('err ' + text, file=sys.stderr)
            sys.exit(int(sys.argv[-1].rsplit('/', 1)[-1]))
            """);
        var audit = Path.Combine(Path.GetTempPath(), "encodedsecret-audit-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var environment = new Dictionary<string, string?>
            {
                ["AWS_MCP_AWS_CLI"] = cli.Path, ["AWS_SECRET_ACCESS_KEY"] = Secret, ["AWS_SESSION_TOKEN"] = Token, ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
                ["AWS_MCP_AUDIT_LOG"] = audit,
            };
            // The command line carries the token URL-encoded too, for the audit line; exit 0 shows output, 3 stderr.
            foreach (var exit in new[] { "0", "3" })
            {
                var result = await ProcessRunner.RunAwsmcpAsync(environment, "exec", $"aws s3 ls s3://bucket/{Uri.EscapeDataString(Token)}/{exit}");
                Assert.Contains("[REDACTED]", result.Stdout + result.Stderr);
                Assert.Contains(exit == "0" ? "out " : "err ", result.Stdout + result.Stderr);
                AssertNoSecret(result.Stdout);
                AssertNoSecret(result.Stderr);
            }
            var lines = await File.ReadAllTextAsync(audit);
            Assert.Contains("[REDACTED]", lines);
            AssertNoSecret(lines);
        }
        finally
        {
            File.Delete(audit);
        }
    }

    [Fact]
    public async Task A_minted_url_keeps_the_encoded_token_only_when_it_was_an_allowed_sensitive_read()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = AccessKeyId, ["AWS_SECRET_ACCESS_KEY"] = Secret, ["AWS_SESSION_TOKEN"] = Token, ["AWS_DEFAULT_REGION"] = "us-east-1",
        };
        var executor = new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default, AwsCliInstallation.Detect(), audit: AuditLog.Off, awsEnvironment: environment);

        // Sensitive reads the policy allowed: the URLs they mint must carry our token (encoded) and key id, never the secret.
        var minted = await executor.ExecuteAsync("aws rds generate-db-auth-token --hostname db.example.com --port 5432 --username app");
        Assert.Equal(ExecutionStatus.Success, minted.Status);
        Assert.Contains("X-Amz-Security-Token=" + Uri.EscapeDataString(Token), minted.Output);
        Assert.Contains(AccessKeyId, minted.Output);
        Assert.DoesNotContain(Secret, minted.Output);
        var presigned = await executor.ExecuteAsync("aws s3 presign s3://bucket/key");
        Assert.Equal(ExecutionStatus.Success, presigned.Status);
        Assert.Contains(Uri.EscapeDataString(Token), presigned.Output);
        Assert.DoesNotContain(Secret, presigned.Output);

        // Not allowed (read-only mode without an exact allow rule): refused, and the refusal carries no secret.
        var readOnly = new CommandExecutor(AwsCatalogue.Default, ExecutionPolicy.Default with { Safety = PolicyEnvironment.Read(_ => null, readOnlyFlag: true) },
            AwsCliInstallation.Detect(), audit: AuditLog.Off, awsEnvironment: environment);
        var refused = await readOnly.ExecuteAsync("aws s3 presign s3://bucket/key");
        Assert.Equal(ExecutionStatus.Rejected, refused.Status);
        AssertNoSecret(refused.Output + refused.Rejection!.Message);
        Assert.NotEmpty(moto.Endpoint);
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in new[] { Secret, Token })
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(Uri.EscapeDataString(secret), text, StringComparison.OrdinalIgnoreCase);
            foreach (var core in new[] { Core(secret, 0), Core(secret, 1), Core(secret, 2) })
            {
                Assert.DoesNotContain(core, text);
                Assert.DoesNotContain(core.Replace('+', '-').Replace('/', '_'), text);
            }
        }
    }

    /// <summary>The middle of base64(pad bytes + secret), independent of what surrounds it (a shorter core than the
    /// redactor's, so any leftover is caught).</summary>
    private static string Core(string secret, int pad)
    {
        var encoded = Convert.ToBase64String([.. new byte[pad], .. Encoding.UTF8.GetBytes(secret)]);
        return encoded[4..^4];
    }
}
