using AwsMcpTyped.Execution.Errors;

namespace AwsMcpTyped.Tests.Execution;

/// <summary>The CLI's and services' error wording → error kind and hint (integration tests cover NotFound and
/// UnknownProfile against moto; these are the messages moto cannot produce).</summary>
public sealed class ErrorClassifierTests
{
    [Theory]
    [InlineData("Unable to locate credentials. You can configure credentials by running \"aws configure\".", ErrorKind.NoCredentials, "AWS_PROFILE")]
    [InlineData("The config profile (dev) could not be found", ErrorKind.UnknownProfile, "aws://config/profiles")]
    [InlineData("An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired", ErrorKind.ExpiredToken, "sso login")]
    [InlineData("An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.", ErrorKind.InvalidToken, "access key")]
    [InlineData("An error occurred (SignatureDoesNotMatch) when calling the ListBuckets operation: The request signature we calculated does not match", ErrorKind.SignatureMismatch, "clock")]
    [InlineData("You must specify a region. You can also configure your region by running \"aws configure\".", ErrorKind.NoRegion, "region")]
    [InlineData("An error occurred (AccessDenied) when calling the ListUsers operation: User: arn:aws:iam::1:user/x is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::1:user/", ErrorKind.AccessDenied, "'iam:ListUsers'")]
    [InlineData("An error occurred (UnauthorizedOperation) when calling the DescribeInstances operation: You are not authorized to perform this operation.", ErrorKind.AccessDenied, "permission")]
    [InlineData("An error occurred (ThrottlingException) when calling the ListFunctions operation (reached max retries: 4): Rate exceeded", ErrorKind.Throttling, "retry")]
    [InlineData("An error occurred (RequestLimitExceeded) when calling the DescribeInstances operation: Request limit exceeded.", ErrorKind.Throttling, "retry")]
    [InlineData("An error occurred (InvalidParameterValue) when calling the RunInstances operation: Value (x) for parameter groupId is invalid.", ErrorKind.InvalidParameter, "describe_command")]
    [InlineData("An error occurred (InvalidInstanceID.Malformed) when calling the DescribeInstances operation: Invalid id: \"bad\"", ErrorKind.InvalidParameter, "describe_command")]
    [InlineData("Parameter validation failed:\nInvalid type for parameter MaxResults", ErrorKind.InvalidParameter, "describe_command")]
    [InlineData("An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:…", ErrorKind.NotFound, "not found")]
    [InlineData("An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.", ErrorKind.NotFound, "not found")]
    [InlineData("Could not connect to the endpoint URL: \"https://ec2.moon-1.amazonaws.com/\"", ErrorKind.EndpointUnreachable, "region name")]
    [InlineData("something unexpected", ErrorKind.Other, "see its message")]
    public void Classifies_with_an_actionable_hint(string stderr, ErrorKind kind, string hint)
    {
        var (actual, text) = ErrorClassifier.Classify(stderr);
        Assert.Equal(kind, actual);
        Assert.Contains(hint, text);
    }
}
