using AwsMcpTyped.Execution;
using AwsMcpTyped.Catalogue;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Tests.Execution;

/// <summary>Filter stages: allowed uses pass; every escape hatch (files, programs, environment) is closed.</summary>
public sealed class FilterRuleTests
{
    private static readonly CommandValidator Validator = new(AwsCatalogue.Default, ExecutionPolicy.Default);

    private static Rejection? Check(string filters) => Validator.Validate("aws s3api list-buckets | " + filters, 300).Rejection;

    [Theory]
    [InlineData("jq -r '.Buckets[].Name'")]
    [InlineData("jq -c --arg n x '.Buckets[] | select(.Name == $n)'")]
    [InlineData("jq '.Buckets | length'")]
    [InlineData("jq -r '\"env is a word in a string\"'")]
    [InlineData("grep -i bucket")]
    [InlineData("grep -v -e a -e b")]
    [InlineData("grep -c -E 'x|y'")]
    [InlineData("sort -r -k2,2 -t,")]
    [InlineData("sort -rn")]
    [InlineData("head -n 5")]
    [InlineData("head -5")]
    [InlineData("tail -n5")]
    [InlineData("wc -l")]
    [InlineData("cut -d, -f1")]
    [InlineData("uniq -c")]
    [InlineData("tr -d '\"'")]
    [InlineData("tr a-z A-Z")]
    [InlineData("column -t")]
    [InlineData("awk '{print $1}'")]
    [InlineData("awk -F, '$2 > 10 {print $1}'")]
    [InlineData("awk '{ print ($1 > 2) }'")]
    [InlineData("awk '/a|b/ {n++} END {print n}'")]
    [InlineData("awk 'a || b {print}'")]
    [InlineData("sed 's/a/b/g'")]
    [InlineData("sed -n '/x/p'")]
    [InlineData("sed -E -e 's/(a)/\\1/' -e '1d'")]
    [InlineData("sed '1,3{s/a/b/;p}'")]
    [InlineData("sed 's|/|-|g'")]
    [InlineData("jq -r '.Buckets[].Name' | sort | uniq -c | sort -rn | head -3")]
    public void Allowed_filters_pass(string filters) => Assert.Null(Check(filters));

    [Theory]
    [InlineData("sh", "not an allowed filter")]
    [InlineData("bash -c 'rm -rf /'", "not an allowed filter")]
    [InlineData("python3 -c 1", "not an allowed filter")]
    [InlineData("xargs rm", "not an allowed filter")]
    [InlineData("tee out.txt", "not an allowed filter")]
    [InlineData("curl http://example.com", "not an allowed filter")]
    [InlineData("rm -rf /", "not an allowed filter")]
    [InlineData("/usr/bin/jq .", "not an allowed filter")]
    [InlineData("cat /etc/passwd", "not an allowed filter")]
    [InlineData("aws s3 ls", "Only the first stage")]
    [InlineData("jq -f prog.jq", "reads the program from a file")]
    [InlineData("jq --rawfile x /etc/passwd .", "reads a file")]
    [InlineData("jq --slurpfile x /etc/passwd .", "reads a file")]
    [InlineData("jq -L /tmp .", "module search path")]
    [InlineData("jq env", "'env'")]
    [InlineData("jq '$ENV.AWS_SECRET_ACCESS_KEY'", "$ENV")]
    [InlineData("jq -r '.[] | input_filename'", "input_filename")]
    [InlineData("jq 'import \"x\" as x; .'", "import")]
    [InlineData("jq . /etc/passwd", "file")]
    [InlineData("grep -f patterns.txt", "reads patterns from a file")]
    [InlineData("grep -r secret /", "reads directories")]
    [InlineData("grep root /etc/passwd", "file")]
    [InlineData("sort -o out.txt", "writes a file")]
    [InlineData("sort --compress-program=sh", "runs a program")]
    [InlineData("sort /etc/passwd", "may not name files")]
    [InlineData("head /etc/passwd", "may not name files")]
    [InlineData("tail -f", "follows input forever")]
    [InlineData("wc --files0-from=list", "reads a file")]
    [InlineData("uniq in.txt out.txt", "may not name files")]
    [InlineData("tr a b /etc/passwd", "file")]
    [InlineData("cut -f1 /etc/passwd", "may not name files")]
    [InlineData("column -t /etc/passwd", "may not name files")]
    [InlineData("awk 'BEGIN{system(\"id\")}'", "'system'")]
    [InlineData("awk '{ \"date\" | getline d }'", "'|'")]
    [InlineData("awk '{ getline line < \"/etc/passwd\" }'", "'getline'")]
    [InlineData("awk '{ print > \"/tmp/x\" }'", "output redirection")]
    [InlineData("awk '{ print $1 >> \"/tmp/x\" }'", "output redirection")]
    [InlineData("awk '{ print | \"sh\" }'", "'|'")]
    [InlineData("awk '{ print ENVIRON[\"HOME\"] }'", "'ENVIRON'")]
    [InlineData("awk -f prog.awk", "reads the program from a file")]
    [InlineData("awk '{print}' /etc/passwd", "file")]
    [InlineData("sed -i s/a/b/ f", "edits files in place")]
    [InlineData("sed -f script.sed", "reads the script from a file")]
    [InlineData("sed e", "runs a shell command")]
    [InlineData("sed '1e id'", "runs a shell command")]
    [InlineData("sed 's/a/id/e'", "s///e")]
    [InlineData("sed 's/a/b/w /tmp/x'", "s///w")]
    [InlineData("sed 'w /tmp/x'", "writes a file")]
    [InlineData("sed '/x/r /etc/passwd'", "reads a file")]
    [InlineData("sed -n p /etc/passwd", "file")]
    public void Escape_hatches_are_rejected(string filters, string reason)
    {
        var rejection = Check(filters);
        Assert.NotNull(rejection);
        Assert.Contains(reason, rejection.Message);
    }

