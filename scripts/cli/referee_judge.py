"""The judge behind ``referee.py``: runs the installed CLI on one command line, sandboxed, and says what it did.

Isolation, per worker process (``judge_all`` runs a ``multiprocessing`` pool of them):

* HOME and cwd are a fresh scratch folder; ``AWS_CONFIG_FILE``/``AWS_SHARED_CREDENTIALS_FILE`` are empty files in it
  (real files, so ``configure set`` writes there and nowhere else); every other ``AWS_*`` variable is removed;
  dummy keys, ``us-east-1``, no pager, stdin is /dev/null, IMDS is off.
* Nothing can reach the network: socket connects, binds and name lookups raise; v1's ``http(s)://`` paramfile fetch
  (``cli_follow_urlparam``) is replaced by a stub that refuses with ``URL_REFUSED`` (stage ``url``);
  ``webbrowser`` opens nothing.

Speed without leaks: each worker builds one driver and keeps it warm (command table, and the service model the next
command needs), then *forks* a child per command that runs ``driver.main`` and exits. Whatever a command changes in
the driver (session variables from ``--region``/``--profile``, handlers, argparse state after ``SystemExit``, loggers
after ``--debug``, class-level argument lists) dies with the child, so the warm driver gives the verdicts of a fresh
``aws`` process (``referee.py verify-reuse`` compares the two). Files are the one thing a child can leave behind:
the scratch folder is restored after every command. The child runs in its own process group and is killed after
the timeout (verdict ``timeout``), which also covers anything it started (the help pager) and prompts that wait.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import re
import select
import shutil
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path

import cli_dialect  # noqa: F401  (picks v1 or the v2 source before awscli is imported)
import awscli
import awscli.clidriver
import awscli.paramfile
from awscli.clidriver import ServiceCommand, create_clidriver

#: Marker of the refused URL fetch; stage ``url`` is derived from it.
URL_REFUSED = "referee: URL parameter not fetched"
ERROR_TAIL = 300
_USAGE = re.compile(r"(usage: )?[\r\n]?(Note: AWS CLI version 2, the latest major version[^\n]*\n\n)?"
                    r"usage: aws \[options\] <command> <subcommand> \[<subcommand> \.\.\.\] \[parameters\]\n"
                    r"To see help text, you can run:\n\n  aws help\n  aws <command> help\n"
                    r"  aws <command> <subcommand> help\n?")


class _Reached(BaseException):
    """Raised at before-call: the CLI accepted the command and was about to send it."""


# --- guards (installed once per worker, inherited by every child) -------------------------------------------------

def _no_network(*_args, **_kwargs):
    raise OSError("referee: network disabled")


def _refuse_url(prefix, uri, **_kwargs):
    raise awscli.paramfile.ResourceLoadingError(f"{URL_REFUSED}: {uri}")


def _install_guards() -> None:
    socket.socket.connect = _no_network
    socket.socket.connect_ex = _no_network
    socket.create_connection = _no_network
    socket.getaddrinfo = _no_network
    # v2's SSO flow serves its OAuth callback on ('', 0), every interface: no listening socket of any kind.
    socket.socket.bind = _no_network
    # v1 copies REMOTE_PREFIX_MAP into each session's handler (functions captured at import): replace the entries.
    remote = getattr(awscli.paramfile, "REMOTE_PREFIX_MAP", None)
    if remote is not None:
        for prefix in list(remote):
            remote[prefix] = (_refuse_url, {})
    if hasattr(awscli.paramfile, "get_uri"):
        awscli.paramfile.get_uri = _refuse_url
    import webbrowser
    for name in ("open", "open_new", "open_new_tab"):
        setattr(webbrowser, name, lambda *_a, **_k: False)
    if cli_dialect.DIALECT == "v2":
        # v2 sets the CRT's log level on every run (awscli.logger); Debian's older awscrt lacks the call, and the
        # placeholder cli_dialect gives it would fail every command. The CRT's logging has no say in parsing.
        import awscrt.io
        if "set_log_level" not in vars(awscrt.io):
            awscrt.io.set_log_level = lambda _level: None
        # s3 cp/mv/rm/sync ask whether the CRT transfer client suits this machine; the old awscrt cannot say. The
        # answer of an ordinary machine (not an EC2 type the CRT is tuned for) keeps v2 on its classic client.
        import awscrt.s3
        if "is_optimized_for_system" not in vars(awscrt.s3):
            awscrt.s3.is_optimized_for_system = lambda: False


# --- what the CLI said -------------------------------------------------------------------------------------------

_RECORDED: list[BaseException] = []


def _install_exception_recorders() -> None:
    """Keep the exception the CLI reports: its type names the stage better than the message alone."""
    if hasattr(awscli.clidriver, "write_exception"):  # v1
        original = awscli.clidriver.write_exception

        def write_exception(ex, outfile):
            _RECORDED.append(ex)
            return original(ex, outfile)

        awscli.clidriver.write_exception = write_exception
    try:  # v2
        from awscli.errorhandler import ChainedExceptionHandler
    except ImportError:
        return
    original_handle = ChainedExceptionHandler.handle_exception

    def handle_exception(self, exception, *args, **kwargs):
        _RECORDED.append(exception)
        return original_handle(self, exception, *args, **kwargs)

    ChainedExceptionHandler.handle_exception = handle_exception


_ARGPARSE = re.compile(r"Unknown options|the following arguments are required|aws: error:|argument --?[\w-]+: |"
                       r"ignored explicit argument|expected one argument|invalid choice|ambiguous option")


def classify(error: str, exceptions: list[str], exit_code) -> str:
    """The stage at which the CLI rejected a command, from the exception types and its message.

    Markers are the CLI's own wording, checked from the latest stage back, because a message may quote the value
    (a JSON text can contain anything). Exit codes are a last resort: v2 exits 252 for every parameter error, not
    only argparse's.
    """
    names = set(exceptions)
    if URL_REFUSED in error:
        return "url"
    if "Unable to load paramfile" in error or "ResourceLoadingError" in names \
            or "Blob values must be a path to a file" in error:  # v1 opens a streaming blob's file itself
        return "paramfile"
    if "Bad value for --query" in error:
        return "query"
    if "Invalid JSON" in error or "JSONDecodeError" in names or re.search(
            r"Error parsing parameter '-*cli-input-(json|yaml)'", error):
        return "json"  # --cli-input-yaml too: YAML is v2's other spelling of the same input document
    if any("Shorthand" in n for n in names) or re.search(
            r"Error parsing parameter '[^']*': Expected: |Second instance of key|preceding \",\" instead of a space"
            r"|\{self\._error_location\(\)\}", error):  # the last: v1's shorthand message lacks its f-string
        return "shorthand"
    if "Invalid base64" in error:
        return "blob"
    if "Parameter validation failed" in error:
        return "timestamp" if "timestamp-string" in error else "validation"
    if re.search(r"invalid literal for int\(\) with base 10|could not convert string to float", error):
        # The CLI converts a scalar by its model type (argprocess) before botocore validates: the same type error.
        return "validation"
    if names & {"ArgParseException", "UnknownArgumentError", "RequiredOptionsError"} or _ARGPARSE.search(error) \
            or exit_code == 2:
        return "argparse"  # before the type check below: v2 reports unknown options as a ParamValidationError
    if "ParamValidationError" in names:
        return "validation"  # a command's own check (emr create-cluster: --ami-version or --release-label)
    return "other"


def isolate(home: Path, config: Path, credentials: Path) -> None:
    """The environment of a machine that never ran the CLI: no profile, dummy keys, nothing interactive."""
    for key in [k for k in os.environ if k.startswith("AWS_")]:
        del os.environ[key]
    os.environ.update({
        "HOME": str(home), "AWS_CONFIG_FILE": str(config),
        "AWS_SHARED_CREDENTIALS_FILE": str(credentials),
        "AWS_ACCESS_KEY_ID": "AKIDREFEREE", "AWS_SECRET_ACCESS_KEY": "referee",
        "AWS_DEFAULT_REGION": "us-east-1", "AWS_PAGER": "", "PAGER": "cat", "MANPAGER": "cat",
        "AWS_EC2_METADATA_DISABLED": "true", "AWS_CLI_AUTO_PROMPT": "off", "BROWSER": "false",
        # awscli put its own data folder (cli.json, …) here at import; a user's extra model folders stay out.
        "AWS_DATA_PATH": str(Path(awscli.__file__).parent / "data"),
    })


# --- the worker ----------------------------------------------------------------------------------------------------

class _Worker:
    def __init__(self, base: Path, timeout: float, fresh: bool):
        self.timeout = timeout
        self.fresh = fresh
        self.home = Path(tempfile.mkdtemp(prefix="home-", dir=base))
        self.capture = Path(tempfile.mkdtemp(prefix="capture-", dir=base))
        aws = self.home / ".aws"
        aws.mkdir()
        self.config, self.credentials = aws / "config", aws / "credentials"
        isolate(self.home, self.config, self.credentials)
        self._restore_home()
        os.chdir(self.home)
        sys.argv = ["aws"]  # argparse names the program after argv[0] in its messages
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")  # fd 0, as in a shell
        _install_guards()
        _install_exception_recorders()
        self.driver = None if fresh else self._new_driver()
        self._warmed: set[str] = set()

    def _restore_home(self) -> None:
        """Back to two empty config files: what a command wrote must not reach the next one."""
        for child in self.home.iterdir():
            if child.name != ".aws":
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        for child in (self.home / ".aws").iterdir():
            if child not in (self.config, self.credentials):
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        for path in (self.config, self.credentials):
            if not path.is_file() or path.stat().st_size:
                path.write_text("", encoding="utf-8")

    def _home_changed(self) -> bool:
        entries = [p for p in self.home.rglob("*")]
        return sorted(entries) != sorted([self.home / ".aws", self.config, self.credentials]) or any(
            p.stat().st_size for p in (self.config, self.credentials))

    @staticmethod
    def _new_driver():
        driver = create_clidriver()

        def stop(model, **_):
            _REACHED.append(model.name)
            raise _Reached()

        driver.session.register("before-call", stop, unique_id="referee-stop")
        return driver

    def _warm(self, words: list[str]) -> None:
        """Load what the command needs into the warm driver, so each child finds it cached: the service's command
        table and a client of it (endpoint data, models, the client class: 0.2 s of a cold command's 0.25 s)."""
        try:
            table = self.driver._get_command_table()
            word = next((w for w in words if not w.startswith("-") and w in table), None)
            if word is None or word in self._warmed:
                return
            self._warmed.add(word)
            command = table[word]
            service = getattr(command, "_service_name", None) if isinstance(command, ServiceCommand) else word
            if isinstance(command, ServiceCommand):
                command._get_command_table()
            session = self.driver.session
            if service in session.get_available_services():
                session.create_client(service, region_name="us-east-1")
                for load in (session.get_paginator_model, session.get_waiter_model):
                    try:
                        load(service)
                    except Exception:  # noqa: BLE001  a service without paginators or waiters
                        pass
        except Exception:  # noqa: BLE001  the child meets the same error and reports it; start clean anyway
            self.driver, self._warmed = self._new_driver(), set()

    def judge(self, words: list[str]) -> dict:
        if not self.fresh:
            self._warm(words)
        out, err = self.capture / "stdout", self.capture / "stderr"
        for path in (out, err):  # a child that dies early must not leave the last command's message behind
            path.unlink(missing_ok=True)
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: run the command, report, vanish
            os.close(read)
            try:
                os.setpgid(0, 0)
                result = _run(self.driver or self._new_driver(), words, out, err)
                os.write(write, json.dumps(result).encode("utf-8"))
            finally:
                os._exit(0)
        os.close(write)
        try:
            os.setpgid(pid, pid)  # here too, so that the group exists whichever of the two runs first
        except (PermissionError, ProcessLookupError):
            pass  # the child got there first (or is gone): either way the group is its own
        chunks, deadline, timed_out = [], time.monotonic() + self.timeout, False
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read], [], [], left)[0]:
                timed_out = True
                break
            chunk = os.read(read, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        os.close(read)
        if timed_out:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        os.waitpid(pid, 0)
        if timed_out or not chunks:
            tail = err.read_text(encoding="utf-8", errors="replace") if err.exists() else ""
            result = {"verdict": "timeout" if timed_out else "rejected", "stage": None if timed_out else "other",
                      "error": self._clean(tail) or ("" if timed_out else "referee: the child died")}
        else:
            result = json.loads(b"".join(chunks).decode("utf-8"))
            result["error"] = self._clean(result["error"]) if result["error"] is not None else None
        if self._home_changed():
            self._restore_home()
        return result

    def _clean(self, text: str) -> str:
        """The message's tail, without this worker's scratch path (so both workers write the same bytes) and
        without the usage banner every argparse error repeats (it would fill the tail and say nothing)."""
        text = _USAGE.sub("", text.replace(str(self.home), "~"))
        return re.sub(r"\n{3,}", "\n\n", text).strip()[-ERROR_TAIL:]


_REACHED: list[str] = []


def _run(driver, words: list[str], out: Path, err: Path) -> dict:
    """In the child: run ``aws <words>`` with stdout/stderr in files (fd level: subprocesses too)."""
    for fd, path in ((1, out), (2, err)):
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(handle, fd)
        os.close(handle)
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", errors="replace",
                                  line_buffering=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="replace",
                                  line_buffering=True)
    _RECORDED.clear()
    _REACHED.clear()
    try:
        code = driver.main(list(words))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) or exit_.code is None else 2
        _RECORDED.append(exit_)
    except _Reached:
        code = 0
    except BaseException as error:  # noqa: BLE001  anything else is the CLI failing
        _RECORDED.append(error)
        code = 255
    sys.stdout.flush()
    sys.stderr.flush()
    if _REACHED:
        return {"verdict": "accepted", "stage": None, "error": None, "operation": _REACHED[0]}
    code = 0 if code is None and not _RECORDED else code
    if code == 0:
        return {"verdict": "accepted", "stage": None, "error": None}
    message = err.read_text(encoding="utf-8", errors="replace").strip()
    if not message and _RECORDED:
        message = str(_RECORDED[-1])
    names = [type(e).__name__ for e in _RECORDED]
    return {"verdict": "rejected", "stage": classify(message, names, code), "error": message, "exit": code,
            "exception": names[-1] if names else None}


# --- the pool ------------------------------------------------------------------------------------------------------

_WORKER: _Worker | None = None


def _init(base: str, timeout: float, fresh: bool) -> None:
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which terminates the pool
    _WORKER = _Worker(Path(base), timeout, fresh)


def _judge(words: list[str]) -> dict:
    return _WORKER.judge(words)


def judge_all(commands: list[list[str]], workers: int = 2, timeout: float = 20.0, fresh: bool = False,
              progress: str = "") -> list[dict]:
    """Verdicts for ``aws <words>`` of every command, in order."""
    base = tempfile.mkdtemp(prefix="referee-")
    results: list[dict] = []
    started = time.monotonic()
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_init,
                                                       initargs=(base, timeout, fresh)) as pool:
            for result in pool.imap(_judge, commands, chunksize=4):
                results.append(result)
                if progress and len(results) % 500 == 0:
                    print(f"  {progress}: {len(results)}/{len(commands)} judged, {time.monotonic() - started:.0f} s",
                          file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return results
