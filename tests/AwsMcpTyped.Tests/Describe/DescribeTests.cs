using System.Text.RegularExpressions;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Describe;

namespace AwsMcpTyped.Tests.Describe;

public sealed partial class DescribeTests
{
    private static readonly CommandDescriber Describer = new(AwsCatalogue.Default);

    private static string Page(string service, string? command = null, string? parameter = null)
    {
        var result = Describer.Describe(service, command, parameter);
        Assert.False(result.IsError, result.Text);
        AssertClean(result.Text);
        return result.Text;
    }

    [Fact]
    public void S3_overview_lists_the_high_level_commands()
    {
        var page = Page("s3");
        foreach (var command in new[] { "ls", "cp", "mv", "rm", "sync", "mb", "rb", "presign", "website" })
            Assert.Matches(new Regex($"^  {command} +\\[", RegexOptions.Multiline), page);
    }

    [Fact]
    public void S3_ls_is_the_cli_help_page()
    {
        var page = Page("s3", "ls");
        ContainsAll(page, "SYNOPSIS", "--recursive", "--human-readable", "ACCESS\n  read\n  IAM actions: s3:ListAllMyBuckets, s3:ListBucket");
    }

    [Fact]
    public void Pages_show_the_iam_actions_with_the_access_class()
    {
        Assert.Contains("  Access: destructive\n  IAM actions: s3:DeleteBucket\n", Page("s3api", "delete-bucket"));
        Assert.Contains("IAM actions: s3:DeleteBucket, s3:DeleteObject, s3:ListBucket", Page("s3", "rb"));
        Assert.Contains("IAM actions: none (calls no AWS API)", Page("configure", "set"));
    }

    [Fact]
    public void S3_cp_documents_its_options_and_examples()
    {
        var page = Page("s3", "cp");
        ContainsAll(page, "--recursive", "--exclude", "EXAMPLES");
        Assert.True(page.Length <= PageBudget.DefaultCharacters + 400, $"{page.Length} characters");
    }

    [Fact]
    public void S3api_list_buckets_has_options_and_output()
    {
        var page = Page("s3api", "list-buckets");
        ContainsAll(page, "NAME\n  list-buckets - ", "--prefix", "--bucket-region");
        Assert.DoesNotContain("--max-buckets", page); // the paginator's limit key: hidden behind --page-size, as in the CLI
        ContainsAll(page, "OUTPUT", "Buckets -> (list)", "Note: ");
    }

    [Fact]
    public void Ec2_overview_summarises_commands_and_says_how_to_narrow_the_list()
    {
        var page = Page("ec2");
        Assert.Contains("Amazon Elastic Compute Cloud", page);
        Assert.Matches(@"describe-\* \(\d+\): [^\n]*\binstances\b", Flat(page));
        Assert.Contains("command=\"describe-*\"", page);
        Assert.True(page.Length <= PageBudget.DefaultCharacters + 400, $"{page.Length} characters");
        var narrowed = Page("ec2", "describe-inst*");
        ContainsAll(narrowed, "describe-instances ", "describe-instance-status ");
        Assert.DoesNotContain("run-instances", narrowed);
    }

    [Fact]
    public void Ec2_describe_instances_lists_its_options()
    {
        var page = Page("ec2", "describe-instances");
        ContainsAll(page, "--instance-ids", "--filters", "[--dry-run | --no-dry-run]", "is a paginated operation");
        Assert.DoesNotContain("--next-token", page); // hidden by pagination, as in the CLI's help
        Assert.True(page.Length <= PageBudget.DefaultCharacters + 400, $"{page.Length} characters");
    }

    [Fact]
    public void Ec2_describe_instances_filters_parameter_has_structure_and_syntax()
    {
        var page = Page("ec2", "describe-instances", "filters");
        Assert.StartsWith("--filters (list)", page);
        ContainsAll(page, "Shorthand Syntax:\n  Name=string,Values=string,string ...", "\"Name\": \"string\"", "Name -> (string)", "Values -> (list)");
        Assert.Contains("instance-state-name", page); // from the full documentation
        Assert.Equal(page, Page("ec2", "describe-instances", "--filters"));
        Assert.Equal(page, Page("ec2", "describe-instances", "Filters"));
    }

    [Fact]
    public void Ec2_wait_instance_running_is_derived_from_the_waiter()
    {
        var page = Flat(Page("ec2", "wait instance-running"));
        ContainsAll(page, "Wait until JMESPath query Reservations[].Instances[].State.Name returns running for all elements", "It will poll every 15 seconds", "after 40 failed checks", "--instance-ids");
        var group = Page("ec2", "wait");
        ContainsAll(group, "wait instance-running", "wait volume-available");
    }