    /// <summary>Common uses that the token-level checks must keep accepting (some were refused by the old text scans).</summary>
    [Theory]
    [InlineData("jq -r '.Buckets[] | \"\\(.Name) \\(.CreationDate)\"'")]
    [InlineData("jq '.[] | select(.x | test(\"a#b\"))'")]
    [InlineData("jq '.Buckets # env would be a comment here\n| length'")]
    [InlineData("jq '.env, .[\"env\"], $__loc__'")]
    [InlineData("jq -n '$ARGS.positional' --args a b")]
    [InlineData("jq -r --arg env x '$env'")]
    [InlineData("awk -F'\\t' '{print $1}'")]
    [InlineData("awk '/foo/ {n++} END {print n}'")]
    [InlineData("awk '/a/ { n++ }\n/b/ { m++ }\nEND { print n, m }'")]
    [InlineData("awk '{a = $1 / 2; print a}'")]
    [InlineData("awk '{ print $1 / $2 / 3 }'")]
    [InlineData("awk '$0 ~ \"system\" { print \"# not a comment\" }'")]
    [InlineData("awk '/[0-9]+\\/[a-z]/ { print }'")]
    [InlineData("awk -v n=3 'NR <= n { print; fflush() }'")]
    [InlineData("awk 'function f(x) { return x * 2 } { print f($1) }'")]
    [InlineData("awk '{ s += $2 } END { printf \"%d\\n\", s }'")]
    [InlineData("awk 'length($0) > 72'")]
    [InlineData("sed -n 's/a/b/gp'")]
    [InlineData("sed -E 's#/#_#g'")]
    [InlineData("sed 's/a/b/ # replace a by b'")]
    [InlineData("sed -n '/x/{:a;N;ba}'")]
    [InlineData("sed 's|[/]|_|g'")]
    [InlineData("sed '$!N; s/\\n/ /'")]
    [InlineData("sed -e 'a\\' -e 'appended line'")]
    [InlineData("sed '1i\\\nheader'")]
    [InlineData("sed -z 's/\\n/,/g'")]
    [InlineData("column -t")]
    [InlineData("column -t -d -s,")]
    [InlineData("column -t --table-name x -J")]
    [InlineData("sort -k2 -n")]
    [InlineData("sort -t, -k2,2 --debug")]
    [InlineData("grep --color=never -i x")]
    [InlineData("grep --color x")]
    [InlineData("uniq --all-repeated=separate")]
    public void Common_uses_pass(string filters) => Assert.Null(Check(filters));

