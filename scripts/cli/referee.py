#!/usr/bin/env python3
"""The real AWS CLI as referee: would it accept this command line? (issue 13)

The installed CLI runs in-process (v1; v2 from its source with ``AWSCLI_V2_SOURCE``, see ``cli_dialect``) and is
stopped at botocore's ``before-call`` event: after argument parsing, paramfile loading, shorthand and JSON parsing,
and botocore's parameter validation; before anything is signed or sent. A command is *accepted* when it reaches that
point, or ends without an API call and with exit code 0. It is *rejected* when the CLI stops with an error first.
No network is used: the credentials are dummies and nothing is sent.

Usage::

    python scripts/cli/referee.py line 'aws ec2 describe-instances --filter Name=x,Values=y'
    python scripts/cli/referee.py examples [--sample N] [--seed S] [--output FILE]

``examples`` reads the CLI's documentation examples (``awscli/examples/**/*.rst``: the literal blocks that start with
``aws``, continuation lines joined), judges each, writes one JSON line per command and prints the accepted share.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import shlex
import sys
import tempfile
from pathlib import Path

import cli_dialect  # noqa: F401  (picks v1 or the v2 source before awscli is imported)
import awscli
from awscli.clidriver import create_clidriver


class _Reached(Exception):
    """Raised at before-call: the CLI accepted the command and was about to send it."""


def judge(words: list[str]) -> dict:
    """The CLI's verdict on ``aws <words>``: accepted, or rejected with its message."""
    reached = {"operation": None}

    def stop(model, **_):
        reached["operation"] = model.name
        raise _Reached()

    driver = create_clidriver()
    driver.session.register("before-call", stop)
    stderr, stdout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
        try:
            code = driver.main(words)
        except SystemExit as exit_:  # argparse usage errors
            code = exit_.code if isinstance(exit_.code, int) else 2
        except _Reached:
            code = 0
    accepted = reached["operation"] is not None or code == 0
    result = {"command": ["aws", *words], "verdict": "accepted" if accepted else "rejected"}
    if reached["operation"]:
        result["operation"] = reached["operation"]
    if not accepted:
        result["exit"] = code
        result["error"] = stderr.getvalue().strip()[-400:]
    return result


def example_commands() -> list[tuple[str, list[str]]]:
    """(file, words) of every ``aws ...`` line in a literal block of the documentation examples."""
    root = Path(awscli.__file__).parent / "examples"
    commands = []
    for path in sorted(root.rglob("*.rst")):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        i = 0
        while i < len(lines):
            line = lines[i].strip()
            if line.startswith("aws "):
                text = line
                while text.endswith("\\") and i + 1 < len(lines):
                    i += 1
                    text = text[:-1] + " " + lines[i].strip()
                try:
                    words = shlex.split(text)
                except ValueError:
                    words = None  # unbalanced quotes: not a command line the shell would run
                if words and words[0] == "aws":
                    commands.append((str(path.relative_to(root)), words[1:]))
            i += 1
    return commands


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    line = sub.add_parser("line")
    line.add_argument("command")
    examples = sub.add_parser("examples")
    examples.add_argument("--sample", type=int, default=0, help="judge this many examples, chosen at random (0: all)")
    examples.add_argument("--seed", type=int, default=13)
    examples.add_argument("--output", type=Path)
    args = parser.parse_args()

    # Dummy credentials and a region, no config files, and a scratch folder: what the examples read from disk is
    # missing, as on a machine that never ran them.
    os.environ.update({"AWS_ACCESS_KEY_ID": "AKIDREFEREE", "AWS_SECRET_ACCESS_KEY": "referee", "AWS_DEFAULT_REGION": "us-east-1",
                       "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull, "AWS_PAGER": ""})
    os.chdir(tempfile.mkdtemp(prefix="referee-"))

    if args.mode == "line":
        words = shlex.split(args.command)
        print(json.dumps(judge(words[1:] if words[:1] == ["aws"] else words)))
        return 0

    commands = example_commands()
    if args.sample:
        commands = random.Random(args.seed).sample(commands, min(args.sample, len(commands)))
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    accepted = 0
    for source, words in commands:
        verdict = judge(words)
        verdict["source"] = source
        accepted += verdict["verdict"] == "accepted"
        out.write(json.dumps(verdict) + "\n")
    print(f"referee ({cli_dialect.DIALECT}, awscli {awscli.__version__}): {accepted} of {len(commands)} examples accepted "
          f"({100 * accepted / max(1, len(commands)):.1f} %)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
