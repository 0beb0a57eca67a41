using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AwsMcpTyped.Tests.Packaging;

/// <summary>
/// Checks on the compose files (read as YAML; `docker compose config` runs in GitHub CI): the stdio service mounts
/// ~/.aws read-only into the image user's home and passes AWS_PROFILE/AWS_DEFAULT_REGION with defaults; the HTTP service
/// publishes on 127.0.0.1 only and requires a token; every AWS_MCP_* setting is one the README documents.
/// </summary>
internal static partial class ComposeRules
{
    public const string StdioService = "awsmcp";
    public const string HttpService = "awsmcp-http";

    /// <param name="stdio">docker-compose.yml</param>
    /// <param name="http">docker-compose.http.yml</param>
    /// <param name="home">the image user's home (from the Dockerfile's useradd)</param>
    /// <param name="documented">AWS_MCP_* names the README documents</param>
    public static IReadOnlyList<string> Check(string stdio, string http, string home, IReadOnlySet<string> documented)
    {
        var errors = new List<string>();
        // Compose interpolates every service before profiles or service selection apply: a required variable in
        // this file would be demanded from every user of the stdio service.
        if (stdio.Contains(":?", StringComparison.Ordinal))
            errors.Add("docker-compose.yml: no required (:?) variables; they would break the stdio service");

        var stdioService = Service(stdio, StdioService, errors);
        if (stdioService is not null)
            CheckStdio(stdioService, home, errors);
        var httpService = Service(http, HttpService, errors);
        if (httpService is not null)
            CheckHttp(httpService, errors);

        foreach (var name in Environment(stdioService).Keys.Concat(Environment(httpService).Keys).Where(k => k.StartsWith("AWS_MCP_", StringComparison.Ordinal)))
        {
            if (!documented.Contains(name))
                errors.Add($"{name}: not a setting the README documents");
        }
        return errors;
    }

    private static void CheckStdio(YamlMappingNode service, string home, List<string> errors)
    {
        if (Scalar(service, "stdin_open") != "true")
            errors.Add($"{StdioService}: stdin_open: true (MCP over stdio)");
        if (service.Children.TryGetValue("build", out _) is false)
            errors.Add($"{StdioService}: build the image from the Dockerfile (build:)");
        var volumes = Sequence(service, "volumes");
        var aws = volumes.FirstOrDefault(v => v.StartsWith("~/.aws:", StringComparison.Ordinal));
        if (aws is null)
            errors.Add($"{StdioService}: mount ~/.aws");
        else if (aws != $"~/.aws:{home}/.aws:ro")
            errors.Add($"{StdioService}: mount ~/.aws read-only at {home}/.aws (`~/.aws:{home}/.aws:ro`), not `{aws}`");
        var env = Environment(service);
        foreach (var name in new[] { "AWS_PROFILE", "AWS_DEFAULT_REGION" }) // AWS_DEFAULT_REGION: the one both CLI versions read
        {
            if (!env.TryGetValue(name, out var value) || !value.StartsWith("${" + name + ":-", StringComparison.Ordinal))
                errors.Add($"{StdioService}: environment {name}: ${{{name}:-default}} (passed through, with a default)");
        }
    }

    private static void CheckHttp(YamlMappingNode service, List<string> errors)
    {
        var command = Sequence(service, "command");
        if (!command.SequenceEqual(["serve", "--http", "--host", "0.0.0.0", "--port", "8000"]))
            errors.Add($"{HttpService}: command must be [serve, --http, --host, 0.0.0.0, --port, 8000]");
        var ports = Sequence(service, "ports");
        if (ports.Count == 0)
            errors.Add($"{HttpService}: publish port 8000 on 127.0.0.1");
        foreach (var port in ports.Where(p => !LoopbackPort().IsMatch(p)))
            errors.Add($"{HttpService}: port `{port}` must be bound to 127.0.0.1 only (127.0.0.1:HOSTPORT:8000)");
        if (!Environment(service).TryGetValue("AWS_MCP_HTTP_TOKEN", out var token) ||
            !token.StartsWith("${AWS_MCP_HTTP_TOKEN:?", StringComparison.Ordinal))
            errors.Add($"{HttpService}: AWS_MCP_HTTP_TOKEN must be required: ${{AWS_MCP_HTTP_TOKEN:?...}}");
        if (service.Children.TryGetValue("extends", out var extends) && extends is YamlMappingNode e &&
            (Scalar(e, "file") != "docker-compose.yml" || Scalar(e, "service") != StdioService))
            errors.Add($"{HttpService}: extends must name docker-compose.yml's {StdioService} service");
    }

    /// <summary>The AWS_MCP_* names in the README's settings tables (rows starting with | `AWS_MCP_...`).</summary>
    public static IReadOnlySet<string> DocumentedSettings(string readme) =>
        DocumentedRow().Matches(readme).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static YamlMappingNode? Service(string yaml, string name, List<string> errors)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        if (root.Children.TryGetValue("services", out var services) && services is YamlMappingNode map &&
            map.Children.TryGetValue(name, out var service) && service is YamlMappingNode found)
            return found;
        errors.Add($"service {name} is missing");
        return null;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode s ? s.Value : null;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
            : [];

    /// <summary>environment: as a mapping or as a list of NAME=value.</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode? service)
    {
        if (service is null || !service.Children.TryGetValue("environment", out var env))
            return [];
        return env switch
        {
            YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => (p.Value as YamlScalarNode)?.Value ?? ""),
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value!.Split('=', 2))
                .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
            _ => [],
        };
    }

    [GeneratedRegex(@"^127\.0\.0\.1:\d+:8000(/tcp)?$")]
    private static partial Regex LoopbackPort();

    [GeneratedRegex(@"^\|\s*`(AWS_MCP_[A-Z_]+)`", RegexOptions.Multiline)]
    private static partial Regex DocumentedRow();
}