    /// <summary>Each row got past the earlier checks (text scans and option tables) and reaches a file, a command
    /// or the environment in some awk, sed, jq or column.</summary>
    [Theory]
    // awk: a regex literal or division misread hid the rest of the program
    [InlineData("awk 'BEGIN{print /\"/; system(\"id\")}'", "'system'")]
    [InlineData("awk 'BEGIN{print /#/; system(\"id\")}'", "'system'")]
    [InlineData("awk 'BEGIN { print /[/]\"/; system(\"id\") }'", "inside [ ]")]
    [InlineData("awk 'BEGIN { if (1) /\"/; system(\"id\") }'", "regex by some awks")]
    [InlineData("awk 'BEGIN { if (1) /#/; system(\"id\") }'", "regex by some awks")]
    [InlineData("awk '{ n = length /\"/; system(\"id\") }'", "regex by some awks")]
    [InlineData("awk '{ x = a\n/\"/; system(\"id\") }'", "regex by some awks")]
    [InlineData("awk '{ x = a\n/#/; system(\"id\") }'", "regex by some awks")]
    // awk: files through ARGV, the environment, gawk extensions
    [InlineData("awk 'BEGIN{ARGV[1]=\"/etc/passwd\";ARGC=2}{print}'", "'ARGV'")]
    [InlineData("awk 'BEGIN{ARGC=2} {print}'", "'ARGC'")]
    [InlineData("awk 'BEGIN{print SYMTAB[\"ENVIRON\"][\"HOME\"]}'", "'SYMTAB'")]
    [InlineData("awk 'BEGIN{FUNCTAB[\"x\"]}'", "'FUNCTAB'")]
    [InlineData("awk '@include \"x\"'", "'@'")]
    [InlineData("awk '@load \"filefuncs\"; BEGIN { print }'", "'@'")]
    [InlineData("awk 'BEGIN { f = \"system\"; @f(\"id\") }'", "'@'")]
    [InlineData("awk 'BEGIN { readfile(\"/etc/passwd\") }'", "neither a computing awk builtin")]
    [InlineData("awk -v ENVIRON=x '{print}'", "may not assign 'ENVIRON'")]
    [InlineData("awk -v ARGV=x '{print}'", "may not assign 'ARGV'")]
    [InlineData("awk -v PROCINFO=x '{print}'", "may not assign 'PROCINFO'")]
    // awk: options end at the program, so these are file operands
    [InlineData("awk '{print}' -F /etc/passwd", "file")]
    [InlineData("awk '{print}' -v x=1", "file")]
    // sed: GNU sed 4.9 ends a label at whitespace and reads the next command
    [InlineData("sed ':a e id'", "command 'e'")]
    [InlineData("sed ':a r /etc/passwd'", "command 'r'")]
    [InlineData("sed ':a w /tmp/x'", "command 'w'")]
    [InlineData("sed ':a W /tmp/x'", "command 'W'")]
    [InlineData("sed 't x e id\n:x'", "command 'e'")]
    [InlineData("sed 't x R /etc/passwd\n:x'", "command 'R'")]
    [InlineData("sed 'b x r /etc/passwd\n:x'", "command 'r'")]
    [InlineData("sed 'v 4.2 e id'", "command 'e'")]
    [InlineData("sed -n '1!{:a e id\n}'", "command 'e'")]
    [InlineData("sed ':a#x e id'", "label 'a#x'")]
    // sed: --sandbox taken as the value of -l, so sed ran unsandboxed
    [InlineData("sed -l --sandbox ':a e id'", "line length")]
    [InlineData("sed --line-length --sandbox s/a/b/", "line length")]
    // column: -d is a flag (--table-noheadings), so the next word is a file
    [InlineData("column -t -d /etc/passwd", "may not name files")]
    [InlineData("column -td /etc/passwd", "may not name files")]
    [InlineData("column -J -d /etc/passwd", "may not name files")]
    // jq: strings, interpolation and comments hid calls
    [InlineData("jq '\"\\(env.AWS_SECRET_ACCESS_KEY)\"'", "'env'")]
    [InlineData("jq -r '\"\\(env | keys)\"'", "'env'")]
    [InlineData("jq '\"\\($ENV.AWS_SECRET_ACCESS_KEY)\"'", "'$ENV'")]
    [InlineData("jq '@sh \"\\(env)\"'", "'env'")]
    [InlineData("jq --arg x y '\"\\(input_filename)\"'", "'input_filename'")]
    [InlineData("jq '$ ENV'", "'$ENV'")]
    [InlineData("jq '. # \"\n| env # \"'", "'env'")]
    [InlineData("jq '# \"\ninclude \"x\"; .'", "'include'")]
    [InlineData("jq '# \"\nimport \"../x\" as $d; .'", "'import'")]
    public void Bypasses_of_the_earlier_checks_are_refused(string filters, string reason)
    {
        var rejection = Check(filters);
        Assert.NotNull(rejection);
        Assert.Contains(reason, rejection.Message);
    }

