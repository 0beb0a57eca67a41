namespace AwsMcpTyped.Execution.Errors;

/// <summary>What went wrong when a command ran (rejections before running are <see cref="Validation.RejectionKind"/>).</summary>
public enum ErrorKind
{
    CliNotInstalled,
    NoCredentials,
    ExpiredToken,
    InvalidToken,
    SignatureMismatch,
    UnknownProfile,
    NoRegion,
    AccessDenied,
    Throttling,
    InvalidParameter,
    NotFound,
    EndpointUnreachable,
    Timeout,
    Cancelled,
    FilterFailed,
    Other,
}
