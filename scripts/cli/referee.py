#!/usr/bin/env python3
"""The real AWS CLI as referee: would it accept this command line? (issue 13)

The installed CLI runs in-process (v1; v2 from its source with ``AWSCLI_V2_SOURCE``, see ``cli_dialect``) and is
stopped at botocore's ``before-call`` event: after argument parsing, paramfile loading, shorthand and JSON parsing,
and botocore's parameter validation; before anything is signed or sent. A command is *accepted* when it reaches that
point, or ends without an API call and with exit code 0. It is *rejected* when the CLI stops with an error first
(``stage`` says where: argparse, paramfile, url, shorthand, json, validation, query, blob, timestamp, other), and
*timeout* when it has not finished after ``--timeout`` seconds (a prompt, say). The sandbox (scratch HOME, no
network, no browser, stdin /dev/null) is described in ``referee_judge``.

Usage::

    python scripts/cli/referee.py line 'aws ec2 describe-instances --filter Name=x,Values=y'
    python scripts/cli/referee.py examples [--sample N] [--seed S] [--output FILE]
    python scripts/cli/referee.py corpus [--output FILE]            # writes tests/golden/cli-parse-corpus-v1.jsonl.gz
    python scripts/cli/referee.py corpus --check [--sample N] [--seed S]   # re-judges the checked-in lines
    python scripts/cli/referee.py verify-reuse [--sample N]         # warm forked driver == fresh driver per command

v2: ``AWSCLI_V2_SOURCE=/tmp/v2src /usr/bin/python3 scripts/cli/referee.py …`` (writes ``…-v2.jsonl.gz``).
"""

from __future__ import annotations

import os
import sys

if os.environ.get("PYTHONHASHSEED") != "0":  # set iteration order must not vary between runs: the bytes must not
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])

import argparse  # noqa: E402
import json  # noqa: E402
import multiprocessing  # noqa: E402
import random  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import cli_dialect  # noqa: E402  (picks v1 or the v2 source before awscli is imported)
import awscli  # noqa: E402
import referee_corpus as corpus  # noqa: E402
from referee_judge import isolate, judge_all  # noqa: E402


