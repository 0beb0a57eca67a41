namespace AwsMcpTyped.Execution.Files;

/// <summary>
/// Every local path <c>aws cloudformation package</c> would upload from a template, found as
/// artifact_exporter.Template.export walks it: Metadata exporters, then (when there are Resources) every
/// <c>Fn::Transform</c> named <c>AWS::Include</c> anywhere in the template, then each resource (also inside
/// <c>Fn::ForEach::</c> loops) whose type is in <see cref="CloudFormationArtifacts"/>. Relative paths are relative to
/// the template's directory; a missing property means that directory itself; s3:// values are not local; nested
/// templates (a local <c>TemplateURL</c> or <c>Location</c>, not http(s)) are read and walked in turn.
/// <c>check</c> confines one path (the same check as every local path argument); <c>resolveInside</c> gives the
/// real path of an already-confined one.
/// </summary>
internal sealed class CloudFormationTemplatePaths(Func<LocalPathArgument, string?> check, Func<string, string?> resolveInside)
{
    private const int MaxDepth = 20;
    private const long MaxTemplateBytes = 10 * 1024 * 1024;

    /// <summary>Why packaging the template at <paramref name="realPath"/> would read a file outside, or null.</summary>
    public string? Problem(string argument, string realPath, string cwd) => Template(argument, realPath, cwd, 0, []);

    private string? Template(string name, string realPath, string cwd, int depth, HashSet<string> open)
    {
        if (depth > MaxDepth || !open.Add(realPath))
            return $"{name}: nested templates go deeper than {MaxDepth} levels or include themselves; the CLI would not finish packaging it";
        object? template;
        try
        {
            var info = new FileInfo(realPath);
            if (!info.Exists)
                return null; // the CLI fails to open it; nothing is uploaded
            if (info.Length > MaxTemplateBytes)
                return $"{name} is larger than {MaxTemplateBytes / 1024 / 1024} MB, too large to check the local files it names";
            template = CloudFormationTemplateReader.Parse(File.ReadAllText(realPath));
        }
        catch (FormatException error)
        {
            return $"{name} cannot be read as a CloudFormation template: {error.Message}. The paths it names must be checked before packaging; fix the template";
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null; // unreadable to us, and so to the CLI, which runs as the same user
        }
        if (template is not Dictionary<string, object?> root)
            return null;
        var directory = Path.GetDirectoryName(realPath)!;
        var context = new Walk(name, directory, cwd, depth, open);
        if (root.GetValueOrDefault("Metadata") is Dictionary<string, object?> metadata)
        {
            foreach (var (type, entry) in metadata)
            {
                foreach (var artifact in CloudFormationArtifacts.Metadata.Where(a => a.Type == type))
                {
                    if (Artifact(context, $"Metadata.{type}", artifact, entry) is { } problem)
                        return problem;
                }
            }
        }
        if (!root.ContainsKey("Resources"))
            return null;
        if (Includes(context, root, "") is { } includeProblem)
            return includeProblem;
        return root["Resources"] is Dictionary<string, object?> resources ? Resources(context, resources, "Resources") : null;
    }

    private sealed record Walk(string Name, string Directory, string Cwd, int Depth, HashSet<string> Open);

    private string? Resources(Walk context, Dictionary<string, object?> resources, string where)
    {
        foreach (var (id, resource) in resources)
        {
            if (id.StartsWith("Fn::ForEach::", StringComparison.Ordinal))
            {
                if (resource is List<object?> { Count: 3 } loop && loop[2] is Dictionary<string, object?> body &&
                    Resources(context, body, $"{where}.{id}") is { } loopProblem)
                    return loopProblem;
                continue;
            }
            if (resource is not Dictionary<string, object?> definition || definition.GetValueOrDefault("Type") is not string type)
                continue;
            foreach (var artifact in CloudFormationArtifacts.Resources.Where(a => a.Type == type))
            {
                if (Artifact(context, $"{where}.{id}.Properties", artifact, definition.GetValueOrDefault("Properties")) is { } problem)
                    return problem;
            }
        }
        return null;
    }

