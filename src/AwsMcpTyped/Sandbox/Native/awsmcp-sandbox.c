/*
 * awsmcp-sandbox: starts one pipeline stage (the aws CLI or a filter) inside a kernel sandbox, then execs it.
 *
 * Why a native launcher: Landlock and seccomp apply to the calling thread and everything it later starts, so they
 * must be set between fork and exec, which .NET's Process.Start does not let us do. The policy (which paths, which
 * rights, whether the network is allowed) is decided by the .NET side (AwsMcpTyped.Sandbox.SandboxProfile) and
 * passed on the command line; this program only applies it, and fails closed: if any step fails, nothing is run.
 *
 *   awsmcp-sandbox --probe                     prints "landlock=<abi> seccomp=<0|1>" and exits 0
 *   awsmcp-sandbox [-p PARENT_PID] [-n] [-s] [-r PATH]... [-x PATH]... [-w PATH]... -- PROGRAM [ARG]...
 *
 * PROGRAM (an absolute path) and its ELF interpreter may always be executed; nothing else may unless a -x rule says so.
 *
 *   -r PATH   read files and list directories beneath PATH
 *   -x PATH   read and execute beneath PATH
 *   -w PATH   read, write, create and remove beneath PATH
 *   -n        no network: Landlock denies TCP bind/connect and seccomp denies socket() for every family
 *   -s        a single process: threads but no fork, vfork, memfd_create or execveat
 *   -p PID    the server's pid: if it is already gone when we start, exit instead of running orphaned
 *
 * Every stage gets: a parent-death signal (SIGKILL when the server dies, even by SIGKILL), no new privileges, no
 * capabilities (a stage started as root keeps its uid but none of root's privileges),
 * Landlock on the file system (everything not listed is denied: reads, writes, exec, /proc of other processes) and
 * scoped signals/abstract sockets (ABI 6+), and a seccomp filter denying ptrace, process_vm_*, keyrings, bpf,
 * perf_event_open, namespaces and io_uring. Paths that do not exist are skipped (a /lib64 that some systems lack).
 * Exit codes: 125 the sandbox could not be set up (message on stderr), else the program's own.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <elf.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/landlock.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define SETUP_FAILED 125
#define MAX_RULES 256

#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER (1ULL << 13)
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif
#ifndef LANDLOCK_ACCESS_FS_IOCTL_DEV
#define LANDLOCK_ACCESS_FS_IOCTL_DEV (1ULL << 15)
#endif
#ifndef LANDLOCK_ACCESS_NET_BIND_TCP
#define LANDLOCK_ACCESS_NET_BIND_TCP (1ULL << 0)
#define LANDLOCK_ACCESS_NET_CONNECT_TCP (1ULL << 1)
#endif
#ifndef LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET
#define LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0)
#define LANDLOCK_SCOPE_SIGNAL (1ULL << 1)
#endif
#ifndef LANDLOCK_CREATE_RULESET_VERSION
#define LANDLOCK_CREATE_RULESET_VERSION (1U << 0)
#endif

/* The ruleset attribute as of ABI 6; older kernels are given the prefix they know (size argument). */
struct ruleset_attr {
    __u64 handled_access_fs;
    __u64 handled_access_net;
    __u64 scoped;
};

#define FS_READ (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)
#define FS_EXEC (FS_READ | LANDLOCK_ACCESS_FS_EXECUTE)
/* Rights that make sense on a file (not a directory); Landlock refuses directory rights on a file rule. */
#define FS_FILE_RIGHTS (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE | \
                        LANDLOCK_ACCESS_FS_TRUNCATE | LANDLOCK_ACCESS_FS_IOCTL_DEV)

struct rule {
    const char *path;
    __u64 access; /* FS_READ, FS_EXEC or ~0 (everything the ABI handles) */
};

static void fail(const char *what)
{
    fprintf(stderr, "awsmcp-sandbox: %s: %s\n", what, strerror(errno));
    exit(SETUP_FAILED);
}

static int landlock_abi(void)
{
    long abi = syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
    return abi < 0 ? 0 : (int)abi;
}

/* Every file-system right the running kernel's Landlock knows: all of them are handled, so anything not granted
 * by a rule is denied. */
static __u64 handled_fs(int abi)
{
    __u64 all = (LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1; /* ABI 1: bits 0..12 */
    if (abi >= 2)
        all |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3)
        all |= LANDLOCK_ACCESS_FS_TRUNCATE;
    if (abi >= 5)
        all |= LANDLOCK_ACCESS_FS_IOCTL_DEV;
    return all;
}

