using System.Text;
using AwsMcpTyped.Execution.Validation;

namespace AwsMcpTyped.Execution.Syntax;

/// <summary>
/// Splits a command line into pipeline stages and words with POSIX shell quoting (single quotes, double quotes,
/// backslash escapes, backslash-newline continuations), and refuses everything a shell would interpret instead of
/// passing it on: <c>;</c>, <c>&amp;</c>, <c>&amp;&amp;</c>, <c>||</c>, redirections, <c>$(…)</c>, backticks, <c>&lt;(…)</c>,
/// <c>$VAR</c>/<c>${VAR}</c>, subshells, comments, bare newlines and unterminated quotes. Globs, <c>~</c> and braces
/// are not expanded: the program receives them literally. No shell ever sees the text.
/// </summary>
public static class ShellWords
{
    public static (Pipeline? Pipeline, Rejection? Rejection) Parse(string commandLine)
    {
        var stages = new List<IReadOnlyList<string>>();
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var text = commandLine.Trim();
        if (text.Length == 0)
            return Reject("The command is empty. Pass an AWS CLI command such as \"aws s3 ls\".");

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ' ' or '\t':
                    EndWord();
                    continue;
                case '\\':
                    if (i + 1 >= text.Length)
                        return Reject("The command ends with a lone backslash.");
                    if (text[i + 1] == '\n')
                    {
                        i++; // line continuation, as in a shell
                        EndWord();
                        continue;
                    }
                    if (text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n')
                    {
                        i += 2;
                        EndWord();
                        continue;
                    }
                    word.Append(text[++i]);
                    inWord = true;
                    continue;
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                        return Reject("Unterminated single quote ('). Close the quote; nothing was run.");
                    word.Append(text, i + 1, close - i - 1);
                    inWord = true;
                    i = close;
                    continue;
                case '"':
                    var (end, rejection) = ReadDoubleQuoted(text, i, word);
                    if (rejection is not null)
                        return (null, rejection);
                    inWord = true;
                    i = end;
                    continue;
                case '|':
                    if (i + 1 < text.Length && text[i + 1] == '|')
                        return Reject("'||' (run on failure) is shell control flow; run one command per call.");
                    EndWord();
                    if (words.Count == 0)
                        return Reject("A pipeline stage is empty: '|' needs a command on both sides.");
                    stages.Add(words.ToArray());
                    words.Clear();
                    continue;
                case '\n' or '\r':
                    return Reject("The command contains a newline: run one command per call (a trailing backslash continues a line).");
                case ';':
                    return Reject("';' chains commands in a shell; run one command per call.");
                case '&':
                    return Reject(i + 1 < text.Length && text[i + 1] == '&'
                        ? "'&&' chains commands in a shell; run one command per call."
                        : "'&' runs a command in the background or redirects; it is not supported.");
                case '>' or '<':
                    return Reject(i + 1 < text.Length && text[i + 1] == '('
                        ? "Process substitution (<(…) / >(…)) is not supported."
                        : "Redirection (>, >>, <, 2>&1) is not supported: output comes back as the result; files are not written or read.");
                case '`':
                    return Reject("Command substitution (`…`) is not supported; pass literal values.");
                case '(' or ')':
                    return Reject("Subshells and parentheses are not supported unquoted; quote literal parentheses.");
                case '$' when i + 1 < text.Length && IsExpansionStart(text[i + 1]):
                    return Reject(ExpansionMessage(text[i + 1]));
                case '#' when !inWord:
                    return Reject("Comments (#) are not supported; quote a literal '#'.");
                default:
                    word.Append(c);
                    inWord = true;
                    continue;
            }
        }
        EndWord();
        if (words.Count == 0)
            return Reject(stages.Count == 0 ? "The command is empty." : "The pipeline ends with '|': the last stage is empty.");
        stages.Add(words.ToArray());
        return (new Pipeline(stages), null);

        void EndWord()
        {
            if (!inWord)
                return;
            words.Add(word.ToString());
            word.Clear();
            inWord = false;
        }
    }

    /// <summary>Inside double quotes a shell still expands $…, `…` and backslash escapes of $ ` " \ and newline.</summary>
    private static (int End, Rejection? Rejection) ReadDoubleQuoted(string text, int start, StringBuilder word)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    return (i, null);
                case '\\' when i + 1 < text.Length && text[i + 1] is '$' or '`' or '"' or '\\':
                    word.Append(text[++i]);
                    break;
                case '\\' when i + 1 < text.Length && text[i + 1] == '\n':
                    i++;
                    break;
                case '`':
                    return (i, new Rejection(RejectionKind.ShellSyntax, "Command substitution (`…`) inside double quotes is not supported; use single quotes for literal text."));
                case '$' when i + 1 < text.Length && IsExpansionStart(text[i + 1]):
                    return (i, new Rejection(RejectionKind.ShellSyntax, ExpansionMessage(text[i + 1]) + " (inside double quotes too; single quotes keep $ literal)."));
                default:
                    word.Append(c);
                    break;
            }
        }
        return (text.Length, new Rejection(RejectionKind.ShellSyntax, "Unterminated double quote (\"). Close the quote; nothing was run."));
    }

    private static bool IsExpansionStart(char c) => c is '(' or '{' or '_' or '?' or '$' or '!' or '#' or '@' or '*' or '-' || char.IsAsciiLetterOrDigit(c);

    private static string ExpansionMessage(char next) => next switch
    {
        '(' => "Command substitution ($(…)) is not supported; pass literal values.",
        _ => "Shell variables ($NAME, ${NAME}) are not expanded; write the value itself.",
    };

    private static (Pipeline?, Rejection?) Reject(string message) => (null, new Rejection(RejectionKind.ShellSyntax, message));
}
