using System.Text.Json;
using AwsMcpTyped.Execution.Files;
using AwsMcpTyped.Execution.Validation;
using AwsMcpTyped.Execution.Validation.Values;
using AwsMcpTyped.Tests.Support;

namespace AwsMcpTyped.Tests.Execution;

/// <summary>
/// The CLI knowledge behind <see cref="FileConfinementReadsTests"/>, checked against the installed AWS CLI v1 itself:
/// the shorthand port reads the same values as awscli.shorthand.ShorthandParser, and the http(s) exemptions are the
/// ones the CLI's URIArgumentHandler applies.
/// </summary>
public sealed class FileConfinementCliModelTests
{
    public static TheoryData<string> ShorthandInputs => new()
    {
        "a@=file://x",
        "a=file://x",
        "a@=file://x,b=file://y",
        "a@=file://x,file://y,z",
        "a@=[file://x, 'file://y', \"file://z\"]",
        "a=[{b@=file://x}, file://y]",
        "a={b=file://x,c@=fileb://y}",
        "a@=x,file:///etc/passwd=y",
        "a @ = file://x",
        "a@=file://x\\,y",
        "a@='file://it\\'s'",
        "a@=http://x",
        "a@=[file://x",
        "a@=file://x,,,",
        "Name=x,Values@=y,file:///etc/passwd=z",
        "DeviceName=/dev/sda1,Ebs={VolumeSize@=file:///etc/hostname}",
        "a@={b=[file://x]},c=file://y",
    };

    [Theory]
    [MemberData(nameof(ShorthandInputs))]
    public async Task Shorthand_port_reads_what_the_cli_reads(string value)
    {
        const string script = """
            import sys, json
            from awscli.shorthand import ShorthandParser
            seen = []
            p = ShorthandParser()
            p._resolve_paramfiles = lambda v: (seen.append(v), v)[1]
            try:
                p.parse(sys.argv[1])
            except Exception:
                pass
            print(json.dumps(seen))
            """;
        var result = await ProcessRunner.RunAsync("python3", ["-c", script, value]);
        Assert.Equal(0, result.ExitCode);
        var expected = JsonSerializer.Deserialize<List<string>>(result.Stdout)!;
        Assert.Equal(expected, ShorthandParser.Parse(value).ParamFiles);
    }

    /// <summary>Derives the exemptions again from the installed CLI: PARAMFILE_DISABLED keys after botocore's event
    /// aliases, matched against every operation and customization argument, plus no_paramfile arguments.</summary>
    [Fact]
    public async Task Url_exemptions_match_the_installed_cli()
    {
        const string script = """
            import awscli.clidriver as cd
            from awscli.paramfile import PARAMFILE_DISABLED
            from awscli.customizations.commands import BasicCommand
            driver = cd.create_clidriver()
            emitter = driver.session.get_component("event_emitter")
            key = lambda event: ".".join(emitter._alias_event_name("load-cli-arg." + event).split(".")[1:])
            found = set()
            def custom(service, command, lineage):
                try:
                    args, subs = command.arg_table, command.subcommand_table
                except Exception:
                    return
                for name, arg in args.items():
                    if key(f"custom.{command.name}.{name}") in PARAMFILE_DISABLED or getattr(arg, "no_paramfile", False):
                        found.add(f"{service} {' '.join(lineage)}\t" + (name if getattr(arg, "positional_arg", False) else "--" + name))
                for sub, child in subs.items():
                    custom(service, child, lineage + [sub])
            for service, command in driver._get_command_table().items():
                if isinstance(command, BasicCommand):
                    custom(service, command, [])
                    continue
                if not hasattr(command, "_get_service_model"):
                    continue
                try:
                    prefix = command._get_service_model().endpoint_prefix
                except Exception:
                    prefix = None
                for name, operation in command._get_command_table().items():
                    if isinstance(operation, BasicCommand):
                        custom(service, operation, [name])
                        continue
                    try:
                        args = operation.arg_table
                    except Exception:
                        continue
                    for arg_name, arg in args.items():
                        if key(f"{prefix}.{name}.{arg_name}") in PARAMFILE_DISABLED or getattr(arg, "no_paramfile", False):
                            found.add(f"{service} {name}\t--{arg_name}")
            print("\n".join(sorted(found)))
            """;
        var result = await ProcessRunner.RunAsync("python3", ["-c", script], TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, result.Stderr);
        var expected = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
        var actual = UrlParameterExemptions.ByCommand.SelectMany(e => e.Value.Select(a => $"{e.Key}\t{a}")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }
}