static void apply_landlock(int abi, const struct rule *rules, int count, int no_network)
{
    struct ruleset_attr attr = { .handled_access_fs = handled_fs(abi) };
    size_t size = offsetof(struct ruleset_attr, handled_access_net);
    if (abi >= 4) {
        size = offsetof(struct ruleset_attr, scoped);
        if (no_network)
            attr.handled_access_net = LANDLOCK_ACCESS_NET_BIND_TCP | LANDLOCK_ACCESS_NET_CONNECT_TCP;
    }
    if (abi >= 6) {
        size = sizeof attr;
        attr.scoped = LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET | LANDLOCK_SCOPE_SIGNAL;
    }
    int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0);
    if (ruleset < 0)
        fail("landlock_create_ruleset");

    for (int i = 0; i < count; i++) {
        int fd = open(rules[i].path, O_PATH | O_CLOEXEC);
        if (fd < 0) {
            if (errno == ENOENT || errno == ENOTDIR)
                continue;
            fail(rules[i].path);
        }
        struct stat st;
        if (fstat(fd, &st) < 0)
            fail(rules[i].path);
        __u64 access = rules[i].access & attr.handled_access_fs;
        if (!S_ISDIR(st.st_mode))
            access &= FS_FILE_RIGHTS;
        else /* a writable directory holds files, not device nodes, and its files are not devices to ioctl */
            access &= ~(__u64)(LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_IOCTL_DEV);
        struct landlock_path_beneath_attr beneath = { .allowed_access = access, .parent_fd = fd };
        if (access != 0 && syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &beneath, 0) < 0)
            fail(rules[i].path);
        close(fd);
    }
    if (syscall(SYS_landlock_restrict_self, ruleset, 0) < 0)
        fail("landlock_restrict_self");
    close(ruleset);
}

#if defined(__x86_64__)
#define AUDIT_ARCH_CURRENT AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define AUDIT_ARCH_CURRENT AUDIT_ARCH_AARCH64
#else
#error "awsmcp-sandbox: add the seccomp audit architecture of this CPU"
#endif

/* System calls no pipeline stage needs and that would widen what a compromised one can do: reading other processes
 * (ptrace, process_vm_*), kernel keyrings, bpf, perf, new namespaces (a fresh user namespace grants capabilities),
 * io_uring (its own path into the kernel). clone3 answers ENOSYS so libc falls back to clone, whose flags we see. */
static const struct { int nr; int error; } denied_calls[] = {
    { __NR_ptrace, EPERM }, { __NR_process_vm_readv, EPERM }, { __NR_process_vm_writev, EPERM },
    { __NR_add_key, EPERM }, { __NR_keyctl, EPERM }, { __NR_request_key, EPERM }, { __NR_bpf, EPERM },
    { __NR_perf_event_open, EPERM }, { __NR_userfaultfd, EPERM }, { __NR_unshare, EPERM }, { __NR_setns, EPERM },
    { __NR_mount, EPERM }, { __NR_pivot_root, EPERM }, { __NR_kexec_load, EPERM }, { __NR_io_uring_setup, EPERM },
    { __NR_clone3, ENOSYS },
    /* Defence in depth for a stage started as root: capabilities are dropped before exec, and these calls (kernel
     * modules, handles that bypass path lookup, another process's descriptors, the new mount API, the kernel log,
     * raw I/O ports) are refused even so. */
    { __NR_init_module, EPERM }, { __NR_finit_module, EPERM }, { __NR_delete_module, EPERM },
    { __NR_kexec_file_load, EPERM }, { __NR_open_by_handle_at, EPERM }, { __NR_name_to_handle_at, EPERM },
    { __NR_pidfd_getfd, EPERM }, { __NR_process_madvise, EPERM }, { __NR_fsopen, EPERM }, { __NR_fsmount, EPERM },
    { __NR_fspick, EPERM }, { __NR_fsconfig, EPERM }, { __NR_move_mount, EPERM }, { __NR_open_tree, EPERM },
    { __NR_umount2, EPERM }, { __NR_chroot, EPERM }, { __NR_reboot, EPERM },
    { __NR_swapon, EPERM }, { __NR_swapoff, EPERM }, { __NR_acct, EPERM }, { __NR_quotactl, EPERM },
    { __NR_syslog, EPERM }, { __NR_settimeofday, EPERM }, { __NR_clock_settime, EPERM }, { __NR_sethostname, EPERM },
    { __NR_setdomainname, EPERM }, { __NR_kcmp, EPERM }, { __NR_mount_setattr, EPERM }, { __NR_fanotify_init, EPERM },
    { __NR_clock_adjtime, EPERM }, { __NR_adjtimex, EPERM }, { __NR_vhangup, EPERM }, { __NR_mknod, EPERM },
    { __NR_mknodat, EPERM },
#if defined(__x86_64__)
    { __NR_iopl, EPERM }, { __NR_ioperm, EPERM },
#endif
};

