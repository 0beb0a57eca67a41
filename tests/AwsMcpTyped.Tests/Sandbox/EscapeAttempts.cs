namespace AwsMcpTyped.Tests.Sandbox;

/// <summary>What proves an escape worked: a file it wrote outside the working directory, text it must not have
/// returned (a planted secret, the server's environment), or a network contact.</summary>
public enum Proof
{
    /// <summary>The attempt creates <c>{OUT}/&lt;Name&gt;</c>.</summary>
    WritesFile,

    /// <summary>The attempt returns the planted secret (the contents of a file outside the working directory).</summary>
    ReturnsSecret,

    /// <summary>The attempt returns the server's environment (<c>/proc/{PARENT}/environ</c>).</summary>
    ReturnsServerEnvironment,

    /// <summary>The attempt reaches the lab's TCP or UDP listener.</summary>
    ReachesNetwork,

    /// <summary>The attempt prints <c>ESCAPED</c> after an action that must fail (signalling the server).</summary>
    PrintsEscaped,
}

/// <summary>One hostile filter stage. Placeholders: {OUT} (a directory outside the working directory), {SECRET} (a
/// file outside it holding the secret as a JSON string), {SECRETDIR} (its directory, with jq modules), {LIST} (a
/// NUL-separated file list naming {SECRET}), {PARENT} (the server's pid), {TCP}/{UDP} (the lab's listener ports),
/// {NAME} (this attempt's name, the file a write attempt creates).</summary>
public sealed record EscapeAttempt(string Name, string Program, string[] Arguments, Proof Proof)
{
    public override string ToString() => Name;
}

/// <summary>
/// The filter escape table: each row, run with no argument checks and no sandbox, really escapes (the control run
/// proves it); with the sandbox it must fail, with or without the checks. Rows come from hostile testing and from
/// each tool's manual: every way these programs read or write files, run programs, see other processes or reach the
/// network. Python rows stand for a filter fully taken over (arbitrary code in a filter's place).
/// </summary>
public static class EscapeAttempts
{
    private const string Python = "/usr/bin/python3";

    /// <summary>A stage started as root must not keep root's capabilities (module loading, raw I/O, handles that
    /// bypass path checks): the control run, as root, has them.</summary>
    private static readonly EscapeAttempt[] RootOnly =
    [
        new("code-keeps-root-capabilities", Python, ["-c", "print('STARTED', flush=True); import ctypes, struct; data = ctypes.create_string_buffer(24); " +
            "ctypes.CDLL(None).capget(struct.pack('II', 0x20080522, 0), data); print('ESCAPED' if struct.unpack('6I', data.raw)[0] else 'none')"], Proof.PrintsEscaped),
    ];

