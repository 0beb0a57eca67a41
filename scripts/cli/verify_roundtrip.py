#!/usr/bin/env python3
"""Check that baseline + overrides + customizations reproduce the golden CLI dump.

This is the Python twin of the C# golden test: it rebuilds the whole command
tree from

* ``baseline.py`` (botocore data + baseline rules),
* ``generators/data/cli-overrides.json`` (delta for model-driven commands),
* ``generators/data/cli-customizations.json`` (custom commands),

and compares it with ``tests/golden/cli-commands.json.gz``.  It prints the
first differences and exits non-zero on any mismatch.

It also checks that the golden file is what ``dump_golden.py`` produces now
(the installed CLI has not drifted) unless ``--skip-live`` is given, and
prints the headline counts.

Usage: python scripts/cli/verify_roundtrip.py [--skip-live]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Iterator

import cli_dialect  # noqa: F401  (picks the CLI before botocore is imported)
import baseline as baseline_rules
import overrides as overrides_mod
from compute_overrides import check_data_version
from jsonio import read_json

GOLDEN = cli_dialect.golden_path()
OVERRIDES = cli_dialect.data_path("cli-overrides.json")
CUSTOMIZATIONS = cli_dialect.data_path("cli-customizations.json")


def differences(expected: Any, actual: Any, path: str = "") -> Iterator[str]:
    """Yield human-readable differences between two JSON values."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual)):
            if key not in actual:
                yield f"{path}.{key}: missing"
            elif key not in expected:
                yield f"{path}.{key}: unexpected"
            else:
                yield from differences(expected[key], actual[key], f"{path}.{key}")
    elif isinstance(expected, list) and isinstance(actual, list):
        if all(isinstance(x, dict) and "name" in x for x in expected + actual):
            # Lists of named records: compare by name for readable output.
            yield from differences({x["name"]: x for x in expected},
                                   {x["name"]: x for x in actual}, path)
            if [x["name"] for x in expected] != [x["name"] for x in actual]:
                yield f"{path}: order differs"
        elif expected != actual:
            yield f"{path}: {expected!r} != {actual!r}"
    elif expected != actual:
        yield f"{path}: {expected!r} != {actual!r}"


def counts(golden: dict) -> dict[str, int]:
    services = golden["services"]
    commands = [c for s in services for c in s["commands"]]
    return {
        "top-level commands": len(services),
        "model-driven services (incl. aliases)": sum(
            1 for s in services if any(c["operation"] for c in s["commands"])),
        "operation commands": sum(1 for c in commands
                                  if c["operation"] and not c["name"].startswith("wait ")),
        "wait commands": sum(1 for c in commands if c["name"].startswith("wait ")),
        "custom commands": sum(1 for c in commands if c["operation"] is None),
        "hidden commands": sum(1 for c in commands if c["hidden"]),
        "arguments": sum(len(c["arguments"]) for c in commands),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-live", action="store_true",
                        help="do not re-dump the installed CLI and compare it with the golden file")
    parser.add_argument("--botocore-data", type=Path, default=baseline_rules.default_data_dir(),
                        help="botocore data directory (default: the repository's botocore-data)")
    args = parser.parse_args()

    golden = read_json(GOLDEN)
    check_data_version(args.botocore_data, golden["botocore"])
    rebuilt = overrides_mod.build_cli(baseline_rules.load_baseline(args.botocore_data),
                                      read_json(OVERRIDES), read_json(CUSTOMIZATIONS),
                                      args.botocore_data)
    problems = list(differences(golden["services"], rebuilt, "services"))

    if not args.skip_live:
        import dump_golden  # imports awscli; only needed for the live check
        live = dump_golden.build_golden()
        problems += [f"golden is stale: {d}" for d in differences(golden, live, "golden")]

    for name, value in counts(golden).items():
        print(f"{name:40} {value:>7}")
    if problems:
        print(f"\nFAIL: {len(problems)} differences", file=sys.stderr)
        for line in problems[:50]:
            print("  " + line, file=sys.stderr)
        return 1
    print("\nOK: baseline + overrides + customizations == golden")
    return 0


if __name__ == "__main__":
    sys.exit(main())