/* Calls that may name another process: allowed on the caller only. Landlock scopes signals and ptrace, not these,
 * and a same-uid process may otherwise cap the server's descriptors (prlimit) or starve it (scheduling). Each rule
 * lists (argument, required value) pairs: setpriority(PRIO_PROCESS, 0), ioprio_set(IOPRIO_WHO_PROCESS, 0). */
static const struct { int nr; int pairs; struct { int arg; __u32 value; } require[2]; } self_only_calls[] = {
    { __NR_prlimit64, 1, { { 0, 0 } } }, { __NR_sched_setaffinity, 1, { { 0, 0 } } },
    { __NR_sched_setscheduler, 1, { { 0, 0 } } }, { __NR_sched_setparam, 1, { { 0, 0 } } },
    { __NR_sched_setattr, 1, { { 0, 0 } } }, { __NR_setpriority, 2, { { 0, 0 }, { 1, 0 } } },
    { __NR_ioprio_set, 2, { { 0, 1 }, { 1, 0 } } },
};

/* A filter is one process: it may start threads but not processes (so nothing outlives it by double-forking past the
 * parent-death signal), nor run code from memory. */
static const int single_process_denied[] = { __NR_fork, __NR_vfork, __NR_memfd_create, __NR_execveat };

#define NAMESPACE_FLAGS (CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP)
#define COUNT(array) (sizeof array / sizeof array[0])

static void apply_seccomp(int no_network, int single_process)
{
    struct sock_filter filter[2 * COUNT(denied_calls) + 7 * COUNT(self_only_calls) + 2 * COUNT(single_process_denied) + 20];
    unsigned n = 0;
#define EMIT(instruction) (filter[n++] = (struct sock_filter)instruction)
#define EMIT_DENY(nr, error)                                             \
    do {                                                                 \
        EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1));           \
        EMIT(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (error)));    \
    } while (0)
    EMIT(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)));
    EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_CURRENT, 1, 0));
    EMIT(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS));
    EMIT(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)));
#if defined(__x86_64__)
    /* x32 system calls reuse the numbers with a high bit set: refuse them all. */
    EMIT(BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1));
    EMIT(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM));
#endif
    for (size_t i = 0; i < sizeof denied_calls / sizeof denied_calls[0]; i++)
        EMIT_DENY(denied_calls[i].nr, denied_calls[i].error);
    if (no_network)
        EMIT_DENY(__NR_socket, EACCES); /* every family: UDP and raw sockets too, which Landlock does not cover */
    for (size_t i = 0; single_process && i < COUNT(single_process_denied); i++)
        EMIT_DENY(single_process_denied[i], EPERM);
    /* Self-only calls: each block checks its pairs (the low 32 bits: these arguments are ints), then allows the call
     * or refuses it; either way it returns, so the accumulator need not be reloaded. */
    for (size_t i = 0; i < COUNT(self_only_calls); i++) {
        int pairs = self_only_calls[i].pairs;
        EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, self_only_calls[i].nr, 0, (unsigned char)(2 * pairs + 2)));
        for (int k = 0; k < pairs; k++) {
            EMIT(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0]) + 8 * self_only_calls[i].require[k].arg));
            int last = k == pairs - 1;
            EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, self_only_calls[i].require[k].value, last ? 1 : 0, (unsigned char)(2 * (pairs - k - 1))));
        }
        EMIT(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM));
        EMIT(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
    }
    /* clone: never with a namespace flag; for a single process, only threads. */
    EMIT(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, single_process ? 4 : 3));
    EMIT(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])));
    if (single_process) {
        EMIT(BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, NAMESPACE_FLAGS, 1, 0));
        EMIT(BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 1, 0));
    } else {
        EMIT(BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, NAMESPACE_FLAGS, 0, 1));
    }
    EMIT(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM));
    EMIT(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
#undef EMIT_DENY
#undef EMIT
    struct sock_fprog program = { .len = (unsigned short)n, .filter = filter };
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &program) < 0)
        fail("seccomp");
}

static int seccomp_available(void)
{
    /* SECCOMP_GET_ACTION_AVAIL exists since Linux 4.14, as does SECCOMP_RET_KILL_PROCESS which we use. */
    __u32 action = SECCOMP_RET_KILL_PROCESS;
    return syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action) == 0;
}

/* The ELF interpreter (dynamic loader) the kernel opens to run PROGRAM: executing the program means executing it
 * too, so both get a rule of their own. Empty when PROGRAM is static or not ELF (a #! script's interpreter must be
 * covered by the caller's -x rules). */
