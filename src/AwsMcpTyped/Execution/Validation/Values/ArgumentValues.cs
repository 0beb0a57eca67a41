namespace AwsMcpTyped.Execution.Validation.Values;

/// <summary>
/// The value botocore receives for one argument, made as the CLI makes it (awscli/argprocess.py): shorthand where the
/// CLI parses shorthand (<c>ParamShorthandParser</c>, with its two backward-compatible special cases), else
/// <c>unpack_cli_arg</c>: JSON for structures, maps, documents, JSON-value headers and lists given as <c>[…]</c>, each
/// value of other lists by its element's type, and scalars through Python's <c>int()</c>, <c>float()</c> and the
/// CLI's boolean rule.
/// </summary>
internal static class ArgumentValues
{
    /// <summary>The lists of single-member structures the CLI still fills from bare values, per CLI service name
    /// (v1 spells elb 'elastic-load-balancing', its service id, which botocore's event aliases map to).</summary>
    private static readonly Dictionary<string, Dictionary<string, string[]>> OldListCases = new(StringComparer.Ordinal)
    {
        ["firehose"] = new() { ["put-record-batch"] = ["--records"] },
        ["workspaces"] = new()
        {
            ["reboot-workspaces"] = ["--reboot-workspace-requests"],
            ["rebuild-workspaces"] = ["--rebuild-workspace-requests"],
            ["terminate-workspaces"] = ["--terminate-workspace-requests"],
        },
        ["elb"] = new()
        {
            ["remove-tags"] = ["--tags"],
            ["describe-instance-health"] = ["--instances"],
            ["deregister-instances-from-load-balancer"] = ["--instances"],
            ["register-instances-with-load-balancer"] = ["--instances"],
        },
    };

    /// <summary>The value, or why the CLI refuses it before sending anything.</summary>
    /// <param name="words">The words argparse gave the argument.</param>
    /// <param name="takesList">Whether argparse collects a list for it (nargs * or +).</param>
    public static (object? Value, string? Problem) Unpack(string service, string command, string option,
        IReadOnlyList<string> words, bool takesList, InputMember member)
    {
        var shape = member.Shape;
        object value = takesList ? words.ToList() : words[0];
        var first = takesList ? words.FirstOrDefault() : words[0];
        var looksLikeJson = first is not null && first.Trim(ShorthandParser.PythonWhitespace.ToCharArray()) is ['[' or '{', ..];
        if (!looksLikeJson && SupportsShorthand(shape))
            return Shorthand(service, command, option, value, shape);
        return member.Streaming ? (new LoadedFile(words[0], Binary: true), null) : Unpack(shape, value, option, member.JsonValueHeader);
    }

    private static bool SupportsShorthand(InputShape shape) =>
        !shape.IsDocumentContainer && shape.Type switch
        {
            "structure" or "map" => true,
            "list" => shape.Member is { IsScalar: false },
            _ => false,
        };

    private static (object? Value, string? Problem) Shorthand(string service, string command, string option, object value, InputShape shape)
    {
        if (value is List<string> bare && shape is { Type: "list", Member: { Type: "structure", Members.Count: 1 } element } &&
            OldListCases.TryGetValue(service, out var commands) && commands.TryGetValue(command, out var options) && options.Contains(option))
        {
            var key = element.Members.Keys.First();
            return (bare.Select(v => (object?)new Dictionary<string, object?> { [key] = v }).ToList(), null);
        }
        if (value is string single && shape is { Type: "structure", Members.Count: 1 } && shape.Members.TryGetValue("Value", out var only) &&
            only.Shape.Type == "string" && !single.Contains('='))
            return (new Dictionary<string, object?> { ["Value"] = single }, null);

        object? parsed;
        if (value is List<string> words)
        {
            var items = new List<object?>();
            for (var i = 0; i < words.Count; i++)
            {
                var result = ShorthandParser.Parse(words[i]);
                if (ReadsFiles(result) is { } loaded)
                    return (loaded, null);
                if (result.Error is { } error)
                    return (null, ShorthandProblem(words.Count == 1 ? option : $"{option} (value {i + 1})", words[i], error));
                items.Add(result.Value);
            }
            parsed = items;
        }
        else
        {
            var result = ShorthandParser.Parse((string)value);
            if (ReadsFiles(result) is { } loaded)
                return (loaded, null);
            if (result.Error is { } error)
                return (null, ShorthandProblem(option, (string)value, error));
            parsed = result.Value;
        }
        return ShorthandVisitor.Visit(parsed, shape, option) is { } problem ? (null, problem) : (parsed, null);
    }

