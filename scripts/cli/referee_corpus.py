"""The parsing corpus: every documentation example and its broken variants, with the installed CLI's verdicts.

One gzip JSON line per command (``tests/golden/cli-parse-corpus-<dialect>.jsonl.gz``)::

    {"words": ["ec2", "describe-instances", ...], "class": "example", "source": "ec2/describe-instances.rst",
     "verdict": "accepted" | "rejected" | "timeout", "stage": null | "argparse" | ..., "error": null | "...",
     "excluded": "missing-file"}          # only on examples the CLI rejects because of this machine

Examples come first, in file order (``source`` sorted), then the variants class by class (``source`` is the example
a variant was made from). Bytes are reproducible: no timestamps, gzip mtime 0, keys in a fixed order.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import re
import shlex
from collections import Counter
from pathlib import Path

import cli_dialect
import awscli
from jsonio import REPO_ROOT

#: Why an example line was not taken as a command (shell syntax outside quotes, or a broken quote).
SHELL_REASONS = ("pipe", "redirect", "placeholder", "substitution", "and-or", "semicolon", "background", "comment",
                 "unbalanced-quotes", "not-aws", "duplicate")


def default_output() -> Path:
    return REPO_ROOT / "tests" / "golden" / f"cli-parse-corpus-{cli_dialect.DIALECT}.jsonl.gz"


def examples_root() -> Path:
    return Path(awscli.__file__).parent / "examples"


def shell_syntax(text: str) -> str | None:
    """The first shell construct outside quotes (POSIX quoting), or None: such a line is not one ``aws`` command."""
    i, quote, word_start = 0, None, True
    while i < len(text):
        c = text[i]
        if quote == "'":
            quote = None if c == "'" else quote
        elif quote == '"':
            if c == "\\":
                i += 1
            elif c == '"':
                quote = None
            elif c == "`" or text.startswith("$(", i):
                return "substitution"
        elif c == "\\":
            i += 1
        elif c in "'\"":
            quote = c
        elif c == "`" or text.startswith("$(", i):
            return "substitution"
        elif c == "|":
            return "and-or" if text.startswith("||", i) else "pipe"
        elif c == "&":
            return "and-or" if text.startswith("&&", i) else "background"
        elif c == ";":
            return "semicolon"
        elif c == "<" and re.match(r"<[\w.:/ -]+>", text[i:]):
            return "placeholder"  # <region-ID>: the docs' placeholder, a redirection to the shell
        elif c in "<>":
            return "redirect"
        elif c == "#" and word_start:
            return "comment"
        word_start = c.isspace() and quote is None
        i += 1
    return None


def _split(text: str) -> tuple[list[str] | None, str | None]:
    reason = shell_syntax(text)
    if reason:
        return None, reason
    try:
        return shlex.split(text), None
    except ValueError:
        return None, "unbalanced-quotes"


def example_commands(root: Path | None = None) -> tuple[list[tuple[str, list[str]]], Counter]:
    """(rst path, words after "aws") of every distinct ``aws ...`` line of the examples, and what was dropped why.

    A line that ends with ``\\`` continues on the next; a quoted value that spans lines (multi-line JSON) is joined
    up to the closing quote (within the literal block: until a blank line), as the shell would read it.
    """
    root = root or examples_root()
    commands, dropped, seen = [], Counter(), set()
    for path in sorted(root.rglob("*.rst")):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        i = 0
        while i < len(lines):
            text = lines[i].strip()
            if text.startswith("aws "):
                while True:
                    while text.endswith("\\") and i + 1 < len(lines):
                        i += 1
                        text = text[:-1] + " " + lines[i].strip()
                    words, reason = _split(text)
                    if reason != "unbalanced-quotes" or i + 1 >= len(lines) or not lines[i + 1].strip():
                        break
                    i += 1
                    text = text + "\n" + lines[i].strip()
                if reason:
                    dropped[reason] += 1
                elif not words or words[0] != "aws" or len(words) < 2:
                    dropped["not-aws"] += 1
                elif tuple(words[1:]) in seen:
                    dropped["duplicate"] += 1
                else:
                    seen.add(tuple(words[1:]))
                    commands.append((str(path.relative_to(root)), words[1:]))
            i += 1
    return commands, dropped


def exclusion(words: list[str], result: dict) -> str | None:
    """Why a rejection is this machine's doing (a file, stdin, a profile, a tool the docs assume), or None."""
    if result["verdict"] != "rejected":
        return None
    error = result.get("error") or ""
    if result.get("stage") == "paramfile" and ("No such file" in error or "Is a directory" in error):
        return "missing-file"
    if re.search(r"user-provided path .* does not exist|was not found|[Nn]o such file|does not exist locally|"
                 r"Invalid template path|is not a valid (file|directory)|Blob values must be a path to a file|"
                 r"directory is empty or does not exist|should be a path to the local SSH private key file|"
                 r"Unable to write to file", error):
        return "missing-file"
    # "-" is stdin only as an s3 path; elsewhere it is a value (glacier's --account-id - is "this account").
    if (words[:1] == ["s3"] and "-" in words) or any("/dev/stdin" in w for w in words):
        return "stdin"
    if result.get("stage") == "url":
        return "url-fetch"  # v1 would fetch the URL; the sandbox refuses
    if "EOF when reading a line" in error or "Input is not a terminal" in error:
        return "prompt"  # it asked a question on stdin (configure, configure mfa-login, v2's wizards)
    if "operating systems are supported" in error:
        return "local-system"  # deploy install/uninstall check the machine's OS first
    if re.search(r"The config profile \(.*\) could not be found", error):
        return "profile"
    if "SessionManagerPlugin is not found" in error or "session-manager-plugin" in error:
        return "local-tool"
    if "is not in the installed awscrt" in error:
        return "awscrt"
    return None


