using System.Net;

namespace AwsMcpTyped.Cli.Http;

/// <summary>Where and how the Streamable HTTP endpoint listens. A bearer token (AWS_MCP_HTTP_TOKEN) is required when
/// configured, and always when bound to a non-loopback address.</summary>
internal sealed record HttpServerSettings(string Host, int Port, string? Token)
{
    public bool IsLoopback => Host is "localhost" || (IPAddress.TryParse(Host, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Host names a browser may legitimately use for this server (DNS-rebinding protection).</summary>
    public bool IsAllowedHost(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || string.Equals(host, Host, StringComparison.OrdinalIgnoreCase);
}
