namespace AwsMcpTyped.Execution.Validation;

/// <summary>
/// AWS CLI v1 loads a parameter whose value starts with <c>http://</c> or <c>https://</c> from that URL before the
/// command runs (awscli/paramfile.py, URIArgumentHandler; on by default, <c>cli_follow_urlparam</c>). That is a
/// request from this machine to any address, such as the instance metadata service, even for a read-only command
/// (<c>aws s3api list-objects-v2 --bucket b --prefix http://169.254.169.254/…</c>). So a value the CLI would fetch is
/// refused. The rule mirrors the CLI's: the prefix is matched case-sensitively (str.startswith), only a lone value
/// is fetched (an argument given several values, nargs '+' or a positional pair, is a list the handler leaves alone),
/// and the parameters in <see cref="UrlParameterExemptions"/> are never fetched. Shorthand <c>@=</c> values load only
/// file:// and fileb:// (shorthand.py uses the local prefixes), and --cli-input-json contents are not loaded further.
/// AWS CLI v2 never fetches URLs (the value is the text itself), so the check applies where v1 is installed: the
/// executor asks the installed CLI its version before validating.
/// </summary>
internal static class UrlParameters
{
    private static readonly string[] RemotePrefixes = ["http://", "https://"];

    public static string? Problem(AwsInvocation invocation)
    {
        if (invocation.Service is not { } service || invocation.Command is not { } command)
            return null;
        foreach (var option in invocation.Arguments.Options)
        {
            if (option.Values.Count == 1 && IsFetched(option.Values[0]) &&
                !UrlParameterExemptions.Contains(service.Name, command.Name, option.Argument.Name))
                return Message(option.Argument.Name, option.Values[0]);
        }
        foreach (var group in invocation.Arguments.Positionals.GroupBy(p => p.Argument.Name))
        {
            var values = group.ToList();
            if (values.Count == 1 && IsFetched(values[0].Value) &&
                !UrlParameterExemptions.Contains(service.Name, command.Name, group.Key))
                return Message(group.Key, values[0].Value);
        }
        return null;
    }

    private static bool IsFetched(string value) => RemotePrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal));

    private static string Message(string argument, string value) =>
        $"{argument} '{value}' starts with {value[..value.IndexOf("//", StringComparison.Ordinal)]}//, and AWS CLI v1 would fetch that URL " +
        "from this machine and use the response as the value (cli_follow_urlparam), a request that can reach internal services such as the " +
        "instance metadata service. It is refused even where a profile sets cli_follow_urlparam = false, since the check cannot tell. " +
        "To pass the text itself, write it into a file in the working directory and give " +
        "file://NAME, or put it in --cli-input-json (whose contents are not fetched).";
}
