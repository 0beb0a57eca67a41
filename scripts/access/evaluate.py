#!/usr/bin/env python3
"""Evaluate the final access classes against the IAM levels.

Re-implements (in Python, for checking only) the classification the C# classifier performs:

  1. access-overrides.json entry for (service, operation)  -> its class;
  (verb lists: generators/data/access/verb-rules.json if present, else the built-in defaults)
  2. else IAM level from iam-access-levels.tsv:
       Read / List                               -> read
       Write / Tagging / Permissions management  -> write, or destructive if the name starts
                                                    with a destructive verb (DESTRUCTIVE_VERBS);
  3. else (unlabelled) heuristic H1: read if the name starts with one of H1_READ_PREFIXES as a
     whole camel-case word, else write/destructive as above.

Prints
  * a confusion matrix IAM (read/write) x final class for the labelled operations, and agreement
    (IAM read ~ final read or sensitive-read; IAM write ~ final write or destructive);
  * every operation IAM calls Write / Tagging / Permissions management that ends up `read`
    (these must all be justified overrides), and those that end up `sensitive-read`;
  * every operation IAM calls Read/List that ends up write/destructive;
  * how the unlabelled operations were classified;
  * consistency errors: override keys that are not botocore operations.

Usage: scripts/access/evaluate.py [--tsv FILE] [--overrides FILE]
Exit status 1 if an IAM-write operation ends up `read` without an override, or an override key is unknown.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPO_ROOT / "generators" / "data" / "access"

# Defaults; replaced by generators/data/access/verb-rules.json (the classifier's own verb lists) when present.
# H1 from /work/shared/research/data.md §3.3 (98.74% agreement with IAM on labelled operations).
H1_READ_PREFIXES = ("Describe", "List", "Get", "Head", "Search", "Query", "Scan", "Lookup", "BatchGet", "Check")
# Leading verbs that make a write destructive (approximation of the classifier's destructiveHint).
DESTRUCTIVE_VERBS = ("Delete", "Terminate", "Remove", "Deregister", "Revoke", "Purge", "Destroy", "Drop", "BatchDelete")
VERB_RULES_FILE = DATA_DIR / "verb-rules.json"
if VERB_RULES_FILE.is_file():
    with open(VERB_RULES_FILE, encoding="utf-8") as _f:
        _rules = json.load(_f)
    H1_READ_PREFIXES = tuple(_rules.get("readVerbs", H1_READ_PREFIXES))
    DESTRUCTIVE_VERBS = tuple(_rules.get("destructiveVerbs", DESTRUCTIVE_VERBS))

IAM_READ_LEVELS = {"Read", "List"}
IAM_WRITE_LEVELS = {"Write", "Tagging", "Permissions management"}


def starts_with_word(name: str, prefixes) -> bool:
    """True if name starts with one of prefixes followed by end-of-name or an upper-case letter."""
    return any(name.startswith(p) and (len(name) == len(p) or name[len(p)].isupper()) for p in prefixes)


def write_or_destructive(op: str) -> str:
    return "destructive" if starts_with_word(op, DESTRUCTIVE_VERBS) else "write"


def classify(op: str, level: str, override) -> tuple[str, str]:
    """(final class, source) for one operation."""
    if override is not None:
        return override["class"], "override"
    if level in IAM_READ_LEVELS:
        return "read", "iam"
    if level in IAM_WRITE_LEVELS:
        return write_or_destructive(op), "iam"
    if starts_with_word(op, H1_READ_PREFIXES):
        return "read", "h1"
    return write_or_destructive(op), "h1"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tsv", type=Path, default=DATA_DIR / "iam-access-levels.tsv")
    ap.add_argument("--overrides", type=Path, default=DATA_DIR / "access-overrides.json")
    args = ap.parse_args()

    with open(args.tsv, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    with open(args.overrides, encoding="utf-8") as f:
        overrides = json.load(f)["overrides"]

    known = {(r["service"], r["operation"]) for r in rows}
    errors = [f"override for unknown operation {s} {o}"
              for s, ops in overrides.items() for o in ops if (s, o) not in known]

    matrix = collections.Counter()
    write_to_read, write_to_sensitive, read_to_write = [], [], []
    unlabelled = collections.Counter()
    final_counts = collections.Counter()

    for r in rows:
        svc, op, level = r["service"], r["operation"], r["level"]
        ov = overrides.get(svc, {}).get(op)
        cls, source = classify(op, level, ov)
        final_counts[cls] += 1
        if not level:
            unlabelled[(cls, source)] += 1
            continue
        iam = "read" if level in IAM_READ_LEVELS else "write"
        matrix[(iam, cls)] += 1
        if iam == "write" and cls == "read":
            write_to_read.append((svc, op, level, ov["why"] if ov else "NO OVERRIDE"))
            if ov is None:
                errors.append(f"IAM {level} but read without an override: {svc} {op}")
        elif iam == "write" and cls == "sensitive-read":
            write_to_sensitive.append((svc, op, level, ov["why"]))
        elif iam == "read" and cls in ("write", "destructive"):
            read_to_write.append((svc, op, level, ov["why"] if ov else ""))

    labelled = sum(matrix.values())
    classes = ["read", "sensitive-read", "write", "destructive"]
    print(f"operations: {len(rows)}, labelled by IAM: {labelled} ({100.0 * labelled / len(rows):.2f}%)")
    print("\nfinal class, all operations:")
    for c in classes:
        print(f"  {c:15} {final_counts[c]:6}")

    print("\nlabelled operations: IAM level (rows) x final class (columns)")
    print("  " + " " * 8 + "".join(f"{c:>16}" for c in classes))
    for iam in ("read", "write"):
        print(f"  {iam:8}" + "".join(f"{matrix[(iam, c)]:16}" for c in classes))
    agree = sum(matrix[("read", c)] for c in ("read", "sensitive-read")) + \
        sum(matrix[("write", c)] for c in ("write", "destructive"))
    strict = matrix[("read", "read")] + sum(matrix[("write", c)] for c in ("write", "destructive"))
    print(f"\nagreement (sensitive-read counted as read): {agree}/{labelled} = {100.0 * agree / labelled:.2f}%")
    print(f"agreement (sensitive-read counted as disagreement): {strict}/{labelled} = {100.0 * strict / labelled:.2f}%")

    print(f"\nIAM Write/Tagging/Permissions management -> final read ({len(write_to_read)}; must all be justified overrides):")
    for svc, op, level, why in sorted(write_to_read):
        print(f"  {svc} {op} [{level}]: {why}")
    print(f"\nIAM Write/Permissions management -> final sensitive-read ({len(write_to_sensitive)}):")
    for svc, op, level, why in sorted(write_to_sensitive):
        print(f"  {svc} {op} [{level}]: {why}")
    print(f"\nIAM Read/List -> final write/destructive ({len(read_to_write)}):")
    for svc, op, level, why in sorted(read_to_write):
        print(f"  {svc} {op} [{level}]: {why or '(destructive-verb rule)'}")

    print("\nunlabelled operations by final class and source:")
    for (cls, source), n in sorted(unlabelled.items()):
        print(f"  {cls:15} {source:9} {n:5}")

    if errors:
        print("\nERRORS:")
        for e in errors:
            print("  " + e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