    /// <summary>A value whose <c>key@=file://…</c> entries the CLI reads while parsing, before any error: file
    /// confinement answers for it, and what the files hold is not known here.</summary>
    private static LoadedFile? ReadsFiles(ShorthandResult result) =>
        result.ParamFiles.FirstOrDefault(f => f.StartsWith("file://", StringComparison.Ordinal) || f.StartsWith("fileb://", StringComparison.Ordinal)) is { } file
            ? new LoadedFile(file, file.StartsWith("fileb://", StringComparison.Ordinal))
            : null;

    private static string ShorthandProblem(string option, string value, ShorthandError error)
    {
        if (error.DuplicateKey is { } key)
            return $"{option}: the key '{key}' is given twice (at character {error.Index + 1} of '{value}'); a ',' where a space " +
                   "belongs often causes this.";
        var found = error.Actual == "EOF" ? "the end" : error.Actual == "<none>" ? "no value" : $"'{error.Actual}'";
        var expected = error.Expected.StartsWith('<') ? "a value" : $"'{error.Expected}'";
        var hint = error.Expected == "=" ? " Shorthand is Key=Value,Key2=Value2 (lists [a,b], structures {k=v}); or give JSON." : "";
        return $"{option}: shorthand expects {expected} at character {error.Index + 1} of '{value}', found {found}.{hint}";
    }

    /// <summary>awscli's unpack_cli_arg.</summary>
    private static (object? Value, string? Problem) Unpack(InputShape shape, object value, string option, bool jsonValueHeader)
    {
        if (jsonValueHeader || shape.Document)
            return Json(value as string ?? "", option);
        if (shape.IsScalar)
            return value is string scalar ? Scalar(shape, scalar, option) : (value, null);
        if (shape.Type is "structure" or "map")
        {
            var text = value as string ?? "";
            var start = text.TrimStart(ShorthandParser.PythonWhitespace.ToCharArray());
            if (start.Length == 0)
                return (null, $"{option} needs a value (a JSON object or shorthand).");
            return start[0] == '{' ? Json(text, option) : (null, $"{option}: the value is not JSON: '{text}'.");
        }
        // A list: one JSON array, or each value by the element's type.
        if (value is string listText)
            return listText.TrimStart(ShorthandParser.PythonWhitespace.ToCharArray()).StartsWith('[') ? Json(listText, option) : (value, null);
        var words = (List<string>)value;
        if (words is [var one] && one.Trim(ShorthandParser.PythonWhitespace.ToCharArray()).StartsWith('['))
            return Json(one, option);
        var items = new List<object?>();
        foreach (var word in words)
        {
            var (item, problem) = Unpack(shape.Member!, word, option, false);
            if (problem is not null)
                return (null, problem);
            items.Add(item);
        }
        return (items, null);
    }

    private static (object? Value, string? Problem) Scalar(InputShape shape, string value, string option)
    {
        switch (shape.Type)
        {
            case "integer" or "long":
                return PythonNumbers.TryParseInteger(value, out var integer) ? (integer, null) : (null, $"{option} takes whole numbers, not '{value}'.");
            case "float" or "double":
                return PythonNumbers.TryParseFloat(value, out var real) ? (real, null) : (null, $"{option} takes numbers, not '{value}'.");
            case "boolean":
                return (value.ToLowerInvariant() != "false" && value.Length > 0, null);
            default:
                return (value, null);
        }
    }

    private static (object? Value, string? Problem) Json(string text, string option)
    {
        var (value, error) = JsonValues.Parse(text);
        return error is null ? (value, null) : (null, $"{option}: the value is {error}. Check the quoting: the whole JSON value must be one shell word.");
    }
}
