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

    [Fact]
    public void Gnu_sed_runs_sandboxed()
    {
        var (command, _) = Validator.Validate("aws s3api list-buckets | sed s/a/b/", 300);
        Assert.Equal(["--sandbox", "s/a/b/"], command!.Stages[1].Arguments);
    }
}