static void elf_interpreter(const char *program, char *interpreter, size_t size)
{
    interpreter[0] = '\0';
    int fd = open(program, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    Elf64_Ehdr header;
    if (pread(fd, &header, sizeof header, 0) == (ssize_t)sizeof header && memcmp(header.e_ident, ELFMAG, SELFMAG) == 0 &&
        header.e_ident[EI_CLASS] == ELFCLASS64 && header.e_phentsize == sizeof(Elf64_Phdr)) {
        for (int i = 0; i < header.e_phnum; i++) {
            Elf64_Phdr segment;
            if (pread(fd, &segment, sizeof segment, (off_t)(header.e_phoff + (Elf64_Off)i * sizeof segment)) != (ssize_t)sizeof segment)
                break;
            if (segment.p_type == PT_INTERP && segment.p_filesz < size) {
                ssize_t read = pread(fd, interpreter, segment.p_filesz, (off_t)segment.p_offset);
                interpreter[read > 0 ? (size_t)read : 0] = '\0';
                interpreter[size - 1] = '\0';
                break;
            }
        }
    }
    close(fd);
}

/* A stage never needs a capability, and a root stage keeps all of them otherwise (module loading, raw I/O, ...):
 * empty the bounding and ambient sets, lock "root gets no capabilities at exec", and clear our own sets. */
static void drop_capabilities(void)
{
    for (int cap = 0; cap < 64; cap++)
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL && errno != EPERM)
            fail("prctl(PR_CAPBSET_DROP)");
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    /* 0x2f: SECBIT_NOROOT, _LOCKED, SECBIT_NO_SETUID_FIXUP, _LOCKED, SECBIT_KEEP_CAPS_LOCKED. Needs CAP_SETPCAP, which
     * only a privileged stage has, and only a privileged stage needs it. */
    if (prctl(PR_GET_SECUREBITS) != 0x2f && prctl(PR_SET_SECUREBITS, 0x2f) < 0 && errno != EPERM)
        fail("prctl(PR_SET_SECUREBITS)");
    struct __user_cap_header_struct header = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
    struct __user_cap_data_struct data[2] = { { 0, 0, 0 }, { 0, 0, 0 } };
    if (syscall(SYS_capset, &header, data) < 0)
        fail("capset");
}

static void usage(void)
{
    fputs("usage: awsmcp-sandbox --probe | [-p PID] [-n] [-s] [-r PATH]... [-x PATH]... [-w PATH]... -- PROGRAM [ARG]...\n", stderr);
    exit(SETUP_FAILED);
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--probe") == 0) {
        printf("landlock=%d seccomp=%d\n", landlock_abi(), seccomp_available());
        return 0;
    }

    static struct rule rules[MAX_RULES];
    int count = 0, no_network = 0, single_process = 0, i = 1;
    long parent = 0;
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *flag = argv[i];
        if (strcmp(flag, "-n") == 0) {
            no_network = 1;
            continue;
        }
        if (strcmp(flag, "-s") == 0) {
            single_process = 1;
            continue;
        }
        if (i + 1 >= argc || flag[0] != '-' || flag[1] == '\0' || flag[2] != '\0')
            usage();
        const char *value = argv[++i];
        if (flag[1] == 'p') {
            parent = strtol(value, NULL, 10);
            continue;
        }
        if (count == MAX_RULES)
            usage();
        switch (flag[1]) {
        case 'r': rules[count++] = (struct rule){ value, FS_READ }; break;
        case 'x': rules[count++] = (struct rule){ value, FS_EXEC }; break;
        case 'w': rules[count++] = (struct rule){ value, ~0ULL }; break;
        default: usage();
        }
    }
    if (i + 1 >= argc)
        usage();
    char **program = argv + i + 1;
    static char interpreter[PATH_MAX];
    if (count + 2 > MAX_RULES)
        usage();
    rules[count++] = (struct rule){ program[0], FS_EXEC };
    elf_interpreter(program[0], interpreter, sizeof interpreter);
    if (interpreter[0] != '\0')
        rules[count++] = (struct rule){ interpreter, FS_EXEC };

    /* Die with the server. The signal is tied to the thread that forked us, which the server keeps alive for its
     * whole life (ProcessPipelineRunner's spawner thread); if the server died before this line, stop now. */
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0)
        fail("prctl(PR_SET_PDEATHSIG)");
    if (parent > 0 && getppid() != parent)
        return SETUP_FAILED;

    struct rlimit no_core = { 0, 0 };
    setrlimit(RLIMIT_CORE, &no_core); /* a crash must not write memory (credentials) to disk */

    int abi = landlock_abi();
    if (abi < 1) {
        errno = ENOSYS;
        fail("Landlock is not available in this kernel");
    }
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
        fail("prctl(PR_SET_NO_NEW_PRIVS)");
    apply_landlock(abi, rules, count, no_network);
    drop_capabilities();
    apply_seccomp(no_network, single_process);

    /* Descriptors other than stdin/stdout/stderr were not meant for the stage. */
    syscall(SYS_close_range, 3U, ~0U, 0U);
    execv(program[0], program);
    fprintf(stderr, "awsmcp-sandbox: cannot run %s: %s\n", program[0], strerror(errno));
    return errno == ENOENT ? 127 : 126;
}