    /// <summary>Tool and option modelling: abbreviations, value arity, comments jq versions disagree on.</summary>
    [Theory]
    [InlineData("sort --files0=list", "abbreviation")]
    [InlineData("sort --out=/tmp/x", "abbreviation")]
    [InlineData("sort --random-source=/etc/passwd", "reads a file")]
    [InlineData("sort -T /tmp", "temporary files")]
    [InlineData("wc --files0=list", "abbreviation")]
    [InlineData("grep --exclude-f=list x", "abbreviation")]
    [InlineData("grep -d recurse x", "names directories")]
    [InlineData("grep --include='*.txt' x", "selects files")]
    [InlineData("grep x -", "leave out '-'")]
    [InlineData("sed --expr='e id'", "abbreviation")]
    [InlineData("sed --follow-symlinks s/a/b/", "works on files")]
    [InlineData("sed -n --reg s/a/b/", "abbreviation")]
    [InlineData("sed 's/a/b/e'", "s///e")]
    [InlineData("sed 's/a/b/gw /tmp/x'", "s///w")]
    [InlineData("sed 's/a/b/ w /tmp/x'", "s///w")]
    [InlineData("sed 'y/a/b/ e'", "unexpected 'e'")]
    [InlineData("sed 's/a/b/;#c\ne id'", "command 'e'")]
    [InlineData("sed '\\%x%e id'", "command 'e'")]
    [InlineData("sed -e 's/a/b/' -e 'e id'", "command 'e'")]
    [InlineData("column -n x -t", "--table-name")]
    [InlineData("uniq in.txt out.txt", "may not name files")]
    [InlineData("uniq -", "leave out '-'")]
    [InlineData("jq . /etc/passwd --args", "file")]
    [InlineData("jq -n 'get_search_list'", "'get_search_list'")]
    [InlineData("jq 'modulemeta'", "'modulemeta'")]
    [InlineData("jq 'builtin::env'", "module")]
    [InlineData("jq '{a: \"\\(\"\\(env)\")\"}'", "'env'")]
    [InlineData("jq '. # \\\n| env'", "backslash")]
    [InlineData("jq --library-path /tmp .", "module search path")]
    [InlineData("jq --argfile x /etc/passwd .", "reads a file")]
    [InlineData("awk 'BEGIN { \"id\" |& getline }'", "coprocess")]
    [InlineData("awk 'BEGIN { printf \"x\" > \"/tmp/f\" }'", "output redirection")]
    [InlineData("awk 'BEGIN { print(\"x\") >> \"/tmp/f\" }'", "output redirection")]
    [InlineData("awk '{ print | \"cat 1>&2\" }'", "pipes")]
    [InlineData("awk 'BEGIN { close(\"x\") }'", "'close'")]
    [InlineData("awk 'BEGIN { getline < \"/etc/passwd\" }'", "'getline'")]
    [InlineData("awk 'BEGIN { x = awk::ENVIRON }'", "namespace")]
    [InlineData("awk -W exec /tmp/x", "-W")]
    [InlineData("awk '{ x = (a\n/ 1 + system(\"id\") + 1 / 2) }'", "regex by some awks")]
    [InlineData("awk '{ x = case /\"/; system(\"id\") }'", "regex by some awks")]
    [InlineData("awk '{ x = a\r/\"/; system(\"id\") }'", "\\r")]
    [InlineData("awk '{ print \"a\\\n\"; system(\"id\") }'", "string is not closed")]
    [InlineData("sed 's/[/]/x/'", "another delimiter")]
    [InlineData("sed '/[/]/p'", "not inside [ ]")]
    [InlineData("awk 'BEGIN { print ++ /x/ }'", "regex by some awks")]
    [InlineData("awk -v 'c=id' 'BEGIN { system(c) }'", "'system'")]
    public void Options_and_programs_are_modelled_as_the_tools_read_them(string filters, string reason)
    {
        var rejection = Check(filters);
        Assert.NotNull(rejection);
        Assert.Contains(reason, rejection.Message);
    }

    [Fact]
    public void Gnu_sed_runs_sandboxed()
    {
        var (command, _) = Validator.Validate("aws s3api list-buckets | sed s/a/b/", 300);
        Assert.Equal(["--sandbox", "s/a/b/"], command!.Stages[1].Arguments);
    }

    /// <summary>Our --sandbox always comes first, where no option can take it as its value; a user's own --sandbox
    /// or -l N stays behind it.</summary>
    [Theory]
    [InlineData("sed -l 5 s/a/b/", new[] { "--sandbox", "-l", "5", "s/a/b/" })]
    [InlineData("sed --sandbox -n p", new[] { "--sandbox", "--sandbox", "-n", "p" })]
    public void Gnu_sed_sandbox_comes_first(string filter, string[] expected)
    {
        var (command, _) = Validator.Validate("aws s3api list-buckets | " + filter, 300);
        Assert.Equal(expected, command!.Stages[1].Arguments);
    }
}