def _variants(accepted: list[tuple[str, list[str]]], seed: int, per_class: int):
    """Runs in a child process: building command tables here must not reach the judges forked later (s3 sync's
    class-level argument lists grow with every driver that builds them)."""
    from awscli.clidriver import create_clidriver
    import broken_variants
    from command_shape import Shapes

    home = Path(tempfile.mkdtemp(prefix="referee-variants-"))
    try:
        (home / ".aws").mkdir()
        for name in ("config", "credentials"):
            (home / ".aws" / name).write_text("", encoding="utf-8")
        isolate(home, home / ".aws" / "config", home / ".aws" / "credentials")
        return broken_variants.generate(accepted, Shapes(create_clidriver()), seed, per_class)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def build(args) -> int:
    seconds, started = {}, time.monotonic()
    commands, dropped = corpus.example_commands()
    if args.limit:
        commands = commands[:args.limit]
    print(f"corpus: judging {len(commands)} example lines ({cli_dialect.DIALECT})", file=sys.stderr)
    results = judge_all([w for _s, w in commands], args.workers, args.timeout, progress="examples")
    lines = [corpus.record(w, "example", s, r) for (s, w), r in zip(commands, results)]
    seconds["examples"] = time.monotonic() - started

    accepted = [(s, w) for (s, w), r in zip(commands, results) if r["verdict"] == "accepted"]
    with multiprocessing.get_context("fork").Pool(1) as pool:
        variants, failures = pool.apply(_variants, (accepted, args.seed, args.per_class))
    mark = time.monotonic()
    print(f"corpus: judging {len(variants)} variants", file=sys.stderr)
    results = judge_all([w for _k, _s, w in variants], args.workers, args.timeout, progress="variants")
    lines += [corpus.record(w, k, s, r) for (k, s, w), r in zip(variants, results)]
    seconds["variants"] = time.monotonic() - mark
    seconds["total"] = time.monotonic() - started

    output = args.output or corpus.default_output()
    corpus.write_corpus(output, lines)
    print(corpus.summary(lines, dropped, failures, seconds), file=sys.stderr)
    print(f"wrote {output} ({output.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)
    return 0


def check(args) -> int:
    path = args.output or corpus.default_output()
    lines = corpus.read_corpus(path)
    chosen = corpus.sample_lines(lines, args.sample, args.seed)
    started = time.monotonic()
    results = judge_all([lines[i]["words"] for i in chosen], args.workers, args.timeout, progress="check")
    differ, messages = 0, 0
    for i, result in zip(chosen, results):
        line = lines[i]
        if (result["verdict"], result.get("stage")) != (line["verdict"], line["stage"]):
            differ += 1
            print(f"line {i + 1} ({line['class']}): aws {shlex.join(line['words'])}\n"
                  f"  file: {line['verdict']} {line['stage']}\n  CLI:  {result['verdict']} {result.get('stage')}"
                  f"  {(result.get('error') or '')[-200:]!r}")
        elif result.get("error") != line["error"]:
            messages += 1
    print(f"check ({cli_dialect.DIALECT}, awscli {awscli.__version__}): {len(chosen)} of {len(lines)} lines "
          f"re-judged in {time.monotonic() - started:.0f} s; {differ} verdicts differ"
          + (f"; {messages} same verdict with another message" if messages else ""), file=sys.stderr)
    return 1 if differ else 0


def verify_reuse(args) -> int:
    """The warm, forked driver against a fresh driver per command, on a sample of the corpus (examples and broken
    variants: the error paths are where a reused driver would leak), or of the examples if there is no corpus."""
    path = corpus.default_output()
    if path.exists():
        words = [line["words"] for line in corpus.read_corpus(path)]
    else:
        words = [w for _s, w in corpus.example_commands()[0]]
    words = random.Random(args.seed).sample(words, min(args.sample, len(words)))
    started = time.monotonic()
    warm = judge_all(words, args.workers, args.timeout)
    mark = time.monotonic()
    fresh = judge_all(words, args.workers, args.timeout, fresh=True)
    done = time.monotonic()
    differ = [(w, a, b) for w, a, b in zip(words, warm, fresh) if a != b]
    for w, a, b in differ:
        print(f"aws {shlex.join(w)}\n  warm:  {a}\n  fresh: {b}")
    print(f"verify-reuse: {len(words)} commands; warm {mark - started:.1f} s, fresh {done - mark:.1f} s; "
          f"{len(differ)} differ", file=sys.stderr)
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--workers", type=int, default=2)
    common.add_argument("--timeout", type=float, default=20.0, help="seconds per command (then verdict timeout)")
    common.add_argument("--seed", type=int, default=13)
    sub = parser.add_subparsers(dest="mode", required=True)
    line = sub.add_parser("line", parents=[common])
    line.add_argument("command")
    examples = sub.add_parser("examples", parents=[common])
    examples.add_argument("--sample", type=int, default=0, help="judge this many examples, chosen at random (0: all)")
    examples.add_argument("--output", type=Path)
    build_ = sub.add_parser("corpus", parents=[common])
    build_.add_argument("--output", type=Path, help="default: tests/golden/cli-parse-corpus-<dialect>.jsonl.gz")
    build_.add_argument("--check", action="store_true", help="re-judge the file's lines; exit 1 if a verdict differs")
    build_.add_argument("--sample", type=int, default=0, help="with --check: this many random lines (0: all)")
    build_.add_argument("--per-class", type=int, default=80, help="variants per broken class")
    build_.add_argument("--limit", type=int, default=0, help="only the first N example lines (to try it out)")
    verify = sub.add_parser("verify-reuse", parents=[common])
    verify.add_argument("--sample", type=int, default=300)
    args = parser.parse_args()

    if args.mode == "line":
        words = shlex.split(args.command)
        words = words[1:] if words[:1] == ["aws"] else words
        print(json.dumps({"command": ["aws", *words], **judge_all([words], 1, args.timeout)[0]}))
        return 0
    if args.mode == "corpus":
        return check(args) if args.check else build(args)
    if args.mode == "verify-reuse":
        return verify_reuse(args)

    commands, _ = corpus.example_commands()
    if args.sample:
        commands = random.Random(args.seed).sample(commands, min(args.sample, len(commands)))
    results = judge_all([w for _s, w in commands], args.workers, args.timeout, progress="examples")
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    for (source, words), result in zip(commands, results):
        out.write(json.dumps({"command": ["aws", *words], "source": source, **result}) + "\n")
    accepted = sum(r["verdict"] == "accepted" for r in results)
    print(f"referee ({cli_dialect.DIALECT}, awscli {awscli.__version__}): {accepted} of {len(commands)} examples "
          f"accepted ({100 * accepted / max(1, len(commands)):.1f} %)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