    [Fact]
    public void Dynamodb_create_table_pages_name_key_schema_members()
    {
        var page = Page("dynamodb", "create-table");
        ContainsAll(page, "\n    [--key-schema <value>]\n", "\n    --table-name <value>\n"); // KeySchema is optional in this model
        var keySchema = Page("dynamodb", "create-table", "key-schema");
        ContainsAll(keySchema, "AttributeName -> (string) [required]", "KeyType -> (string) [required]", "Possible values: HASH, RANGE", "Shorthand Syntax:", "\"KeyType\": \"HASH\"|\"RANGE\"");
    }

    [Fact]
    public void Lambda_invoke_has_the_outfile_positional()
    {
        var page = Page("lambda", "invoke");
        Assert.Contains("Example 1: To invoke a Lambda function synchronously", page); // the CLI's own examples
        Assert.Contains("\n      aws lambda invoke \\\n", page);
        ContainsAll(page, "--function-name <value>", "<outfile>", "--invocation-type", "Possible values: Event, RequestResponse, DryRun");
    }

    [Fact]
    public void Configure_overview_and_subcommands()
    {
        var page = Page("configure");
        foreach (var command in new[] { "get", "set", "list", "add-model" })
            Assert.Matches(new Regex($"^  {command} +\\[", RegexOptions.Multiline), page);
        Assert.Contains("aws_access_key_id", Page("configure", "set"));
    }

    [Fact]
    public void Operation_names_are_accepted_as_commands()
    {
        Assert.Equal(Page("ec2", "describe-instances"), Page("ec2", "DescribeInstances"));
    }

    [Theory]
    [InlineData("ec22", null, null, "ec2")]
    [InlineData("lamda", null, null, "lambda")]
    [InlineData("ec2", "describe-instance", null, "describe-instances")]
    [InlineData("s3", "copy", null, "cp")]
    [InlineData("ec2", "describe-instances", "--filter", "--filters")]
    public void Unknown_names_get_a_short_error_with_the_nearest_names(string service, string? command, string? parameter, string suggestion)
    {
        var result = Describer.Describe(service, command, parameter);
        Assert.True(result.IsError);
        Assert.Contains("Did you mean", result.Text);
        Assert.Contains(suggestion, result.Text);
        Assert.True(result.Text.Length < 600, result.Text);
    }

    /// <summary>Pages whose documentation quotes HTML as an example value (not markup left over from conversion).</summary>
    private static readonly HashSet<string> QuotesHtmlOnPurpose =
    [
        "sagemaker create-labeling-job", // the UiConfig instructions example is an HTML string: {"shortInstruction":"<h1>Add header</h1><p>…"}
    ];

    [Fact]
    public void Operations_the_cli_leaves_out_are_explained()
    {
        var result = Describer.Describe("lambda", "invoke-with-response-stream");
        Assert.True(result.IsError);
        Assert.Contains("InvokeWithResponseStream", result.Text);
        Assert.Contains("the AWS CLI does not offer it", result.Text);
    }

    [Fact]
    public void Every_command_page_renders_clean_and_within_budget()
    {
        var failures = new List<string>();
        // Each CLI version's commands, described as that version has them.
        foreach (var view in new[] { AwsCatalogue.Default.ForDialect(CliDialects.V1), AwsCatalogue.Default.ForDialect(CliDialects.V2) })
        foreach (var service in view.LoadAll())
        {
            var describer = new CommandDescriber(view);
            foreach (var command in service.Commands)
            {
                var result = describer.Describe(service.Name, command.Name);
                var quotesHtml = QuotesHtmlOnPurpose.Contains($"{service.Name} {command.Name}");
                if (result.IsError || result.Text.Length > PageBudget.DefaultCharacters + 400 || !(IsClean(result.Text) || quotesHtml))
                    failures.Add($"{service.Name} {command.Name} ({result.Text.Length} chars, error={result.IsError})");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static void ContainsAll(string page, params string[] expected)
    {
        foreach (var text in expected)
            Assert.Contains(text, page);
    }

    /// <summary>The page with line wrapping undone, for assertions on sentences.</summary>
    private static string Flat(string page) => Whitespace().Replace(page, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static void AssertClean(string text) => Assert.True(IsClean(text), "page contains HTML or control characters");

    /// <summary>No HTML markup or control characters in the prose. The CLI's example blocks are left out of the check:
    /// they quote real payloads, and some of those are HTML (ses send-email, cognito-idp risk configuration emails).</summary>
    private static bool IsClean(string text) => !Html().IsMatch(WithoutExamples(text)) && !text.Any(c => c < ' ' && c != '\n');

    private static string WithoutExamples(string page)
    {
        var start = page.IndexOf("\nEXAMPLES\n", StringComparison.Ordinal);
        if (start < 0)
            return page;
        var end = page.IndexOf("\nOUTPUT\n", start, StringComparison.Ordinal);
        return page[..start] + (end < 0 ? "" : page[end..]);
    }

    [GeneratedRegex("</?(p|code|a|ul|li|note|important|b|i)[ >]")]
    private static partial Regex Html();
}