    private static readonly EscapeAttempt[] Table =
    [
        // awk (mawk here; the same programs are gawk's)
        new("awk-system", "awk", ["BEGIN{system(\"touch {OUT}/{NAME}\")}"], Proof.WritesFile),
        new("awk-regex-quote-hides-system", "awk", ["BEGIN{print /\"/; system(\"touch {OUT}/{NAME}\")}"], Proof.WritesFile),
        new("awk-regex-hash-hides-system", "awk", ["BEGIN{x = /#/; system(\"touch {OUT}/{NAME}\")}"], Proof.WritesFile),
        new("awk-v-assignment-runs", "awk", ["-v", "c=touch {OUT}/{NAME}", "BEGIN{system(c)}"], Proof.WritesFile),
        new("awk-print-redirect", "awk", ["BEGIN{print \"x\" > \"{OUT}/{NAME}\"}"], Proof.WritesFile),
        new("awk-append-redirect", "awk", ["BEGIN{printf \"x\" >> \"{OUT}/{NAME}\"}"], Proof.WritesFile),
        new("awk-pipe-to-command", "awk", ["BEGIN{print \"x\" | \"cat > {OUT}/{NAME}\"}"], Proof.WritesFile),
        new("awk-command-getline", "awk", ["BEGIN{\"touch {OUT}/{NAME}\" | getline}"], Proof.WritesFile),
        new("awk-getline-file", "awk", ["BEGIN{getline line < \"{SECRET}\"; print line}"], Proof.ReturnsSecret),
        new("awk-argv-file", "awk", ["BEGIN{ARGV[1]=\"{SECRET}\";ARGC=2}{print}"], Proof.ReturnsSecret),
        new("awk-file-operand", "awk", ["{print}", "{SECRET}"], Proof.ReturnsSecret),
        new("awk-server-environ", "awk", ["BEGIN{RS=\"\\0\"; while ((getline l < \"/proc/{PARENT}/environ\") > 0) print l}"], Proof.ReturnsServerEnvironment),
        new("awk-command-reads-secret", "awk", ["BEGIN{\"cat {SECRET}\" | getline s; print s}"], Proof.ReturnsSecret),
        // sed (GNU sed 4.9)
        new("sed-e-command", "sed", ["1e touch {OUT}/{NAME}"], Proof.WritesFile),
        new("sed-s-e-flag", "sed", ["s|.*|touch {OUT}/{NAME}|e"], Proof.WritesFile),
        new("sed-label-hides-e", "sed", [":a e touch {OUT}/{NAME}"], Proof.WritesFile),
        new("sed-w-command", "sed", ["w {OUT}/{NAME}"], Proof.WritesFile),
        new("sed-W-command", "sed", ["W {OUT}/{NAME}"], Proof.WritesFile),
        new("sed-s-w-flag", "sed", ["s/^/x/w {OUT}/{NAME}"], Proof.WritesFile),
        new("sed-label-hides-w", "sed", [":a w {OUT}/{NAME}"], Proof.WritesFile),
        new("sed-l-eats-sandbox", "sed", ["-l", "--sandbox", "1e touch {OUT}/{NAME}"], Proof.WritesFile),
        new("sed-line-length-eats-sandbox", "sed", ["--line-length", "--sandbox", "1e touch {OUT}/{NAME}"], Proof.WritesFile),
        new("sed-r-command", "sed", ["r {SECRET}"], Proof.ReturnsSecret),
        new("sed-R-command", "sed", ["R {SECRET}"], Proof.ReturnsSecret),
        new("sed-label-hides-r", "sed", [":a r {SECRET}"], Proof.ReturnsSecret),
        new("sed-file-operand", "sed", ["p", "{SECRET}"], Proof.ReturnsSecret),
        new("sed-server-environ", "sed", ["-z", "p", "/proc/{PARENT}/environ"], Proof.ReturnsServerEnvironment),
        // jq (1.6 here)
        new("jq-rawfile", "jq", ["-n", "--rawfile", "s", "{SECRET}", "$s"], Proof.ReturnsSecret),
        new("jq-slurpfile", "jq", ["-n", "--slurpfile", "s", "{SECRET}", "$s"], Proof.ReturnsSecret),
        new("jq-file-operand", "jq", [".", "{SECRET}"], Proof.ReturnsSecret),
        new("jq-from-file", "jq", ["-n", "-f", "{SECRETDIR}/program.jq"], Proof.ReturnsSecret),
        new("jq-import-data", "jq", ["-n", "-L", "{SECRETDIR}", "import \"secretdata\" as $d; $d"], Proof.ReturnsSecret),
        new("jq-include-module", "jq", ["-n", "-L", "{SECRETDIR}", "include \"secretmodule\"; leak"], Proof.ReturnsSecret),
        new("jq-import-relative", "jq", ["-n", "-L", "/", "import \"{SECRETDIR_RELATIVE}/secretdata\" as $d; $d"], Proof.ReturnsSecret),
        new("jq-comment-hides-import", "jq", ["-n", "-L", "{SECRETDIR}", "# x\nimport \"secretdata\" as $d; $d"], Proof.ReturnsSecret),
        // the text filters: file operands and options that read or write files
        new("sort-output-file", "sort", ["-o", "{OUT}/{NAME}"], Proof.WritesFile),
        new("sort-output-abbreviated", "sort", ["--out={OUT}/{NAME}"], Proof.WritesFile),
        new("sort-file-operand", "sort", ["{SECRET}"], Proof.ReturnsSecret),
        new("sort-files0-from", "sort", ["--files0-from={LIST}"], Proof.ReturnsSecret),
        new("sort-files0-abbreviated", "sort", ["--files0={LIST}"], Proof.ReturnsSecret),
        new("head-file-operand", "head", ["{SECRET}"], Proof.ReturnsSecret),
        new("tail-file-operand", "tail", ["-n", "5", "{SECRET}"], Proof.ReturnsSecret),
        new("cut-file-operand", "cut", ["-c", "1-", "{SECRET}"], Proof.ReturnsSecret),
        new("uniq-file-operand", "uniq", ["{SECRET}"], Proof.ReturnsSecret),
        new("uniq-output-operand", "uniq", ["-", "{OUT}/{NAME}"], Proof.WritesFile),
        new("column-d-is-a-flag", "column", ["-t", "-d", "{SECRET}"], Proof.ReturnsSecret),
        new("column-file-operand", "column", ["{SECRET}"], Proof.ReturnsSecret),
        new("grep-file-operand", "grep", ["-h", "", "{SECRET}"], Proof.ReturnsSecret),
        new("grep-recursive", "grep", ["-r", "SECRET", "{SECRETDIR}"], Proof.ReturnsSecret),
        new("grep-pattern-file", "grep", ["-h", "-f", "{SECRET}", "{SECRET}"], Proof.ReturnsSecret),
        new("head-server-environ", "head", ["-c", "1000000", "/proc/{PARENT}/environ"], Proof.ReturnsServerEnvironment),
        // a filter taken over: arbitrary code in a filter's place
        new("code-reads-secret", Python, ["-c", "print('STARTED', flush=True); print(open('{SECRET}').read())"], Proof.ReturnsSecret),
        new("code-reads-server-environ", Python, ["-c", "print('STARTED', flush=True); print(open('/proc/{PARENT}/environ', 'rb').read())"], Proof.ReturnsServerEnvironment),
        new("code-writes-file", Python, ["-c", "print('STARTED', flush=True); open('{OUT}/{NAME}', 'w').write('x')"], Proof.WritesFile),
        new("code-runs-shell", Python, ["-c", "print('STARTED', flush=True); import os; os.system('touch {OUT}/{NAME}')"], Proof.WritesFile),
        new("code-execs-program", Python, ["-c", "print('STARTED', flush=True); import os; os.execv('/usr/bin/touch', ['touch', '{OUT}/{NAME}'])"], Proof.WritesFile),
        new("code-tcp-connect", Python, ["-c", "print('STARTED', flush=True); import socket; socket.create_connection(('127.0.0.1', {TCP}), 2).sendall(b'x')"], Proof.ReachesNetwork),
        new("code-udp-send", Python, ["-c", "print('STARTED', flush=True); import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('127.0.0.1', {UDP}))"], Proof.ReachesNetwork),
        new("code-signals-server", Python, ["-c", "print('STARTED', flush=True); import os, signal; os.kill({PARENT}, signal.SIGCONT); print('ESCAPED')"], Proof.PrintsEscaped),
        new("code-reads-server-memory", Python, ["-c", "print('STARTED', flush=True); f = open('/proc/{PARENT}/maps'); print(f.readline() and 'ESCAPED')"], Proof.PrintsEscaped),
        new("code-sets-server-limits", Python, ["-c", "print('STARTED', flush=True); import resource; r = resource.prlimit({PARENT}, resource.RLIMIT_CORE); resource.prlimit({PARENT}, resource.RLIMIT_CORE, r); print('ESCAPED')"], Proof.PrintsEscaped),
        new("code-renices-server", Python, ["-c", "print('STARTED', flush=True); import os; os.setpriority(os.PRIO_PROCESS, {PARENT}, os.getpriority(os.PRIO_PROCESS, {PARENT})); print('ESCAPED')"], Proof.PrintsEscaped),
        new("code-forks-past-the-parent", Python, ["-c", "print('STARTED', flush=True); import os; os.fork() or print('ESCAPED')"], Proof.PrintsEscaped),
        new("code-runs-from-memory", Python, ["-c", "print('STARTED', flush=True); import os; os.memfd_create('x'); print('ESCAPED')"], Proof.PrintsEscaped),
        new("code-new-user-namespace", Python, ["-c", "print('STARTED', flush=True); import ctypes; assert ctypes.CDLL(None).unshare(0x10000000) == 0; print('ESCAPED')"], Proof.PrintsEscaped),
    ];

    /// <summary>Every row (declared after the tables: static fields initialise in order).</summary>
    public static IReadOnlyList<EscapeAttempt> All { get; } = [.. Table, .. Environment.UserName == "root" ? RootOnly : []];
}