def record(words: list[str], kind: str, source: str, result: dict) -> dict:
    line = {"words": list(words), "class": kind, "source": source, "verdict": result["verdict"],
            "stage": result.get("stage"), "error": result.get("error")}
    reason = exclusion(words, result) if kind == "example" else None
    if reason:
        line["excluded"] = reason
    return line


def write_corpus(path: Path, lines: list[dict]) -> None:
    raw = "".join(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n" for line in lines)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as gz:
        gz.write(raw.encode("utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def read_corpus(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def summary(lines: list[dict], dropped: Counter, failures: dict, seconds: dict) -> str:
    """Counts per class and verdict, exclusions by reason, the top rejection messages of examples, and times."""
    out = [f"corpus ({cli_dialect.DIALECT}, awscli {awscli.__version__}): {len(lines)} lines"]
    classes = list(dict.fromkeys(line["class"] for line in lines))
    out.append(f"  {'class':<24}{'lines':>7}{'accepted':>10}{'rejected':>10}{'timeout':>9}  stages (rejected)")
    for kind in classes:
        of = [line for line in lines if line["class"] == kind]
        verdicts = Counter(line["verdict"] for line in of)
        stages = Counter(line["stage"] for line in of if line["verdict"] == "rejected")
        text = ", ".join(f"{s} {n}" for s, n in stages.most_common())
        out.append(f"  {kind:<24}{len(of):>7}{verdicts['accepted']:>10}{verdicts['rejected']:>10}"
                   f"{verdicts['timeout']:>9}  {text}")
    excluded = Counter(line["excluded"] for line in lines if line.get("excluded"))
    out.append("  excluded examples: " + (", ".join(f"{r} {n}" for r, n in excluded.most_common()) or "none"))
    out.append("  example lines dropped: " + (", ".join(f"{r} {n}" for r, n in dropped.most_common()) or "none"))
    if failures:
        out.append("  generator failures (example skipped): " + ", ".join(f"{k} {v}" for k, v in failures.items()))
    rejected = [line for line in lines if line["class"] == "example" and line["verdict"] != "accepted"
                and not line.get("excluded")]
    out.append(f"  examples rejected, not excluded: {len(rejected)}; by stage: "
               + ", ".join(f"{s} {n}" for s, n in Counter(l["stage"] for l in rejected).most_common()))
    reasons = Counter(_gist(line["error"] or "") for line in rejected)
    for gist, count in reasons.most_common(15):
        out.append(f"    {count:>5}  {gist}")
    out.append("  time: " + ", ".join(f"{k} {v:.0f} s" for k, v in seconds.items()))
    return "\n".join(out)


def _gist(error: str) -> str:
    """A rejection message with its specifics blanked, to group alike ones."""
    last = [l for l in error.splitlines() if l.strip()][-1:] or [""]
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", last[0])
    text = re.sub(r"\d+", "N", text)
    return text[:110]


def sample_lines(lines: list[dict], sample: int, seed: int) -> list[int]:
    """Indexes of ``sample`` lines chosen with the seed (all when sample is 0)."""
    indexes = list(range(len(lines)))
    return sorted(random.Random(seed).sample(indexes, min(sample, len(indexes)))) if sample else indexes