    /// <summary>Resource.export and upload_local_artifacts (or CloudFormationStackResource.do_export).</summary>
    private string? Artifact(Walk context, string where, CloudFormationArtifact artifact, object? properties)
    {
        if (properties is not Dictionary<string, object?> map)
            return null;
        var value = Search(map, artifact.Property);
        var label = $"{where}.{artifact.Property}";
        if (IsEmpty(value) && !artifact.PackageWhenEmpty)
            return null;
        if (value is Dictionary<string, object?> || (value is not null and not string))
            return null; // an intrinsic function, an S3 location, or a number: not a local path
        var text = (string?)value;
        if (artifact.NestedTemplate)
        {
            if (text is null || IsS3Url(text) || text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal))
                return null;
            var nested = Local(context.Directory, text);
            if (Check(context, label, text, nested) is { } nestedProblem)
                return nestedProblem;
            return resolveInside(nested) is { } real && File.Exists(real)
                ? Template($"{context.Name}: {label} (nested template '{text}')", real, context.Cwd, context.Depth + 1, context.Open)
                : null;
        }
        if (artifact.ForceZip && text is not null && !IsS3Url(text) && Check(context, label, text, Local(context.Cwd, text)) is { } cwdProblem)
            return cwdProblem;
        if (text is not null && IsS3Url(text))
            return null;
        return Check(context, label, text ?? "(missing: the template's directory)", text is null ? context.Directory : Local(context.Directory, text));
    }

    /// <summary>export_global_artifacts: AWS::Include's Parameters.Location, joined to the template's directory.</summary>
    private string? Includes(Walk context, Dictionary<string, object?> map, string where)
    {
        foreach (var (key, value) in map)
        {
            var here = where.Length == 0 ? key : $"{where}.{key}";
            if (key == "Fn::Transform")
            {
                if (value is Dictionary<string, object?> transform && transform.GetValueOrDefault("Name") as string == "AWS::Include" &&
                    transform.GetValueOrDefault("Parameters") is Dictionary<string, object?> parameters &&
                    parameters.GetValueOrDefault("Location") is string { Length: > 0 } location && !IsS3Url(location) &&
                    Check(context, here + ".Parameters.Location", location, Local(context.Directory, location)) is { } problem)
                    return problem;
                continue;
            }
            var children = value switch
            {
                Dictionary<string, object?> child => [child],
                List<object?> list => list.OfType<Dictionary<string, object?>>().ToList(),
                _ => new List<Dictionary<string, object?>>(),
            };
            foreach (var child in children)
            {
                if (Includes(context, child, here) is { } problem)
                    return problem;
            }
        }
        return null;
    }

    private string? Check(Walk context, string label, string value, string absolute) =>
        check(new LocalPathArgument($"{context.Name}: {label}", value, absolute, LocalAccess.Read));

    /// <summary>make_abs_path: no ~ or $VAR expansion, relative to <paramref name="directory"/>.</summary>
    private static string Local(string directory, string value) => Path.IsPathRooted(value) ? value : Path.Join(directory, value);

    private static object? Search(Dictionary<string, object?> map, string dotted)
    {
        object? current = map;
        foreach (var part in dotted.Split('.'))
            current = current is Dictionary<string, object?> level ? level.GetValueOrDefault(part) : null;
        return current;
    }

    private static bool IsEmpty(object? value) =>
        value is null or "" || value is Dictionary<string, object?> { Count: 0 } || value is List<object?> { Count: 0 };

    /// <summary>parse_s3_url: "s3://" with a bucket and a key.</summary>
    private static bool IsS3Url(string value)
    {
        if (!value.StartsWith("s3://", StringComparison.Ordinal))
            return false;
        var rest = value[5..];
        var slash = rest.IndexOf('/');
        return slash > 0 && rest[..slash].IndexOfAny(['?', '#']) < 0;
    }
}
