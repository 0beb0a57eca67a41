using AwsMcpTyped.Execution.Syntax;

namespace AwsMcpTyped.Tests.Execution;

public sealed class ShellWordsTests
{
    private static IReadOnlyList<IReadOnlyList<string>> Stages(string text)
    {
        var (pipeline, rejection) = ShellWords.Parse(text);
        Assert.True(pipeline is not null, rejection?.Message);
        return pipeline!.Stages;
    }

    [Fact]
    public void Quotes_and_escapes_follow_posix_rules()
    {
        var stages = Stages("""aws s3api list-buckets --query 'Buckets[?Name==`a b`].Name' --x "say \"hi\" \$5" a\ b '' "" """);
        Assert.Equal(["aws", "s3api", "list-buckets", "--query", "Buckets[?Name==`a b`].Name", "--x", "say \"hi\" $5", "a b", "", ""], stages.Single());
    }

    [Fact]
    public void Pipes_split_stages_only_outside_quotes()
    {
        var stages = Stages("aws s3api list-buckets | jq -r '.Buckets[] | .Name' | sort");
        Assert.Equal(3, stages.Count);
        Assert.Equal(["jq", "-r", ".Buckets[] | .Name"], stages[1]);
        Assert.Equal(["sort"], stages[2]);
        Assert.Single(Stages("aws logs filter-log-events --filter-pattern \"a|b\""));
    }

    [Fact]
    public void Backslash_newline_continues_a_line()
    {
        Assert.Equal(["aws", "s3", "ls", "--recursive"], Stages("aws s3 ls \\\n  --recursive").Single());
    }

    [Fact]
    public void Globs_tildes_and_braces_are_passed_literally()
    {
        Assert.Equal(["aws", "s3", "cp", "~/x", "s3://b/*.txt", "{a,b}"], Stages("aws s3 cp ~/x s3://b/*.txt {a,b}").Single());
    }

    [Theory]
    [InlineData("aws s3 ls; rm -rf /", "';'")]
    [InlineData("aws s3 ls && touch x", "'&&'")]
    [InlineData("aws s3 ls || true", "'||'")]
    [InlineData("aws s3 ls &", "'&'")]
    [InlineData("aws s3 ls > out.txt", "Redirection")]
    [InlineData("aws s3 ls >> out.txt", "Redirection")]
    [InlineData("aws s3 ls 2>&1", "Redirection")]
    [InlineData("aws s3 ls < in.txt", "Redirection")]
    [InlineData("aws s3 ls $(whoami)", "$(")]
    [InlineData("aws s3 ls \"$(whoami)\"", "$(")]
    [InlineData("aws s3 ls `whoami`", "`")]
    [InlineData("aws s3 ls \"`whoami`\"", "`")]
    [InlineData("aws s3 ls <(cat /etc/passwd)", "Process substitution")]
    [InlineData("aws s3 ls $HOME", "variables")]
    [InlineData("aws s3 ls ${HOME}", "variables")]
    [InlineData("aws s3 ls \"$HOME\"", "variables")]
    [InlineData("aws s3 ls $?", "variables")]
    [InlineData("aws s3 ls\naws s3 rb s3://x", "newline")]
    [InlineData("aws s3 ls 'unterminated", "Unterminated single quote")]
    [InlineData("aws s3 ls \"unterminated", "Unterminated double quote")]
    [InlineData("aws s3 ls (x)", "Subshells")]
    [InlineData("aws s3 ls # comment", "Comments")]
    [InlineData("aws s3 ls |", "last stage is empty")]
    [InlineData("| sort", "empty")]
    [InlineData("aws s3 ls | | sort", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("aws s3 ls \\", "lone backslash")]
    public void Shell_syntax_is_rejected(string text, string reason)
    {
        var (pipeline, rejection) = ShellWords.Parse(text);
        Assert.Null(pipeline);
        Assert.Contains(reason, rejection!.Message);
    }
}
