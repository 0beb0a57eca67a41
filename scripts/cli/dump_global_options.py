#!/usr/bin/env python3
"""Write the global options of both AWS CLI versions to one data file.

Each CLI states its global options in ``awscli/data/cli.json`` (argparse
settings: ``action``, ``choices``, ``type``, HTML help).  This script reads v1's
from the installed awscli (1.45.11) and v2's from the source tree named by
``AWSCLI_V2_SOURCE`` (2.34.50), and writes
``src/AwsMcpTyped/Execution/Validation/Data/global-options.json``, the one
definition that validation, describe and the typed tools read.  An option whose
settings are the same in both versions is one record with ``dialects``
``["v1", "v2"]``; otherwise each version gets its own record (``--output``: v2
adds yaml, yaml-stream and off).  Help is plain text (tags removed).

Usage: AWSCLI_V2_SOURCE=/path/to/aws-cli python3 scripts/cli/dump_global_options.py
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

from jsonio import REPO_ROOT, write_json

OUTPUT = REPO_ROOT / "src" / "AwsMcpTyped" / "Execution" / "Validation" / "Data" / "global-options.json"
#: argparse actions that take no value on the command line.
FLAG_ACTIONS = {"store_true", "store_false", "version"}


def v1_cli() -> tuple[str, Path]:
    import awscli  # the installed AWS CLI v1

    return awscli.__version__, Path(awscli.__file__).parent / "data" / "cli.json"


def v2_cli() -> tuple[str, Path]:
    source = os.environ.get("AWSCLI_V2_SOURCE")
    if not source:
        raise SystemExit("set AWSCLI_V2_SOURCE to the aws/aws-cli source tree (v2 tag 2.34.50)")
    init = (Path(source) / "awscli" / "__init__.py").read_text(encoding="utf-8")
    version = re.search(r"^__version__ = '([^']+)'", init, re.M).group(1)
    return version, Path(source) / "awscli" / "data" / "cli.json"


def plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("``", "").split())


def record(name: str, settings: dict) -> dict:
    return {
        "name": "--" + name,
        "takesValue": settings.get("action") not in FLAG_ACTIONS,
        "choices": settings.get("choices"),
        "integer": settings.get("type") == "int",
        "help": plain(settings.get("help", "")),
    }


def main() -> None:
    versions, tables = {}, {}
    for dialect, locate in (("v1", v1_cli), ("v2", v2_cli)):
        version, path = locate()
        versions[dialect] = version
        tables[dialect] = {f"--{n}": record(n, s) for n, s in json.loads(path.read_text(encoding="utf-8"))["options"].items()}
    options = []
    for name in sorted(set(tables["v1"]) | set(tables["v2"])):
        v1, v2 = tables["v1"].get(name), tables["v2"].get(name)
        if v1 is not None and v1 == v2:
            options.append({**v1, "dialects": ["v1", "v2"]})
            continue
        options += [{**r, "dialects": [d]} for d, r in (("v1", v1), ("v2", v2)) if r is not None]
    write_json(OUTPUT, {"awscli": versions, "options": options})
    print(f"wrote {OUTPUT}: {len(options)} records ({len(tables['v1'])} v1 options, {len(tables['v2'])} v2 options)")


if __name__ == "__main__":
    main()
