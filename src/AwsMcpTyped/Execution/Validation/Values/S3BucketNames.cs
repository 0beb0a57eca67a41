using System.Text.RegularExpressions;

namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>
/// botocore's <c>validate_bucket_name</c> (registered on before-parameter-build.s3, the same in v1 and v2): an S3
/// operation's Bucket must be a plain name of the characters S3 allows, or an access point or Outposts ARN.
/// </summary>
internal static partial class S3BucketNames
{
    public static string? Problem(string option, string bucket) =>
        ValidBucket().IsMatch(bucket) || ValidArn().IsMatch(bucket)
            ? null
            : $"{option}: '{bucket}' is not a bucket name botocore sends: use letters, digits, '.', '-' and '_' (1 to 255), " +
              "or an access point ARN.";

    [GeneratedRegex(@"^[a-zA-Z0-9.\-_]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidBucket();

    [GeneratedRegex(@"^arn:(aws).*:(s3|s3-object-lambda):[a-z\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-.]{1,63}$|" +
                    @"^arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63}$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ValidArn();
}
