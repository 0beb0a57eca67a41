using System.Text.RegularExpressions;

namespace AwsMcpTyped.Execution.Errors;

/// <summary>
/// Turns the AWS CLI's stderr into an error kind and an actionable hint. Patterns follow the CLI's and the
/// services' own wording; the first that matches wins, most specific first.
/// </summary>
public static partial class ErrorClassifier
{
    private static readonly (Regex Pattern, ErrorKind Kind, string Hint)[] Rules =
    [
        (new Regex(@"Unable to locate credentials|NoCredentialsError|Partial credentials found", RegexOptions.IgnoreCase), ErrorKind.NoCredentials,
            "No AWS credentials were found. Configure a profile (aws configure / aws sso login) or set AWS_PROFILE (or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY) in the MCP client's env block."),
        (new Regex(@"The config profile \((?<profile>[^)]*)\) could not be found|ProfileNotFound", RegexOptions.IgnoreCase), ErrorKind.UnknownProfile,
            "The profile does not exist in ~/.aws/config or ~/.aws/credentials. Use a profile listed by the aws://config/profiles resource, or fix AWS_PROFILE."),
        (new Regex(@"ExpiredToken|security token included in the request is expired|Token has expired|session has expired|RequestExpired|refresh failed", RegexOptions.IgnoreCase), ErrorKind.ExpiredToken,
            "The credentials have expired. Refresh them (aws sso login --profile <name>, or new temporary credentials) and retry."),
        (new Regex(@"InvalidClientTokenId|UnrecognizedClientException|security token included in the request is invalid|InvalidAccessKeyId|AuthFailure", RegexOptions.IgnoreCase), ErrorKind.InvalidToken,
            "AWS does not recognise the access key or token. Check which credentials are in use (aws://config/environment) and replace invalid keys."),
        (new Regex(@"SignatureDoesNotMatch|signature we calculated does not match", RegexOptions.IgnoreCase), ErrorKind.SignatureMismatch,
            "The request signature does not match: usually a wrong secret access key, or a clock that is off. Check the secret key and the system time."),
        (new Regex(@"You must specify a region|NoRegionError", RegexOptions.IgnoreCase), ErrorKind.NoRegion,
            "No region is set. Pass region (or --region), or set AWS_DEFAULT_REGION / a region in the profile."),
        (new Regex(@"AccessDenied|UnauthorizedOperation|not authorized to perform|AuthorizationError|Forbidden|\(403\)", RegexOptions.IgnoreCase), ErrorKind.AccessDenied,
            "The credentials lack permission for this action. Ask for the IAM permission, or use a role that has it."),
        (new Regex(@"Throttl|Rate exceeded|TooManyRequests|RequestLimitExceeded|SlowDown|ProvisionedThroughputExceeded", RegexOptions.IgnoreCase), ErrorKind.Throttling,
            "AWS is throttling requests. Wait a few seconds and retry, and make fewer or smaller calls (--page-size, --max-items)."),
        (new Regex(@"Could not connect to the endpoint URL|EndpointConnectionError|Connection was closed|Connect timeout|Read timeout|Name or service not known", RegexOptions.IgnoreCase), ErrorKind.EndpointUnreachable,
            "The AWS endpoint could not be reached. Check the region name, the network, and any --endpoint-url / AWS_ENDPOINT_URL."),
        (new Regex(@"NoSuch\w+|\w*NotFound\w*|does not exist|cannot be found|\(404\)", RegexOptions.IgnoreCase), ErrorKind.NotFound,
            "The resource was not found. Check the name or ID and the region (resources are regional); list them first to see what exists."),
        (new Regex(@"ValidationError|ValidationException|InvalidParameter|Invalid[\w.]*\.Malformed|Malformed|MissingParameter|Parameter validation failed|Invalid choice|Unknown options|InvalidArgument|MalformedPolicy|invalid literal|argument --|Invalid type|Error parsing parameter", RegexOptions.IgnoreCase), ErrorKind.InvalidParameter,
            "A parameter was rejected. Check it with describe_command (service, command, parameter) and fix the value."),
    ];

    public static (ErrorKind Kind, string Hint) Classify(string stderr)
    {
        foreach (var (pattern, kind, hint) in Rules)
        {
            if (!pattern.IsMatch(stderr))
                continue;
            if (kind == ErrorKind.AccessDenied && IamAction().Match(stderr) is { Success: true } action)
                return (kind, $"The credentials lack the IAM permission '{action.Groups["action"].Value}'. Grant it (or use a role that has it) and retry.");
            return (kind, hint);
        }
        return (ErrorKind.Other, "The AWS CLI reported an error; see its message above.");
    }

    [GeneratedRegex(@"not authorized to perform:?\s+(?<action>[\w-]+:[\w*-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex IamAction();
}
