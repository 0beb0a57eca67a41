namespace AwsMcpTyped.Describe;

/// <summary>The AWS CLI's global options (awscli/data/cli.json), listed once per page rather than in full.</summary>
internal static class GlobalOptions
{
    public const string Summary =
        "--region, --profile, --output (json|text|table|yaml|yaml-stream), --query (JMESPath), --endpoint-url, " +
        "--no-paginate, --cli-read-timeout, --cli-connect-timeout, --color, --ca-bundle, --no-verify-ssl, " +
        "--no-sign-request, --debug, --version. Pass them anywhere on the command line.";
}
